import Foundation
import Testing
@testable import Lantern
@testable import LanternChecking
@testable import LanternLoading
@testable import LanternModel
@testable import LanternPlanning
@testable import LanternRendering
@testable import LanternWriting

/// The site, the output and the private folder must stay apart (`SiteFolders`): a build swaps
/// its output away and publishes what it holds. Every overlap is an error before anything is
/// written (not even the secret is created), whatever the symbolic links and `..` in the paths.
@Suite struct FolderOverlapTests {
    /// One layout: the output and private folder, relative to the test's root folder (which holds
    /// `site/`), and the error expected: which folder, in what relation, to which.
    struct Layout: CustomTestStringConvertible, Sendable {
        var name: String
        var output: String
        var privateFolder: String
        /// Links made first: path → target, relative to the root.
        var links: [String: String] = [:]
        /// (the folder whose path the error names, relative to the root; the message's start)
        var errors: [(String, String)]

        var testDescription: String { name }
    }

    static let layouts: [Layout] = [
        Layout(name: "output is the site", output: "site", privateFolder: "elsewhere/private",
               errors: [("site", "the output folder $site is the site folder $site")]),
        Layout(name: "output is the site's parent", output: ".", privateFolder: "elsewhere/private",
               errors: [(".", "the output folder $root holds the site folder $site"),
                        ("elsewhere/private", "the private folder $root/elsewhere/private is inside the output folder $root")]),
        Layout(name: "output is the site with the default private folder", output: "site", privateFolder: "site/private",
               errors: [("site", "the output folder $site is the site folder $site"),
                        ("site/private", "the private folder $site/private is inside the output folder $site")]),
        Layout(name: "private inside output", output: "out", privateFolder: "out/private",
               errors: [("out/private", "the private folder $root/out/private is inside the output folder $root/out")]),
        Layout(name: "private is output", output: "out", privateFolder: "out",
               errors: [("out", "the private folder $root/out is the output folder $root/out")]),
        Layout(name: "output inside private", output: "private/public", privateFolder: "private",
               errors: [("private", "the private folder $root/private holds the output folder $root/private/public")]),
        Layout(name: "output inside content", output: "site/content/public", privateFolder: "private",
               errors: [("site/content/public", "the output folder $site/content/public is inside the site's content folder $site/content")]),
        Layout(name: "output is content", output: "site/content", privateFolder: "private",
               errors: [("site/content", "the output folder $site/content is the site's content folder $site/content")]),
        Layout(name: "output inside templates", output: "site/templates/out", privateFolder: "private",
               errors: [("site/templates/out", "the output folder $site/templates/out is inside the site's templates folder $site/templates")]),
        Layout(name: "private inside content", output: "public", privateFolder: "site/content/private",
               errors: [("site/content/private", "the private folder $site/content/private is inside the site's content folder $site/content")]),
        Layout(name: "private inside templates", output: "public", privateFolder: "site/templates/private",
               errors: [("site/templates/private", "the private folder $site/templates/private is inside the site's templates folder $site/templates")]),
        Layout(name: "private is the site", output: "public", privateFolder: "site",
               errors: [("site", "the private folder $site is the site folder $site")]),
        Layout(name: "private is the site's parent", output: "public", privateFolder: ".",
               errors: [(".", "the private folder $root holds the site folder $site"),
                        (".", "the private folder $root holds the output folder $root/public")]),
        Layout(name: "private is the staging folder", output: "public", privateFolder: ".public.lantern-next",
               errors: [(".public.lantern-next", "the private folder $root/.public.lantern-next is the output's staging folder $root/.public.lantern-next")]),
        Layout(name: "output through a link to the site", output: "link", privateFolder: "private", links: ["link": "site"],
               errors: [("link", "the output folder $root/link ($site) is the site folder $site")]),
        Layout(name: "private through a link into the output", output: "site/public", privateFolder: "secret",
               links: ["site/public": "../out", "secret": "out/keys"],
               errors: [("secret", "the private folder $root/secret ($root/out/keys) is inside the output folder $site/public ($root/out)")]),
        Layout(name: "default output linked to content", output: "site/public", privateFolder: "site/private",
               links: ["site/public": "content"],
               errors: [("site/public", "the output folder $site/public ($site/content) is the site's content folder $site/content")]),
        Layout(name: "dot-dot into content", output: "site/public/../content/x", privateFolder: "private",
               errors: [("site/content/x", "the output folder $site/content/x is inside the site's content folder $site/content")]),
    ]

