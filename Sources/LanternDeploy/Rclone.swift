import Foundation
import LanternWriting

/// rclone, run as a child process (Foundation's `Process`), one command at a time.
///
/// Its standard input is the deploy's lock file (`DeployLock`): the child shares the lock, so that
/// when `lantern deploy` is killed while rclone runs, the next deploy to that remote waits until
/// the orphaned rclone has finished instead of racing it.
struct Rclone {
    let executable: URL
    let environment: [String: String]
    let lock: FileHandle
    /// rclone's messages for the last command, kept to quote it when it fails.
    let log: URL
    let checkpoint: Checkpoint

    /// rclone on the `PATH`, or nil.
    static func find(in environment: [String: String]) -> URL? {
        for folder in (environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":") {
            let url = URL(filePath: String(folder)).appending(path: "rclone")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return nil
    }

    /// Runs `rclone arguments…`; `point` names the checkpoint reached once it has started.
    /// Returns rclone's standard output; throws its last messages when it exits with a status
    /// not in `accepting`.
    @discardableResult
    func run(_ arguments: [String], point: String? = nil, accepting: Set<Int32> = [0]) throws(DeployError) -> String {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.environment = environment
        process.standardInput = lock
        let output = Pipe()
        process.standardOutput = output
        _ = FileManager.default.createFile(atPath: log.path, contents: nil, attributes: [.posixPermissions: 0o600])
        guard let messages = try? FileHandle(forWritingTo: log) else { throw DeployError.record(log.path, "cannot write rclone's log") }
        defer { try? messages.close() }
        process.standardError = messages
        do { try process.run() } catch { throw DeployError.rclone("cannot start \(executable.path): \(error)") }
        if let point { checkpoint.reached(point) }
        let stdout = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationReason == .exit, accepting.contains(process.terminationStatus) else {
            let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
            let lines = text.split(separator: "\n").map { Self.withoutTimestamp($0) }.filter { !$0.hasPrefix("NOTICE: Config file") }
            let status = process.terminationReason == .exit ? "exit status \(process.terminationStatus)" : "signal \(process.terminationStatus)"
            throw DeployError.rclone(lines.suffix(3).joined(separator: "\n") + (lines.isEmpty ? "" : "\n") + "(rclone \(arguments.first ?? ""): \(status))")
        }
        return String(decoding: stdout, as: UTF8.self)
    }

    /// `2026/12/03 09:14:09 ERROR : …` → `ERROR : …`.
    private static func withoutTimestamp(_ line: Substring) -> String {
        let parts = line.split(separator: " ", maxSplits: 2)
        guard parts.count == 3, parts[0].count == 10, parts[0].filter({ $0 == "/" }).count == 2 else { return String(line) }
        return String(parts[2])
    }

    /// Whether the remote answers, asked once without rclone's retries (which, against a server
    /// that is down, take minutes): `lsjson --stat` of the remote path itself, one request on
    /// most backends, no listing. A path not made yet (status 3) answers too.
    func probe(_ remote: Remote) throws(DeployError) {
        try run(["lsjson", "--stat", remote.path, "--retries", "1", "--low-level-retries", "1", "--contimeout", "15s", "--timeout", "30s"],
                accepting: [0, 3])
    }

    /// The backend type of a remote configured with `rclone config` (`s3`, `webdav`…), from
    /// `rclone listremotes --long`; nil when it is not configured.
    func backend(ofConfigured name: String) throws(DeployError) -> String? {
        for line in try run(["listremotes", "--long"]).split(separator: "\n") {
            let parts = line.split(separator: ":", maxSplits: 1)
            if parts.count == 2, parts[0] == name { return parts[1].trimmingCharacters(in: .whitespaces) }
        }
        return nil
    }
}
