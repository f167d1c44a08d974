import Foundation

/// File operations for the private folder, whose files must never be readable by others, not
/// even for the moment between creating a file and changing its mode.
extension FileSystem {
    package enum SmallRead { case missing, failed(String), tooLarge, data(Data) }

    /// Reads a file of at most `limit` bytes, telling a missing file from one that cannot be read.
    package static func readSmall(_ path: String, limit: Int) -> SmallRead {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            return errno == ENOENT ? .missing : .failed("it cannot be opened (\(String(cString: strerror(errno))))")
        }
        defer { close(fd) }
        var bytes = [UInt8](repeating: 0, count: limit + 1)
        var count = 0
        while count < bytes.count {
            let n = bytes.withUnsafeMutableBytes { read(fd, $0.baseAddress! + count, $0.count - count) }
            if n < 0 {
                if errno == EINTR { continue }
                return .failed("it cannot be read (\(String(cString: strerror(errno))))")
            }
            if n == 0 { break }
            count += n
        }
        return count > limit ? .tooLarge : .data(Data(bytes.prefix(count)))
    }

    /// Writes a secret: into a new file created with mode 0600 (never wider, whatever the
    /// umask allows), synced, then linked into place. `replacing: false` never overwrites a file
    /// that is there (it appeared since the build looked: an error); `true` renames over it.
    package static func createSecret(_ bytes: Data, at path: String, replacing: Bool) throws {
        let temporary = path + ".\(getpid())-\(UInt32.random(in: 0 ... .max)).new"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard fd >= 0 else { throw Failure(description: "cannot create \(temporary): \(String(cString: strerror(errno)))") }
        defer { unlink(temporary) }
        var written = 0
        while written < bytes.count {
            let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + written, $0.count - written) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else {
                let reason = String(cString: strerror(errno))
                close(fd)
                throw Failure(description: "cannot write \(temporary): \(reason)")
            }
            written += n
        }
        let synced = fsync(fd) == 0
        close(fd)
        guard synced else { throw Failure(description: "cannot write \(temporary): \(String(cString: strerror(errno)))") }
        if (replacing ? rename(temporary, path) : Foundation.link(temporary, path)) != 0 {
            throw Failure(description: "cannot create \(path): \(String(cString: strerror(errno)))")
        }
        syncFolder(of: path)
    }

    /// Keeps the file at `path` (if any) as `<path>.replaced-20260610-093000Z` by a hard link, so the
    /// file itself can then be replaced in one step.
    package static func keepCopy(of path: String) throws {
        var info = stat()
        guard lstat(path, &info) == 0 else { return }
        var now = time(nil), utc = tm()
        gmtime_r(&now, &utc)
        let stamp = String(format: "%04d%02d%02d-%02d%02d%02dZ", utc.tm_year + 1900, utc.tm_mon + 1, utc.tm_mday,
                           utc.tm_hour, utc.tm_min, utc.tm_sec)
        for attempt in 1...100 {
            let copy = "\(path).replaced-\(stamp)" + (attempt == 1 ? "" : "-\(attempt)")
            if Foundation.link(path, copy) == 0 { return }
            guard errno == EEXIST else { break }
        }
        throw Failure(description: "cannot keep a copy of \(path): \(String(cString: strerror(errno)))")
    }

    /// Makes a new name in the folder of `path` durable (best effort: some file systems refuse).
    private static func syncFolder(of path: String) {
        let fd = open((path as NSString).deletingLastPathComponent, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        fsync(fd)
        close(fd)
    }
}
