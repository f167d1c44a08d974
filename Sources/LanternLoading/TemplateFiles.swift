import Foundation
import LanternModel

/// One Mustache template of the site as read from `templates/`; rendering compiles them all
/// (`TemplateSet`).
package struct TemplateFile: Sendable {
    /// The path under `templates/` without `.mustache`, as partials name it: `partials/item`.
    package var name: String
    /// The path diagnostics name: `templates/partials/item.mustache`.
    package var displayPath: String
    package var text: String
}

enum TemplateFiles {
    /// Every `.mustache` file under `folder` (shown as `displayPrefix`), sorted by path; files
    /// that cannot be read are errors in `d`.
    static func read(_ folder: URL, displayPrefix: String, into d: inout Diagnostics) -> [TemplateFile] {
        var files: [TemplateFile] = []
        for url in SiteFiles.list(folder, extension: "mustache") {
            let relative = url.path.dropFirst(folder.path.count + 1)
            let display = "\(displayPrefix)/\(relative)"
            do {
                let file = try TextFile.read(url, displayPath: display)
                files.append(TemplateFile(name: String(relative.dropLast(".mustache".count)), displayPath: display, text: file.text))
            } catch {
                d.append(contentsOf: error.diagnostics)
            }
        }
        return files
    }
}
