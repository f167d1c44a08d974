import Foundation
import Testing

/// The library's targets follow the pipeline, and `scripts/check-layers` (run here, so by
/// `make test`) keeps them so: a target that imports one after it, or one Package.swift does
/// not list, fails.
@Suite struct LayerTests {
    static let script = TestSite.repository.appending(path: "scripts/check-layers")

    struct Run { var status: Int32; var output: String }

    static func check(_ root: URL, graph: Bool = false) throws -> Run {
        let process = Process()
        process.executableURL = URL(filePath: "/usr/bin/env")
        process.arguments = ["python3", script.path] + (graph ? ["--graph"] : []) + [root.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, output: String(decoding: data, as: UTF8.self))
    }

    /// Package.swift and Sources/ copied to a temporary folder, to be broken there.
    static func copy() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appending(path: "lantern-layers-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        for name in ["Package.swift", "Sources"] {
            try FileManager.default.copyItem(at: TestSite.repository.appending(path: name), to: root.appending(path: name))
        }
        return root
    }

    @Test func theRepositoryKeepsItsLayers() throws {
        let run = try Self.check(TestSite.repository)
        #expect(run.status == 0, "\(run.output)")
        #expect(run.output.contains("LanternModel → LanternLoading → LanternChecking → LanternPlanning → LanternRendering → LanternWriting → Lantern"))
    }

    @Test func theGraphIsPrinted() throws {
        let run = try Self.check(TestSite.repository, graph: true)
        #expect(run.status == 0)
        #expect(run.output.contains("LanternModel: (none)\n"))
        #expect(run.output.contains("LanternLoading: LanternModel, LanternImaging\n"))
        #expect(run.output.contains("LanternRendering: LanternModel, LanternLoading, LanternChecking, LanternPlanning, LanternImaging\n"))
        #expect(run.output.contains("LanternImaging: (none)\n"))
    }

    /// The check of a copy of the tree in which `line` is the first line of `path`.
    static func check(prepending line: String, to path: String) throws -> Run {
        let root = try copy()
        defer { try? FileManager.default.removeItem(at: root) }
        let file = root.appending(path: path)
        try (line + "\n" + String(contentsOf: file, encoding: .utf8)).write(to: file, atomically: true, encoding: .utf8)
        return try check(root)
    }

    @Test func importingALaterTargetFails() throws {
        let run = try Self.check(prepending: "import LanternRendering", to: "Sources/LanternLoading/CatalogLoader.swift")
        #expect(run.status == 1)
        #expect(run.output.contains("Sources/LanternLoading/CatalogLoader.swift:1: LanternLoading imports LanternRendering, which comes after it"))
    }

    @Test func dependingOnALaterTargetInThePackageFails() throws {
        let root = try Self.copy()
        defer { try? FileManager.default.removeItem(at: root) }
        let package = root.appending(path: "Package.swift")
        let text = try String(contentsOf: package, encoding: .utf8)
        let broken = text.replacingOccurrences(of: #".target(name: "LanternChecking", dependencies: ["LanternModel", "LanternLoading"])"#,
                                               with: #".target(name: "LanternChecking", dependencies: ["LanternModel", "LanternLoading", "LanternWriting"])"#)
        #expect(broken != text)
        try broken.write(to: package, atomically: true, encoding: .utf8)
        let run = try Self.check(root)
        #expect(run.status == 1)
        #expect(run.output.contains("Package.swift: LanternChecking depends on LanternWriting, which comes after it"))
    }

    @Test func aCLibraryImportedTwiceFails() throws {
        let run = try Self.check(prepending: "import CCmark", to: "Sources/LanternRendering/Renderer.swift")
        #expect(run.status == 1)
        #expect(run.output.contains("CCmark is imported by 2 files"))
    }
}

extension LayerTests {
    @Test func theGeneratorNeverImportsTheServerOrTheDatabase() throws {
        let server = try Self.check(prepending: "import Hummingbird", to: "Sources/LanternRendering/Renderer.swift")
        #expect(server.status == 1)
        #expect(server.output.contains("Sources/LanternRendering/Renderer.swift:1: LanternRendering imports Hummingbird, which only LanternServer may use"))
        let database = try Self.check(prepending: "import GRDB", to: "Sources/LanternOrders/OrderDesk.swift")
        #expect(database.status == 1)
        #expect(database.output.contains("LanternOrders imports GRDB, which only LanternSQLite may use"))
        let service = try Self.check(prepending: "import LanternServer", to: "Sources/Lantern/Pipeline/Build.swift")
        #expect(service.status == 1)
        #expect(service.output.contains("the generator target Lantern imports the service LanternServer"))
        let report = try Self.check(prepending: "import LanternReport", to: "Sources/LanternWriting/ExcelCSV.swift")
        #expect(report.status == 1)
        #expect(report.output.contains("the generator target LanternWriting imports the service LanternReport"))
    }

    /// The report reads orders through the store's protocol: the database and the server stay out.
    @Test func theReportNeverImportsTheStoreOrTheServer() throws {
        for module in ["LanternSQLite", "LanternServer"] {
            let run = try Self.check(prepending: "import \(module)", to: "Sources/LanternReport/Report.swift")
            #expect(run.status == 1)
            #expect(run.output.contains("Sources/LanternReport/Report.swift:1: LanternReport imports \(module); it may use only"), "\(module)")
        }
        let database = try Self.check(prepending: "import GRDB", to: "Sources/LanternReport/Report.swift")
        #expect(database.output.contains("LanternReport imports GRDB, which only LanternSQLite may use"))
    }
}

extension LayerTests {
    /// libvips is reached through one file of its own target, which loading and rendering use
    /// and nothing else: not the checks, not the writing, not the pipeline.
    @Test func libvipsStaysBehindItsOneFile() throws {
        let refusals = [
            ("import CVips", "Sources/LanternRendering/Renderer.swift", ["LanternRendering imports CVips, which only LanternImaging may use",
                                                                          "CVips is imported by 2 files"]),
            ("import LanternImaging", "Sources/LanternWriting/ExcelCSV.swift",
             ["Sources/LanternWriting/ExcelCSV.swift:1: LanternWriting imports LanternImaging, which only LanternLoading, LanternRendering may use"]),
            ("import LanternModel", "Sources/LanternImaging/Vips.swift", ["LanternImaging imports LanternModel; it may use no Lantern target"]),
        ]
        for (line, path, messages) in refusals {
            let run = try Self.check(prepending: line, to: path)
            #expect(run.status == 1, "\(line) in \(path)")
            for message in messages { #expect(run.output.contains(message), "\(run.output)") }
        }
    }
}
