import Foundation

/// Lists a site's input files in a stable order, so builds are deterministic.
package enum SiteFiles {
    /// Files under `folder` (recursively) whose name ends in `.ext`, sorted by path; hidden files skipped.
    static func list(_ folder: URL, extension ext: String) -> [URL] {
        all(folder).filter { $0.pathExtension == ext }
    }

    package static func all(_ folder: URL) -> [URL] {
        guard let enumerator = FileManager.default.enumerator(
            at: folder, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles]) else { return [] }
        var files: [URL] = []
        for case let url as URL in enumerator where (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true {
            files.append(url.standardizedFileURL)
        }
        return files.sorted { $0.path < $1.path }
    }
}
