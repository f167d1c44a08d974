import Foundation
import LanternImaging
import LanternModel

/// `content/images/`, where the pictures the catalog names are: JPEG, PNG or WebP files of any
/// size, as suppliers send them. Loading checks each named file (its name, that it is there,
/// that libvips reads its header as one of the three formats) and keeps its digest and size;
/// the build decodes it fully only when it makes the small versions.
package struct ItemImageFolder: Sendable {
    let folder: URL
    /// `content/images`, as messages name it.
    let displayPath: String
    /// Digests the caller knows, by path under the site (`content/images/…`).
    let digests: [String: String]

    /// Beyond this a file is no photo (a 108-megapixel phone camera is 12,000 × 9,000) but a scan
    /// or a decompression bomb, which would hold the build for minutes.
    static let maxPixels = 200_000_000

    package init(site: URL, digests: [String: String] = [:]) {
        folder = site.appending(path: "content/images")
        displayPath = "content/images"
        self.digests = digests
    }

    /// What is wrong with a name, or the picture it names; reported at the catalog's cell.
    struct Problem: Error, Equatable {
        var message: String
        var hint: String
    }

    /// Each name checked once (catalogs repeat a picture over several rows), on all cores.
    func look(up names: Set<String>) -> [String: Result<ItemImage, Problem>] {
        let names = names.sorted()
        let results = (try? Parallel.map(names) { name in look(up: name) }) ?? []
        return Dictionary(uniqueKeysWithValues: zip(names, results))
    }

    /// The picture `name` names, its location still the file's (the caller sets the cell's).
    func look(up name: String) -> Result<ItemImage, Problem> {
        let path = "\(displayPath)/\(name)"
        if let unsafe = Self.unsafety(of: name) {
            return .failure(Problem(message: "`\(name)` is not a file name in \(displayPath)/: \(unsafe)",
                                    hint: "write the picture's name as it is in \(displayPath)/, e.g. zongzi.jpg or supplier-a/tea.png"))
        }
        let url = folder.appending(path: name)
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) else {
            return .failure(Problem(message: "no picture `\(name)` in \(displayPath)/", hint: missingHint(name)))
        }
        if isFolder.boolValue {
            return .failure(Problem(message: "`\(path)` is a folder, not a picture", hint: "name a file inside it, e.g. \(name)/photo.jpg"))
        }
        let header: Vips.Header, digest: String
        do {
            if let known = digests[path] {
                (header, digest) = (try Vips.header(ofFile: url.path), known)
            } else {
                guard let bytes = try? Data(contentsOf: url) else {
                    return .failure(Problem(message: "cannot read `\(path)`", hint: "check that the file is readable"))
                }
                (header, digest) = (try Vips.header(of: bytes), Digest.of(bytes))
            }
        } catch {
            return .failure(Problem(message: "`\(path)` cannot be decoded as a picture (\(error))",
                                    hint: "save it as JPEG, PNG or WebP; any size will do, the build makes the small versions"))
        }
        guard header.width * header.height <= Self.maxPixels else {
            return .failure(Problem(message: "`\(path)` is \(header.width) × \(header.height) pixels, too large for a picture",
                                    hint: "scale it down below 200 megapixels; pages show it at most 480 pixels wide"))
        }
        return .success(ItemImage(name: name, path: path, digest: digest, width: header.width, height: header.height,
                                  location: SourceLocation(file: path)))
    }

    /// Why `name` cannot be a relative path inside the folder (nil: it can). Sub-folders are
    /// fine; leaving the folder, absolute paths, URLs, hidden files and control characters are not.
    static func unsafety(of name: String) -> String? {
        if name.hasPrefix("/") { return "it is an absolute path" }
        if name.contains("\\") { return "it contains a backslash (use / between folders)" }
        if name.contains(":") { return "it contains a colon (a drive letter or a web address?)" }
        if name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) { return "it contains a control character" }
        let parts = name.split(separator: "/", omittingEmptySubsequences: false)
        if parts.contains(where: { $0 == ".." }) { return "it leads out of the folder with `..`" }
        if parts.contains(where: { $0.isEmpty || $0 == "." }) { return "it has an empty folder name (`//`, `./` or a trailing /)" }
        if parts.contains(where: { $0.hasPrefix(".") }) { return "it names a hidden file or folder (starting with .)" }
        return nil
    }

    private func missingHint(_ name: String) -> String {
        // Before pictures had a folder of their own, the catalog named files in the templates' assets.
        let earlier = folder.deletingLastPathComponent().deletingLastPathComponent().appending(path: "templates/assets/images/\(name)")
        if FileManager.default.fileExists(atPath: earlier.path) {
            return "it is in templates/assets/images/: move it to \(displayPath)/ (the build makes its small versions there)"
        }
        let base = folder.standardizedFileURL.path
        let present = SiteFiles.all(folder).map { String($0.path.dropFirst(base.count + 1)) }
        if let close = Suggestion.closest(to: name, in: present) { return "did you mean `\(close)`?" }
        return "put the file in \(displayPath)/ (JPEG, PNG or WebP), or leave the image cell empty for no picture"
    }
}
