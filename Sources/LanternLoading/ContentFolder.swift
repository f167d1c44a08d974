import Foundation
import LanternModel

/// The pages of a content folder (`content/themes/`, `content/menu/`, `content/letters/`).
///
/// The rule: the folder is flat, and a page is a file `<slug>.md` directly in it, with a
/// lower-case `.md` and a name that can be a URL (lower-case ASCII letters, digits, `-`). Every
/// other entry is named in a diagnostic, never skipped without a word:
/// - a hidden file (`.DS_Store`, `.dragon.md.swp`, `..md`) or a backup (`dragon.md~`, `#dragon.md#`)
///   is a warning: editors and file managers leave them, and they are not pages;
/// - a file in a subfolder is an error (a page moved there would silently not be published);
/// - a Markdown file whose name is not `<slug>.md` (`dragon.MD`, `Dragon Boat.md`, `端午.md`,
///   `x.markdown`) is an error: it is clearly meant as a page;
/// - any other file (`notes.txt`, `dragon.md.bak`) is a warning.
/// A misnamed `.md` file is still returned (flagged) so its content is checked in the same pass.
/// `<slug>.<language>.md` (`dragon-boat.en.md`) is the page `<slug>` in another language.
enum ContentFolder {
    struct Page {
        var slug: Slug
        var url: URL
        /// `content/themes/dragon-boat.md`, as diagnostics name it.
        var displayPath: String
        /// `en` for `dragon-boat.en.md`, a translation of the page `dragon-boat`; nil for the page itself.
        var language: String? = nil
    }

    /// The pages of `folder` (shown to users as `displayPath`, e.g. `content/themes`), sorted by
    /// name, and the diagnostics for every other entry. `kind` names a page in messages ("theme").
    static func pages(in folder: URL, displayPath: String, kind: String, example: String) -> (pages: [Page], diagnostics: [Diagnostic]) {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder) else { return ([], []) }
        guard isFolder.boolValue else {
            return ([], [.error("`\(displayPath)` is a file, not a folder", at: SourceLocation(file: displayPath),
                                hint: "put the \(kind) files in a folder \(displayPath)/")])
        }
        var pages: [Page] = []
        var d = Diagnostics()
        for name in entries(of: folder, displayPath: displayPath, into: &d) {
            let url = folder.appending(path: name)
            let shown = "\(displayPath)/\(name)"
            let at = SourceLocation(file: shown)
            if isAside(name) {
                d.warning(asideWarning(shown, name, kind), at: at, hint: "delete it if an editor or the file manager left it behind")
                continue
            }
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
                d.error("`\(shown)` cannot be read", at: at, hint: "a link that points nowhere? remove it or make it point to a file")
                continue
            }
            if isDirectory.boolValue {
                var visited: Set<String> = [folder.resolvingSymlinksInPath().path]
                subfolder(url, displayPath: shown, parent: displayPath, kind: kind, visited: &visited, into: &d)
                continue
            }
            let ext = (name as NSString).pathExtension
            let stem = (name as NSString).deletingPathExtension
            if ext == "md", let (base, language) = translation(stem) {
                pages.append(Page(slug: Slug(base), url: url, displayPath: shown, language: language))
            } else if ext == "md" {
                if !Slug.isValid(stem) {
                    d.error("\(kind) file name `\(name)` cannot be a URL", at: at,
                            hint: "rename it with lower-case letters, digits and dashes, e.g. \(example)")
                }
                pages.append(Page(slug: Slug(stem), url: url, displayPath: shown))
            } else if ["md", "markdown", "mdown", "mkd"].contains(ext.lowercased()) {
                let rename = Slug.isValid(stem.lowercased()) ? "\(stem.lowercased()).md" : example
                d.error("`\(shown)` is not read: \(kind) files end in lower-case `.md`", at: at, hint: "rename it to \(rename)")
            } else {
                d.warning("`\(shown)` is not read: only `.md` files are \(kind)s", at: at,
                          hint: "move it out of \(displayPath)/")
            }
        }
        return (pages, d.all)
    }

    /// `dragon-boat.en` → (`dragon-boat`, `en`); nil unless the part before the dot is a slug and
    /// the part after it a language tag (`en`, `zh-CN`).
    static func translation(_ stem: String) -> (String, String)? {
        let parts = stem.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, Slug.isValid(String(parts[0])),
              parts[1].range(of: "^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$", options: .regularExpression) != nil else { return nil }
        return (String(parts[0]), String(parts[1]))
    }

    /// Hidden files and editor backups: `.name`, `name~`, `#name#`.
    static func isAside(_ name: String) -> Bool {
        name.hasPrefix(".") || name.hasSuffix("~") || (name.hasPrefix("#") && name.hasSuffix("#") && name.count > 1)
    }

    private static func asideWarning(_ shown: String, _ name: String, _ kind: String) -> String {
        "`\(shown)` is not read: \(name.hasPrefix(".") ? "hidden files" : "editor backups") are not \(kind)s"
    }

    /// Every entry of `folder` by name (hidden ones included), sorted, so builds are deterministic.
    private static func entries(of folder: URL, displayPath: String, into d: inout Diagnostics) -> [String] {
        do {
            return try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        } catch {
            d.error("cannot list `\(displayPath)`", at: SourceLocation(file: displayPath), hint: "check that the folder is readable")
            return []
        }
    }

    /// A folder inside a content folder: each file in it is named, since none of them is read.
    /// `visited` holds the real paths of folders already listed, so a link back up is listed once
    /// (and named itself: its files are those of the folder it links to).
    private static func subfolder(_ folder: URL, displayPath: String, parent: String, kind: String,
                                  visited: inout Set<String>, into d: inout Diagnostics) {
        guard visited.insert(folder.resolvingSymlinksInPath().path).inserted else {
            d.warning("`\(displayPath)` is not read: it links to a folder listed already", at: SourceLocation(file: displayPath),
                      hint: "remove the link; the folder it leads to is checked under its own name")
            return
        }
        for name in entries(of: folder, displayPath: displayPath, into: &d) {
            let url = folder.appending(path: name)
            let shown = "\(displayPath)/\(name)"
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory)
            if isAside(name) {
                d.warning(asideWarning(shown, name, kind), at: SourceLocation(file: shown),
                          hint: "delete it if an editor or the file manager left it behind")
            } else if exists && isDirectory.boolValue {
                subfolder(url, displayPath: shown, parent: parent, kind: kind, visited: &visited, into: &d)
            } else {
                d.error("`\(shown)` is not read: \(kind)s must be directly in \(parent)/", at: SourceLocation(file: shown),
                        hint: "move it up into \(parent)/ to publish it, or out of content/ to keep it aside")
            }
        }
    }
}
