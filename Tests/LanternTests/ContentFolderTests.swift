import Foundation
import Testing
@testable import Lantern
@testable import LanternChecking
@testable import LanternLoading
@testable import LanternModel
@testable import LanternPlanning
@testable import LanternRendering
@testable import LanternWriting

/// Which files of `content/themes/`, `content/menu/` and `content/letters/` are pages, and that
/// every other entry is named (`ContentFolder`): a theme moved into a subfolder, misnamed or
/// saved with an upper-case `.MD` is an error, not a theme that silently disappears.
@Suite struct ContentFolderTests {
    static let dragon = "content/themes/dragon-boat.md"

    /// The slugs `ContentFolder` finds in `folder` of `site`, sorted, and its diagnostics.
    static func pages(_ site: TestSite, _ folder: String = "content/themes", kind: String = "theme") -> (slugs: [String], diagnostics: [Diagnostic]) {
        let (pages, diagnostics) = ContentFolder.pages(in: site.site.appending(path: folder), displayPath: folder, kind: kind,
                                                       example: "dragon-boat-2026.md")
        return (pages.map(\.slug.rawValue).sorted(), diagnostics)
    }

    /// The diagnostics of loading `site`, or of checking it when it loads.
    static func loadDiagnostics(_ site: TestSite) -> [Diagnostic] {
        do { return try CheckedSite.check(try SiteContent.load(site: site.site)).warnings } catch { return error.diagnostics }
    }

    static func move(_ site: TestSite, _ from: String, to: String) throws {
        try site.write(to, try site.read(from))
        try FileManager.default.removeItem(at: site.site.appending(path: from))
    }

    @Test func themeInASubfolderIsAnErrorAndNotLoadedUnderAnyName() throws {
        let site = try TestSite("minimal")
        #expect(try SiteContent.load(site: site.site).themes.map(\.slug.rawValue).sorted() == ["birthday", "dragon-boat", "womens-day"])
        // The site without the theme (and without a subfolder) loads its other two themes.
        try FileManager.default.removeItem(at: site.site.appending(path: Self.dragon))
        let without = try SiteContent.load(site: site.site).themes.map(\.slug.rawValue).sorted()
        #expect(without == ["birthday", "womens-day"])

        try site.write("content/themes/sub/dragon.md", try String(contentsOf: TestSite.fixtures.appending(path: "minimal/\(Self.dragon)"),
                                                                   encoding: .utf8))
        let (slugs, found) = Self.pages(site)
        #expect(slugs == without, "the moved theme is not a page, and no other page is found twice")
        let error = try only(.error, containing: "`content/themes/sub/dragon.md` is not read", in: found)
        #expect(error.location == LanternModel.SourceLocation(file: "content/themes/sub/dragon.md"))
        #expect(error.message.contains("themes must be directly in content/themes/"))
        #expect(error.hint?.contains("move it up into content/themes/") == true)
        #expect(found.count == 1)

        // Loading, checking and building all fail on it, naming the file.
        let loaded = Self.loadDiagnostics(site)
        #expect(try only(.error, containing: "content/themes/sub/dragon.md", in: loaded).location?.file == "content/themes/sub/dragon.md")
        #expect(try only(.error, containing: "content/themes/sub/dragon.md", in: site.failure()).severity == .error)
        let run = try CommandLineTests.lantern(["check", "--site", site.site.path, "--today", "2026-06-10"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("content/themes/sub/dragon.md:1:1: error: `content/themes/sub/dragon.md` is not read"))
    }

    @Test func hiddenFilesInASubfolderWarnAndEachThemeLoadsOnce() throws {
        let site = try TestSite("minimal")
        let before = try SiteContent.load(site: site.site).themes.map(\.slug.rawValue).sorted()
        try site.write("content/themes/sub/.dragon-boat.md.swp", try site.read(Self.dragon))
        try site.write("content/themes/sub/deeper/.DS_Store", "")
        let content = try SiteContent.load(site: site.site)
        #expect(content.themes.count == 3)
        #expect(content.themes.map(\.slug.rawValue).sorted() == before)
        #expect(try only(.warning, containing: "`content/themes/sub/.dragon-boat.md.swp` is not read: hidden files", in: content.warnings)
            .location == LanternModel.SourceLocation(file: "content/themes/sub/.dragon-boat.md.swp"))
        #expect(try only(.warning, containing: "`content/themes/sub/deeper/.DS_Store` is not read", in: content.warnings).severity == .warning)
    }

