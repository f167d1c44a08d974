import Foundation
import Crypto

/// Builds the next `public/` beside the current one and swaps them in one step.
///
/// Files go to a staging folder next to the output (same file system): new or changed files are
/// written there; unchanged ones are hard-linked from the current output at publish time, so a
/// rebuild writes only the bytes that changed. `publish` swaps the two folders atomically
/// (`AtomicSwap`) and removes the old one. A build that fails or is killed before the swap
/// leaves the output exactly as it was; after the swap the output is the complete new site.
/// When nothing changed at all, nothing is staged and nothing is touched.
///
/// `put` and `reuse` may be called from several threads at once.
public final class StagedOutput: @unchecked Sendable {
    public struct Report: Sendable, Equatable {
        public var written = 0
        public var bytesWritten = 0
        public var unchanged = 0
        public var removed = 0
    }

    let output: URL
    let staging: URL
    private let previous: [String: String]
    private let lock = NSLock()
    private var entries: [String: String] = [:]
    private var reused: [String] = []
    private var report = Report()
    private var stagingReady = false
    private var folders = Set<String>()

    init(output: URL, previous: [String: String]) {
        self.output = output
        self.staging = output.deletingLastPathComponent().appending(path: ".\(output.lastPathComponent).lantern-next")
        // A manifest is only trusted when the output it describes is there.
        self.previous = FileManager.default.fileExists(atPath: output.path) ? previous : [:]
        Self.remove(staging) // left by a build that was killed
    }

    static func digest(_ bytes: Data) -> String {
        SHA256.hash(data: bytes).prefix(16).hex
    }

    /// Stages one output file: written when new or changed, else linked at publish.
    func put(_ file: OutputFile) throws {
        let digest = Self.digest(file.bytes)
        if previous[file.path] == digest {
            lock.withLock { entries[file.path] = digest; reused.append(file.path); report.unchanged += 1 }
            return
        }
        try prepareFolder(for: file.path)
        try FileSystem.create(file.bytes, at: staging.path + "/" + file.path)
        lock.withLock { entries[file.path] = digest; report.written += 1; report.bytesWritten += file.bytes.count }
    }

    /// Keeps a file of the last build without rendering it again (its inputs did not change).
    /// Returns false when the last build has no such file.
    func reuse(_ path: String) -> Bool {
        guard let digest = previous[path] else { return false }
        lock.withLock { entries[path] = digest; reused.append(path); report.unchanged += 1 }
        return true
    }

    /// The manifest of the site being staged.
    var manifest: [String: String] { lock.withLock { entries } }

    /// Swaps the staged site in, unless nothing changed. `beforeSwap` runs once everything is
    /// staged (the build writes its next state there).
    func publish(beforeSwap: () throws -> Void, afterSwap: () throws -> Void) throws -> Report {
        var report = lock.withLock { self.report }
        report.removed = previous.keys.filter { entries[$0] == nil }.count
        if report.written == 0 && report.removed == 0 {
            try beforeSwap()
            try afterSwap()
            return report
        }
        try ensureStaging()
        try linkUnchanged()
        try carryForeignFiles()
        try beforeSwap()
        try BuildHooks.pause(at: "swap")
        try AtomicSwap.exchange(staging, with: output)
        try BuildHooks.pause(at: "swapped")
        try afterSwap()
        Self.remove(staging) // now the old site
        return report
    }

    /// Removes the staging folder of a build that failed.
    func abandon() { Self.remove(staging) }

    /// Removes a folder tree; the member folders (most of the files) in parallel.
    static func remove(_ folder: URL) {
        let fm = FileManager.default
        let members = folder.appending(path: "m")
        if let tokens = try? fm.contentsOfDirectory(atPath: members.path) {
            try? Parallel.forEach(tokens, chunk: 256) { token in try? FileManager.default.removeItem(atPath: members.path + "/" + token) }
        }
        try? fm.removeItem(at: folder)
    }

    private func linkUnchanged() throws {
        let paths = lock.withLock { reused }
        try Parallel.forEach(paths, chunk: 512) { [self] path in
            try prepareFolder(for: path)
            if link(output.path + "/" + path, staging.path + "/" + path) != 0 {
                throw StagedOutputError.missing(path)
            }
        }
    }

    /// Where Lantern writes; anything else in the output is someone else's.
    static func isLanternPath(_ path: String) -> Bool {
        ["index.html", "robots.txt", "_headers"].contains(path)
            || ["m", "shop", "lists", "menu", "assets"].contains(path.split(separator: "/").first.map(String.init) ?? "")
    }

    /// Files in the output that Lantern did not make (`.gitkeep`, a host's verification file)
    /// are kept. Files in Lantern's own folders are never carried over unless this build
    /// produced them, so a leaver's pages go even when the last build's state was lost.
    private func carryForeignFiles() throws {
        guard let enumerator = FileManager.default.enumerator(atPath: output.path) else { return }
        while let path = enumerator.nextObject() as? String {
            let type = enumerator.fileAttributes?[.type] as? FileAttributeType
            if Self.isLanternPath(path) {
                if type == .typeDirectory { enumerator.skipDescendants() }
                continue
            }
            guard type == .typeRegular, entries[path] == nil else { continue }
            try prepareFolder(for: path)
            _ = link(output.path + "/" + path, staging.path + "/" + path)
        }
    }

    private func ensureStaging() throws {
        try lock.withLock {
            if !stagingReady {
                try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
                stagingReady = true
            }
        }
    }

    /// Creates the staging folders a file needs, each once (parents first).
    private func prepareFolder(for path: String) throws {
        try ensureStaging()
        guard let slash = path.lastIndex(of: "/") else { return }
        let folder = String(path[..<slash])
        if lock.withLock({ folders.contains(folder) }) { return }
        try prepareFolder(for: folder)
        try FileSystem.makeFolder(staging.path + "/" + folder)
        lock.withLock { _ = folders.insert(folder) }
    }
}

enum StagedOutputError: Error, CustomStringConvertible {
    case missing(String)

    var description: String {
        switch self {
        case .missing(let path):
            "\(path) was changed or removed outside Lantern since the last build; build again (everything will be rewritten)"
        }
    }
}
