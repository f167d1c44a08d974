import Foundation
import LanternModel

/// How each file of the output looked when the build left it: inode, size and modification time
/// (`private/state/stamps.tsv`). The next build compares them with one `stat` per file, on all
/// cores and without reading any file, so that a page removed, replaced or edited in `public/`
/// by hand is noticed (and made again) instead of taken for the one the manifest names.
///
/// Hard-linking a file (the staging folder shares most files with the output) changes neither
/// its inode nor its modification time, so a file carried over keeps its stamp.
package enum OutputStamps {
    /// `inode:size:seconds.nanoseconds` of a regular file; nil for anything else or nothing.
    package static func stamp(at path: String, in folder: Int32 = AT_FDCWD) -> String? {
        var info = stat()
        guard fstatat(folder, path, &info, AT_SYMLINK_NOFOLLOW) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        return "\(info.st_ino):\(info.st_size):\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
    }

    /// The stamps that still hold in `folder`: those of files removed or changed since are left out.
    package static func intact(_ stamps: [String: String], in folder: URL) -> [String: String] {
        let root = open(folder.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard root >= 0 else { return [:] }
        defer { close(root) }
        let changed = Locked<[String]>([])
        try? Parallel.forEach(Array(stamps), chunk: 2048) { entry in
            if stamp(at: entry.key, in: root) != entry.value { changed.update { $0.append(entry.key) } }
        }
        var intact = stamps
        for path in changed.value { intact[path] = nil }
        return intact
    }

    /// The stamps of these files in `folder`; throws when one is missing.
    static func stamps(of paths: [String], in folder: URL) throws -> [String: String] {
        let root = open(folder.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard root >= 0 else { throw StagedOutputError.missing(folder.path) }
        defer { close(root) }
        let found = try Parallel.map(paths, chunk: 1024) { path -> (String, String) in
            guard let stamp = stamp(at: path, in: root) else { throw StagedOutputError.missing(path) }
            return (path, stamp)
        }
        return Dictionary(found, uniquingKeysWith: { $1 })
    }
}
