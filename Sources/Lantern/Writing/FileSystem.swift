import Foundation

/// Plain POSIX file writes for staged pages. Foundation's `Data.write` syncs every file to disk,
/// which costs more than rendering at 300,000 files; staged files need no sync, since the
/// folder swap, not the disk, is what makes publishing atomic.
enum FileSystem {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static func write(_ bytes: Data, to path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
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
    static func replace(_ bytes: Data, at path: String) throws {
        let temporary = path + ".lantern-tmp"
        try write(bytes, to: temporary)
        if rename(temporary, path) != 0 {
            let failure = failure("cannot replace", path)
            unlink(temporary)
            throw failure
        }
    }

    /// Creates a folder whose parent exists; an existing folder is fine.
    static func makeFolder(_ path: String) throws {
        if mkdir(path, 0o755) != 0 && errno != EEXIST { throw failure("cannot create folder", path) }
    }

    private static func failure(_ what: String, _ path: String) -> Failure {
        Failure(description: "\(what) \(path): \(String(cString: strerror(errno)))")
    }
}

extension Sequence where Element == UInt8 {
    /// Lower-case hex, without the cost of `String(format:)`.
    var hex: String {
        let digits = Array("0123456789abcdef".utf8)
        var bytes: [UInt8] = []
        for byte in self { bytes.append(digits[Int(byte >> 4)]); bytes.append(digits[Int(byte & 15)]) }
        return String(decoding: bytes, as: UTF8.self)
    }
}
