import Foundation
import Testing
@testable import Lantern
@testable import LanternChecking
@testable import LanternLoading
@testable import LanternModel
@testable import LanternPlanning
@testable import LanternRendering
@testable import LanternWriting

@Suite struct DeterminismTests {
    @Test func twoBuildsAreByteIdentical() throws {
        let site = try TestSite("sample")
        let other = site.root.appending(path: "public-again")
        try site.build(today: "2026-06-10")
        try site.build(today: "2026-06-10", output: other)
        let first = site.outputFiles(), second = site.outputFiles(other)
        #expect(first.count > 100)
        #expect(first.keys.sorted() == second.keys.sorted())
        for (path, bytes) in first { #expect(second[path] == bytes, "\(path) differs") }
    }

    @Test func rebuildingWritesNothingAndRemovesWhatIsGone() throws {
        let site = try TestSite("minimal")
        try site.build(today: "2026-06-10")
        let again = try site.build(today: "2026-06-10")
        #expect(again.output.written == 0 && again.output.removed == 0)

        // T001 leaves: her home page, her two storefronts and her folder go, and so does the
        // birthday item list for 北京, which only she used.
        let folder = "m/\(site.token("T001"))"
        #expect(site.outputFiles().keys.contains("\(folder)/index.html"))
        try site.write("content/roster.csv", site.read("content/roster.csv").replacingOccurrences(
            of: "li.jing@example.com,13900000001,zh-CN,active", with: "li.jing@example.com,13900000001,zh-CN,left"))
        let after = try site.build(today: "2026-06-10")
        #expect(after.output.removed == 4)
        #expect(!FileManager.default.fileExists(atPath: site.output.appending(path: folder).path))
    }
}