    /// Every file, folder and link under `root`, hidden ones too, with each file's bytes.
    static func snapshot(_ root: URL) -> [String: Data?] {
        var found: [String: Data?] = [:]
        let enumerator = FileManager.default.enumerator(atPath: root.path)
        while let path = enumerator?.nextObject() as? String {
            let url = root.appending(path: path)
            let type = enumerator?.fileAttributes?[.type] as? FileAttributeType
            found[path] = type == .typeRegular ? try? Data(contentsOf: url) : nil
        }
        return found
    }

    @Test(arguments: layouts)
    func anOverlapIsAnErrorBeforeAnythingIsWritten(layout: Layout) throws {
        let site = try TestSite("minimal")
        let root = site.root
        for (path, target) in layout.links {
            try FileManager.default.createDirectory(at: root.appending(path: path).deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.createSymbolicLink(atPath: root.appending(path: path).path, withDestinationPath: target)
            let resolved = root.appending(path: path).deletingLastPathComponent().appending(path: target)
            try FileManager.default.createDirectory(at: resolved, withIntermediateDirectories: true)
        }
        let before = Self.snapshot(root)
        // No LANTERN_SECRET: a build that got as far as the secret would create one.
        let options = BuildOptions(site: site.site, output: root.appending(path: layout.output),
                                   privateFolder: root.appending(path: layout.privateFolder), today: Day("2026-06-10")!, environment: [:])
        var diagnostics: [Diagnostic] = []
        do { _ = try Build(options).run() } catch { diagnostics = error.diagnostics }
        let text = { (s: String) in
            s.replacingOccurrences(of: "$site", with: site.site.path).replacingOccurrences(of: "$root", with: root.path)
        }
        #expect(diagnostics.map(\.message.prefixBeforeColon) == layout.errors.map { text($0.1) }, "\(DiagnosticsError(diagnostics))")
        #expect(diagnostics.map(\.location?.file) == layout.errors.map { root.appending(path: $0.0).standardizedFileURL.path })
        #expect(diagnostics.allSatisfy { $0.severity == .error && $0.hint?.contains("SITE/public and SITE/private") == true })
        #expect(Self.snapshot(root) == before, "something was written")
    }

    /// Folders that only look alike are apart: `public2` is not inside `public`.
    @Test func foldersThatOnlyShareAPrefixAreApart() throws {
        let site = try TestSite("minimal")
        let options = BuildOptions(site: site.site, output: site.root.appending(path: "public"),
                                   privateFolder: site.root.appending(path: "public2"), today: Day("2026-06-10")!,
                                   environment: ["LANTERN_SECRET": TestSite.secret])
        _ = try Build(options).run()
        #expect(FileManager.default.fileExists(atPath: site.root.appending(path: "public2/links.csv").path))
        #expect(FileManager.default.fileExists(atPath: site.root.appending(path: "public/index.html").path))
        let siteWithContent2 = try TestSite("minimal")
        let beside = BuildOptions(site: siteWithContent2.site, output: siteWithContent2.site.appending(path: "content2"),
                                  privateFolder: siteWithContent2.site.appending(path: "templates-private"), today: Day("2026-06-10")!,
                                  environment: ["LANTERN_SECRET": TestSite.secret])
        _ = try Build(beside).run()
    }

    /// `check` and `links` decide with the same function, and write nothing either.
    @Test func checkAndLinksRefuseOverlapsToo() throws {
        let site = try TestSite("minimal")
        let before = Self.snapshot(site.root)
        let check = try CommandLineTests.lantern(["check", "--site", site.site.path, "--output", site.site.path])
        #expect(check.status == 1)
        #expect(check.stderr.contains("\(site.site.path):1:1: error: the output folder \(site.site.path) is the site folder \(site.site.path)"))
        #expect(check.stderr.contains("check failed with 2 errors; nothing was written"), "\(check.stderr)")
        let links = try CommandLineTests.lantern(["links", "--site", site.site.path, "--private", site.site.appending(path: "content/private").path])
        #expect(links.status == 1)
        #expect(links.stderr.contains("error: the private folder \(site.site.path)/content/private is inside the site's content folder \(site.site.path)/content"))
        #expect(Self.snapshot(site.root) == before)
    }
}

private extension String {
    /// The message up to its explanation (after the last `: `), which the tests do not pin.
    var prefixBeforeColon: String {
        guard let range = range(of: ": ", options: .backwards) else { return self }
        return String(self[..<range.lowerBound])
    }
}
