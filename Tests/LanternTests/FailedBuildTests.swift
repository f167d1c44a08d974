import Foundation
import Testing
@testable import Lantern
@testable import LanternChecking
@testable import LanternLoading
@testable import LanternModel
@testable import LanternPlanning
@testable import LanternRendering
@testable import LanternWriting

/// Every deliberately invalid fixture (`Tests/Fixtures/invalid/`) that is an error, laid over a
/// site that built: the build fails and neither `public/` nor `private/` changes. (The exact
/// file, line and column of each is asserted in the suite of its input kind.)
@Suite struct FailedBuildTests {
    /// The overlays whose problems are warnings only: the build goes on.
    static let warningsOnly: Set<String> = ["theme-tags-match-nothing", "theme-unknown-keys"]

    static var erroring: [String] {
        let folder = TestSite.fixtures.appending(path: "invalid")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { !$0.hasPrefix(".") && !warningsOnly.contains($0) }.sorted()
    }

    @Test func everyInvalidFixtureIsTested() {
        #expect(Self.erroring.count >= 15)
    }

    @Test(arguments: erroring)
    func aFailedBuildChangesNothing(overlay: String) throws {
        let site = try TestSite("minimal")
        try expectFailedBuildLeavesOutputUntouched(site) { try $0.apply(overlay: "invalid/\(overlay)") }
    }

    @Test(arguments: ["theme-tags-match-nothing", "theme-unknown-keys"])
    func warningsDoNotStopTheBuild(overlay: String) throws {
        let site = try TestSite("minimal", overlay: "invalid/\(overlay)")
        let result = try site.build(today: "2026-06-10")
        #expect(!result.warnings.isEmpty && result.warnings.allSatisfy { $0.severity == .warning })
    }
}
