import Foundation

/// Plain POSIX file operations for the staging folder. Foundation's `Data.write` syncs every file
/// to disk, which costs more than rendering at 300,000 files; staged files need no sync, since
/// the folder swap, not the disk, is what makes publishing atomic.
package enum FileSystem {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Creates a file with these bytes. Never writes into an existing file: whatever is at `path`
    /// is unlinked first. A staged file may be a hard link to a file of the live output, and
    /// truncating it would change the published site. `mode`: 0600 for private files, which are
    /// then never readable by others, not even for a moment.
    static func create(_ bytes: Data, at path: String, mode: mode_t = 0o644) throws {
        var fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        if fd < 0 && errno == EEXIST {
            try remove(path)
            fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        }
        guard fd >= 0 else { throw failure("cannot create", path) }
        defer { close(fd) }
        try bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let n = Foundation.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    throw failure("cannot write", path)
                }
                offset += n
            }
        }
    }

    /// Replaces the file at `path` in one step: the bytes go to a temporary file beside it, which
    /// is then renamed over it, so a reader sees the old file or the new one, never a part.
    /// (Foundation's `.atomic` writes do the same but leave an empty folder in /tmp each time.)
    package static func replace(_ bytes: Data, at path: String, mode: mode_t = 0o644) throws {
        let temporary = path + ".lantern-tmp"
        try create(bytes, at: temporary, mode: mode)
        if rename(temporary, path) != 0 {
            let failure = failure("cannot replace", path)
            unlink(temporary)
            throw failure
        }
    }

    /// Hard-links `source` at `path`, replacing whatever is there. False when `source` is missing
    /// (or cannot be linked).
    static func link(_ source: String, at path: String) -> Bool {
        if Foundation.link(source, path) == 0 { return true }
        guard errno == EEXIST, (try? remove(path)) != nil else { return false }
        return Foundation.link(source, path) == 0
    }

    /// Removes what is at `path` (a folder with everything in it); nothing there is fine.
    static func remove(_ path: String) throws {
        if unlink(path) == 0 || errno == ENOENT || errno == ENOTDIR { return }
        guard errno == EISDIR else { throw failure("cannot remove", path) }
        try FileManager.default.removeItem(atPath: path)
    }

    /// Creates a folder whose parent exists; an existing folder is fine, and anything else
    /// there is replaced.
    static func makeFolder(_ path: String, mode: mode_t = 0o755) throws {
        if mkdir(path, mode) == 0 { return }
        guard errno == EEXIST else { throw failure("cannot create folder", path) }
        if kind(path) == S_IFDIR { return }
        try remove(path)
        if mkdir(path, mode) != 0 { throw failure("cannot create folder", path) }
    }

    /// Creates a folder only its owner can enter (0700), for private files; an existing folder
    /// (or a link to one) is left as it is.
    package static func makePrivateFolder(_ path: String) throws {
        if mkdir(path, 0o700) == 0 { return }
        if errno == ENOENT {
            // A private folder's parents are ordinary folders; the folder itself is 0700 from the start.
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            if mkdir(path, 0o700) == 0 { return }
        }
        guard errno == EEXIST else { throw failure("cannot create folder", path) }
        var info = stat()
        if stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR { return }
        errno = ENOTDIR
        throw failure("cannot create folder", path)
    }

    enum Kind { case file, folder, other }

    /// Reads the folder `name` (relative to the open folder `parent`; a full path when `parent`
    /// is `AT_FDCWD`) and passes `body` the folder, open (for `name`s inside it), and its entries
    /// without `.` and `..`: each a regular file, a folder, or anything else (a symbolic link is
    /// `other`). Opening relative to the parent spares the kernel walking the whole path again.
    /// nil when the folder cannot be read.
    static func withEntries<R>(_ name: String, in parent: Int32 = AT_FDCWD,
                               _ body: (_ folder: Int32, _ entries: [(name: String, kind: Kind)]) -> R) -> R? {
        let fd = openat(parent, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        guard let stream = fdopendir(fd) else { close(fd); return nil }
        defer { closedir(stream) }
        var entries: [(name: String, kind: Kind)] = []
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if name == "." || name == ".." { continue }
            var type = Int32(entry.pointee.d_type)
            if type == Int32(DT_UNKNOWN) { // some file systems do not say: ask
                var info = stat()
                let format = fstatat(fd, name, &info, AT_SYMLINK_NOFOLLOW) == 0 ? info.st_mode & S_IFMT : 0
                type = format == S_IFREG ? Int32(DT_REG) : format == S_IFDIR ? Int32(DT_DIR) : 0
            }
            entries.append((name, type == Int32(DT_REG) ? .file : type == Int32(DT_DIR) ? .folder : .other))
        }
        return body(fd, entries)
    }

    /// The device, inode and inode generation of the folder at `path` (`"2049:1234:56789"`),
    /// which tell one folder from another made later at the same place; nil when no folder is
    /// there. A folder deleted and made again often gets the same inode number back; the file
    /// system gives the new inode a new generation (`FS_IOC_GETVERSION`, on ext4, XFS, Btrfs;
    /// where it is not supported, the generation is left out).
    static func folderIdentity(_ path: String) -> String? {
        var info = stat()
        guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else { return nil }
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { return "\(info.st_dev):\(info.st_ino)" }
        defer { close(fd) }
        var generation: Int = 0
        let getVersion: UInt = 0x8008_7601 // FS_IOC_GETVERSION = _IOR('v', 1, long)
        guard ioctl(fd, getVersion, &generation) == 0 else { return "\(info.st_dev):\(info.st_ino)" }
        return "\(info.st_dev):\(info.st_ino):\(UInt32(truncatingIfNeeded: generation))"
    }

    private static func kind(_ path: String) -> mode_t? {
        var info = stat()
        return lstat(path, &info) == 0 ? info.st_mode & S_IFMT : nil
    }

    static func failure(_ what: String, _ path: String) -> Failure {
        Failure(description: "\(what) \(path): \(String(cString: strerror(errno)))")
    }
}
