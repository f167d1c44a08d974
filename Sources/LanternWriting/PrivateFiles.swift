import Foundation

/// Private files written apart from a build's commit (`lantern report`'s `private/reports/`):
/// in a folder only its owner can enter, each file replaced in one step and never readable by
/// anyone else, not even while it is written.
package enum PrivateFiles {
    /// Writes `files` into `folder` (created 0700; an existing folder wider than that is
    /// narrowed, a link to one is left as it is). Each file goes to a temporary name of its own,
    /// created 0600 and synced, then is renamed over the old one: a reader sees the old file or
    /// the new, never a part, and two writers never share a temporary file. Then the files in
    /// `folder` for which `stale` says so and that were not written now are removed (those an
    /// earlier run wrote for a theme that is gone).
    package static func write(_ files: [(name: String, bytes: Data)], into folder: URL,
                              removingStale stale: (String) -> Bool = { _ in false }) throws {
        let path = folder.standardizedFileURL.path
        try FileSystem.makePrivateFolder(path)
        var info = stat()
        if lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR, info.st_mode & 0o077 != 0, chmod(path, 0o700) != 0 {
            throw FileSystem.failure("cannot make private (0700)", path)
        }
        for file in files {
            // The write the secret gets: O_EXCL, 0600 from the start, synced, renamed into place.
            try FileSystem.createSecret(file.bytes, at: path + "/" + file.name, replacing: true)
        }
        let written = Set(files.map(\.name))
        for name in try FileManager.default.contentsOfDirectory(atPath: path) where stale(name) && !written.contains(name) {
            try FileSystem.remove(path + "/" + name)
        }
    }
}
