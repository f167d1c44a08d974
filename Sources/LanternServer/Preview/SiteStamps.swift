import Foundation

/// What `lantern serve` watches: each file under `content/` and `templates/` with its size and
/// modification time. Two scans differ when a file was added, removed, or written.
///
/// Polling, not inotify: no maintained Swift package for file events is available to this
/// project (only Foundation, which has none on Linux), and a scan of a site's few hundred
/// files every quarter second costs well under a millisecond of system time.
struct SiteStamps: Equatable, Sendable {
    private var stamps: [String: String]

    static let folders = ["content", "templates"]

    static func scan(_ site: URL) -> SiteStamps {
        var stamps: [String: String] = [:]
        for folder in folders {
            let root = site.appending(path: folder)
            guard let walk = FileManager.default.enumerator(atPath: root.path) else { continue }
            for case let relative as String in walk {
                // Editors' swap and backup files are not the site's.
                let name = relative.split(separator: "/").last.map(String.init) ?? relative
                if name.hasPrefix(".") || name.hasSuffix("~") { continue }
                let path = root.path + "/" + relative
                var info = stat()
                guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { continue }
                // Inode too: editors that save by renaming a new file over the old one.
                stamps[path] = "\(info.st_ino) \(info.st_size) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
            }
        }
        return SiteStamps(stamps: stamps)
    }
}