    @Test func aLinkBackToTheThemesFolderLoadsNoThemeTwiceAndIsNamed() throws {
        let site = try TestSite("minimal")
        let folder = site.site.appending(path: "content/themes")
        try FileManager.default.createSymbolicLink(atPath: folder.appending(path: "again").path, withDestinationPath: ".")
        try FileManager.default.createDirectory(at: folder.appending(path: "sub"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: folder.appending(path: "sub/up").path, withDestinationPath: "..")
        let content = try SiteContent.load(site: site.site)
        #expect(content.themes.map(\.slug.rawValue).sorted() == ["birthday", "dragon-boat", "womens-day"])
        for link in ["content/themes/again", "content/themes/sub/up"] {
            let warning = try only(.warning, containing: "`\(link)` is not read", in: content.warnings)
            #expect(warning.location == LanternModel.SourceLocation(file: link))
            #expect(warning.message.contains("links to a folder listed already"))
        }
    }

    @Test func hiddenFilesAndOtherFilesAreWarningsAndTheSiteBuilds() throws {
        let site = try TestSite("minimal")
        let text = try site.read(Self.dragon)
        try site.write("content/themes/..md", text)
        try site.write("content/themes/.dragon.md.swp", text)
        try site.write("content/themes/notes.txt", "端午：记得订粽子")
        let result = try site.build(today: "2026-06-10")
        let content = try SiteContent.load(site: site.site)
        #expect(content.themes.map(\.slug.rawValue).sorted() == ["birthday", "dragon-boat", "womens-day"])
        for name in ["..md", ".dragon.md.swp"] {
            let warning = try only(.warning, containing: "`content/themes/\(name)` is not read: hidden files are not themes", in: result.warnings)
            #expect(warning.location == LanternModel.SourceLocation(file: "content/themes/\(name)"))
            #expect(warning.hint?.contains("delete it") == true)
        }
        let notes = try only(.warning, containing: "`content/themes/notes.txt` is not read: only `.md` files are themes", in: result.warnings)
        #expect(notes.location == LanternModel.SourceLocation(file: "content/themes/notes.txt"))
        #expect(notes.hint == "move it out of content/themes/")
        let run = try CommandLineTests.lantern(["check", "--site", site.site.path, "--today", "2026-06-10"])
        #expect(run.status == 0)
        #expect(run.stderr.contains("content/themes/..md:1:1: warning: `content/themes/..md` is not read"))
        #expect(run.stderr.contains("content/themes/.dragon.md.swp:1:1: warning:"))
        #expect(run.stdout.contains("ok: 3 themes"))
    }

    @Test func upperCaseMDIsAnErrorWithTheNameToRenameTo() throws {
        let site = try TestSite("minimal")
        try Self.move(site, Self.dragon, to: "content/themes/dragon.MD")
        let error = try only(.error, containing: "`content/themes/dragon.MD` is not read: theme files end in lower-case `.md`",
                             in: Self.loadDiagnostics(site))
        #expect(error.location == LanternModel.SourceLocation(file: "content/themes/dragon.MD"))
        #expect(error.hint == "rename it to dragon.md")
        #expect(Self.pages(site).slugs == ["birthday", "womens-day"])
        let run = try CommandLineTests.lantern(["check", "--site", site.site.path, "--today", "2026-06-10"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("content/themes/dragon.MD:1:1: error:") && run.stderr.contains("hint: rename it to dragon.md"))
    }

    @Test(arguments: ["Dragon Boat.md", "端午.md"])
    func namesThatCannotBeURLsAreErrors(name: String) throws {
        let site = try TestSite("minimal")
        try Self.move(site, Self.dragon, to: "content/themes/\(name)")
        let error = try only(.error, containing: "theme file name `\(name)` cannot be a URL", in: Self.loadDiagnostics(site))
        #expect(error.location == LanternModel.SourceLocation(file: "content/themes/\(name)"))
        #expect(error.hint?.contains("lower-case letters, digits and dashes") == true)
        #expect(try only(.error, containing: "`\(name)` cannot be a URL", in: site.failure()).severity == .error)
    }

    @Test func theSameRuleHoldsForTheMenu() throws {
        let site = try TestSite("minimal")
        try Self.move(site, "content/menu/checkup.md", to: "content/menu/Checkup.MD")
        try site.write("content/menu/.checkup.md.swp", "")
        let diagnostics = Self.loadDiagnostics(site)
        let error = try only(.error, containing: "`content/menu/Checkup.MD` is not read: menu files end in lower-case `.md`", in: diagnostics)
        #expect(error.location == LanternModel.SourceLocation(file: "content/menu/Checkup.MD"))
        #expect(error.hint == "rename it to checkup.md")
        #expect(try only(.warning, containing: "`content/menu/.checkup.md.swp` is not read: hidden files are not menus", in: diagnostics)
            .location == LanternModel.SourceLocation(file: "content/menu/.checkup.md.swp"))
        #expect(Self.pages(site, "content/menu", kind: "menu").slugs == [])
    }

    @Test func theSameRuleHoldsForLetters() throws {
        let site = try TestSite("minimal")
        try Self.move(site, "content/letters/get-well.md", to: "content/letters/sent/get-well.md")
        try site.write("content/letters/notes.txt", "")
        let diagnostics = Self.loadDiagnostics(site)
        let error = try only(.error, containing: "`content/letters/sent/get-well.md` is not read", in: diagnostics)
        #expect(error.location == LanternModel.SourceLocation(file: "content/letters/sent/get-well.md"))
        #expect(error.message.contains("letters must be directly in content/letters/"))
        #expect(try only(.warning, containing: "`content/letters/notes.txt` is not read: only `.md` files are letters", in: diagnostics)
            .severity == .warning)
        #expect(Self.pages(site, "content/letters", kind: "letter").slugs == [])
    }

    @Test(arguments: ["content/themes/sub/dragon.md", "content/themes/dragon.MD", "content/themes/端午.md"])
    func aFailedBuildLeavesPublicUntouched(path: String) throws {
        let site = try TestSite("minimal")
        let diagnostics = try expectFailedBuildLeavesOutputUntouched(site) { try Self.move($0, Self.dragon, to: path) }
        #expect(diagnostics.contains { $0.severity == .error && $0.location?.file == path })
    }
}
