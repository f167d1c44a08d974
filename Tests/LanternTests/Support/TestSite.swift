import Foundation
@testable import Lantern
@testable import LanternChecking
@testable import LanternLoading
@testable import LanternModel
@testable import LanternPlanning
@testable import LanternRendering
@testable import LanternWriting

/// A site copied into a fresh temporary folder, built there, and inspected by tests.
///
/// Fixture sites live in `Tests/Fixtures/<name>`; those without a `templates/` folder use the
/// repository's own templates, so tests exercise the templates the sample site ships. The
/// temporary folder is removed when the last reference to the site goes.
final class TestSite {
    static let repository = URL(filePath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let fixtures = repository.appending(path: "Tests/Fixtures")

    let root: URL
    var site: URL { root.appending(path: "site") }
    var output: URL { root.appending(path: "public") }
    var privateFolder: URL { root.appending(path: "private") }
    /// Where a build stages the next `public/`, and keeps the old one after the swap.
    var staging: URL { root.appending(path: ".public.lantern-next") }

    /// Copies the fixture `name` (or the repository's sample site for `"sample"`), then lays the
    /// files of `overlay` (a folder under `Tests/Fixtures/`) on top.
    init(_ name: String, overlay: String? = nil) throws {
        root = FileManager.default.temporaryDirectory.appending(path: "lantern-test-\(UUID().uuidString)")
        let fm = FileManager.default
        try fm.createDirectory(at: root.appending(path: "site"), withIntermediateDirectories: true)
        let source = name == "sample" ? Self.repository : Self.fixtures.appending(path: name)
        for folder in ["content", "templates"] {
            let from = source.appending(path: folder)
            let fallback = Self.repository.appending(path: folder)
            try fm.copyItem(at: fm.fileExists(atPath: from.path) ? from : fallback, to: site.appending(path: folder))
        }
        if let overlay {
            let base = Self.fixtures.appending(path: overlay)
            for file in SiteFiles.all(base) {
                let relative = String(file.path.dropFirst(base.standardizedFileURL.path.count + 1))
                try write(relative, try Data(contentsOf: file))
            }
        }
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    func write(_ relative: String, _ text: String) throws { try write(relative, Data(text.utf8)) }

    func write(_ relative: String, _ data: Data) throws {
        let url = site.appending(path: relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }

    /// Sets the price of one SKU in the catalog.
    func setPrice(_ sku: String, _ price: String) throws {
        let lines = try read("content/catalog.csv").split(separator: "\n", omittingEmptySubsequences: false).map { line in
            guard line.hasPrefix(sku + ",") else { return String(line) }
            var fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            fields[3] = price
            return fields.joined(separator: ",")
        }
        try write("content/catalog.csv", lines.joined(separator: "\n"))
    }

    func read(_ relative: String) throws -> String { try String(contentsOf: site.appending(path: relative), encoding: .utf8) }

    /// The secret tests build with, so tokens are stable across runs: 64 hex digits, as a
    /// `secret.key` Lantern writes holds (a shorter one is refused).
    static let secret = String(repeating: "0123456789abcdef", count: 4)

    /// Builds with a fixed secret so tokens are stable across runs; `stencils: false` renders
    /// every member page with Mustache.
    @discardableResult
    func build(today: String, output: URL? = nil, secret: String = TestSite.secret,
               stencils: Bool = true) throws(DiagnosticsError) -> Build.Result {
        var options = BuildOptions(site: site, output: output ?? self.output, privateFolder: privateFolder,
                                   today: Day(today)!, environment: ["LANTERN_SECRET": secret])
        options.stencils = stencils
        return try Build(options).run()
    }

    /// Builds and returns the diagnostics of a failed build (empty when it succeeded).
    func failure(today: String = "2026-06-10") -> [Diagnostic] {
        do { try build(today: today); return [] } catch { return error.diagnostics }
    }

    /// The files a build from scratch makes of the site as it is now: built into fresh output
    /// and private folders, so nothing of this site's earlier builds is reused.
    func referenceFiles(today: String) throws -> [String: Data] {
        let fresh = root.appending(path: "reference-\(UUID().uuidString)")
        let options = BuildOptions(site: site, output: fresh.appending(path: "public"), privateFolder: fresh.appending(path: "private"),
                                   today: Day(today)!, environment: ["LANTERN_SECRET": Self.secret])
        _ = try Build(options).run()
        return outputFiles(fresh.appending(path: "public"))
    }

    /// Every file under the output folder, by relative path.
    func outputFiles(_ folder: URL? = nil) -> [String: Data] {
        let base = (folder ?? output).standardizedFileURL
        var files: [String: Data] = [:]
        for url in SiteFiles.all(base) {
            files[String(url.path.dropFirst(base.path.count + 1))] = try? Data(contentsOf: url)
        }
        return files
    }

    func text(_ relative: String) -> String {
        (try? String(contentsOf: output.appending(path: relative), encoding: .utf8)) ?? ""
    }

    /// The SKUs a storefront offers: those of the shared item list it loads (`data-choices-src`),
    /// read from that list's `<template data-choices>`.
    func offeredSKUs(_ storefront: String) -> [String] {
        let page = text(storefront)
        guard let src = HTML.attributeValues(page, tag: "div", where: "data-choices-src", attribute: "data-choices-src").first else {
            return []
        }
        let list = URL(filePath: storefront).deletingLastPathComponent().appending(path: src).standardized.relativePath
        let html = text(String(list.drop { $0 == "/" }))
        guard let start = html.range(of: "<template data-choices>"), let end = html.range(of: "</template>", range: start.upperBound..<html.endIndex)
        else { return [] }
        return HTML.offeredSKUs(String(html[start.upperBound..<end.lowerBound]))
    }

    /// The path of the shared item list of `theme` for members in `city`, as `build` names it.
    static func itemList(_ theme: String, city: String) -> String {
        ItemGroup.path(theme: Slug(theme), city: city, secret: Secret(secret))
    }

    /// One of the repository's locale files, loaded as a build loads it.
    static func locale(_ language: String) throws -> SiteLocale {
        let url = repository.appending(path: "templates/locales/\(language).yaml")
        return try LocaleLoader.load(TextFile.read(url, displayPath: "templates/locales/\(language).yaml"), language: language)
    }

    func token(_ id: String, secret: String = TestSite.secret) -> String {
        MemberToken.token(for: MemberID(id), secret: Secret(secret))
    }
}

/// The keys whose values differ between two snapshots (new keys included).
func changedPaths<Value: Equatable>(_ before: [String: Value], _ after: [String: Value]) -> Set<String> {
    Set(after.keys.filter { before[$0] != after[$0] })
}
