import Foundation
@testable import FuzzSupport
@testable import Lantern
@testable import LanternChecking
@testable import LanternLoading
@testable import LanternModel
@testable import LanternPlanning
@testable import LanternRendering
@testable import LanternWriting

/// Any bytes as a theme, a letter and a care-menu package (front matter + Markdown), and as
/// `site.yaml` and a policy file (plain YAML): each loader returns a value or diagnostics
/// (see `LoaderContract`), and warnings that come with a value point into the file too.
@_cdecl("FuzzFrontMatter_main")
public func main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv) { data, size in fuzzFrontMatter(data!, size) }
}

func fuzzFrontMatter(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = fuzzData(data, size)
    let roster = [MemberID("E1001"): Member(id: MemberID("E1001"), name: "王芳", department: "", city: "", email: "",
                                             phone: "", language: "zh-CN", status: .active, tags: [],
                                             location: SourceLocation(file: "content/roster.csv", line: 2))]
    let loaders: [(String, (TextFile) throws(DiagnosticsError) -> [Diagnostic])] = [
        ("content/themes/fuzz.md", { f throws(DiagnosticsError) in try ThemeLoader.load(f, slug: Slug("fuzz"), artExists: { $0 == "art.svg" }).1 }),
        ("content/letters/fuzz.md", { f throws(DiagnosticsError) in try LetterLoader.load(f, slug: Slug("fuzz"), roster: roster).1 }),
        ("content/menu/fuzz.md", { f throws(DiagnosticsError) in try MenuLoader.load(f, slug: Slug("fuzz")).1 }),
        ("content/site.yaml", { f throws(DiagnosticsError) in try SiteConfigLoader.load(f).1 }),
        ("content/policy.yaml", { f throws(DiagnosticsError) in try PolicyLoader.load(f).1 }),
    ]
    for (path, load) in loaders {
        guard let file = LoaderContract.check(path, nil, bytes: bytes, { () throws(DiagnosticsError) in
            try TextFile.decode(bytes, displayPath: path)
        }) else { continue }
        if let warnings = LoaderContract.check(path, file.text, bytes: bytes, { () throws(DiagnosticsError) in try load(file) }) {
            LoaderContract.check(warnings, path, file.text, bytes: bytes)
        }
    }
    return 0
}
