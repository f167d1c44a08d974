import Foundation
import Testing
@testable import Lantern
@testable import LanternChecking
@testable import LanternLoading
@testable import LanternModel
@testable import LanternPlanning
@testable import LanternRendering
@testable import LanternWriting

/// `path:line:column` as a `LanternModel.SourceLocation` (Swift Testing has a `SourceLocation` of its own).
func at(_ file: String, _ line: Int, _ column: Int) -> LanternModel.SourceLocation {
    LanternModel.SourceLocation(file: file, line: line, column: column)
}

/// The one diagnostic of `severity` whose message contains `text`; fails the test if there is not exactly one.
func only(_ severity: Diagnostic.Severity, containing text: String, in diagnostics: [Diagnostic],
          sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Diagnostic {
    let matches = diagnostics.filter { $0.severity == severity && $0.message.contains(text) }
    try #require(matches.count == 1, "expected one \(severity) containing “\(text)” in:\n\(DiagnosticsError(diagnostics))",
                 sourceLocation: sourceLocation)
    return matches[0]
}

extension TestSite {
    /// Lays the files of `overlay` (a folder under `Tests/Fixtures/`) over the site, as `init(_:overlay:)` does.
    func apply(overlay: String) throws {
        let base = Self.fixtures.appending(path: overlay).standardizedFileURL
        let files = SiteFiles.all(base)
        try #require(!files.isEmpty, "no fixture files under Tests/Fixtures/\(overlay)")
        for file in files {
            try write(String(file.path.dropFirst(base.path.count + 1)), try Data(contentsOf: file))
        }
    }

    /// Every file under the private folder (links.csv, the output manifest), by relative path.
    func privateFiles() -> [String: Data] { outputFiles(privateFolder) }
}

/// Builds `site` as it is, breaks it with `breaking`, and expects the next build to fail while
/// leaving the output folder (and the private folder) byte for byte as the good build left them,
/// with no file added or removed. Returns the failed build's diagnostics.
@discardableResult
func expectFailedBuildLeavesOutputUntouched(
    _ site: TestSite, today: String = "2026-06-10", breaking: (TestSite) throws -> Void,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
) throws -> [Diagnostic] {
    try site.build(today: today)
    let output = site.outputFiles()
    let privateFiles = site.privateFiles()
    try #require(!output.isEmpty, "the good build wrote nothing", sourceLocation: sourceLocation)

    try breaking(site)
    let diagnostics = site.failure(today: today)
    #expect(diagnostics.contains { $0.severity == .error }, "the broken site still built", sourceLocation: sourceLocation)

    let after = site.outputFiles()
    #expect(Set(after.keys) == Set(output.keys), "files were added to or removed from the output",
            sourceLocation: sourceLocation)
    #expect(after.filter { output[$0.key] != $0.value }.keys.sorted() == [], "output files changed",
            sourceLocation: sourceLocation)
    #expect(site.privateFiles() == privateFiles, "the private folder changed", sourceLocation: sourceLocation)
    return diagnostics
}
