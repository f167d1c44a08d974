import Foundation
import LanternModel
import LanternWriting

/// What one remote is known to hold: each path Lantern uploaded there, with the digest of the
/// bytes (as the build state's manifest writes them), in `private/deploys/<remote>.tsv`.
///
/// The deploy never lists the remote: it compares this record with the manifest. So the record
/// changes only after rclone has confirmed a step (exit status 0): each confirmed batch is
/// appended to `<remote>.journal` (one `write`, then `fsync`), and at the end of the deploy the
/// journal is folded into the table (replaced in one `rename`) and removed. A deploy killed at any
/// moment leaves the record as of its last confirmed batch; what was being sent is not in it,
/// and is sent again.
struct DeployRecord {
    let table: URL
    let journal: URL
    /// Path → digest of what the remote holds.
    private(set) var files: [String: String] = [:]

    static let deleted = "-"

    init(folder: URL, remote: Remote) {
        table = folder.appending(path: remote.recordName + ".tsv")
        journal = folder.appending(path: remote.recordName + ".journal")
        files = Self.read(table)
        for (path, digest) in Self.read(journal) { files[path] = digest == Self.deleted ? nil : digest }
    }

    /// Whether a record was ever written for this remote.
    var exists: Bool { FileManager.default.fileExists(atPath: table.path) || FileManager.default.fileExists(atPath: journal.path) }

    /// Notes a confirmed batch: `digest` nil for a deleted file.
    mutating func confirm(_ entries: [(path: String, digest: String?)]) throws(DeployError) {
        guard !entries.isEmpty else { return }
        let text = entries.map { "\($0.path)\t\($0.digest ?? Self.deleted)\n" }.joined()
        let fd = open(journal.path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw DeployError.record(journal.path, String(cString: strerror(errno))) }
        defer { close(fd) }
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw DeployError.record(journal.path, String(cString: strerror(errno)))
            }
            offset += n
        }
        guard fsync(fd) == 0 else { throw DeployError.record(journal.path, String(cString: strerror(errno))) }
        for entry in entries { files[entry.path] = entry.digest }
    }

    /// Folds the journal into the table.
    func compact() throws(DeployError) {
        let text = files.sorted { $0.key < $1.key }.map { "\($0.key)\t\($0.value)\n" }.joined()
        do {
            try FileSystem.replace(Data(text.utf8), at: table.path, mode: 0o600)
        } catch {
            throw DeployError.record(table.path, "\(error)")
        }
        unlink(journal.path)
    }

    /// A table of `path<TAB>digest` lines; a last line without its newline (a write cut short)
    /// is not taken.
    private static func read(_ url: URL) -> [String: String] {
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [:] }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        lines.removeLast() // after the last newline: empty, or a line cut short
        var table: [String: String] = [:]
        for line in lines {
            guard let tab = line.firstIndex(of: "\t") else { continue }
            table[String(line[..<tab])] = String(line[line.index(after: tab)...])
        }
        return table
    }
}
