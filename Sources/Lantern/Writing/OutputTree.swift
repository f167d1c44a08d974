import Foundation

/// Writes a build's files into the output folder: only files whose bytes changed, and removes
/// files the previous build wrote that this one no longer produces.
///
/// The list of files written lives in the private folder (it names every member token, so it
/// must never be published).
public struct OutputTree {
    public struct Report: Sendable, Equatable {
        public var written = 0
        public var unchanged = 0
        public var removed = 0
    }

    let output: URL
    let manifest: URL

    public init(output: URL, privateFolder: URL) {
        self.output = output
        self.manifest = privateFolder.appending(path: "state/manifest.txt")
    }

    public func write(_ files: [OutputFile]) throws -> Report {
        let fm = FileManager.default
        var report = Report()
        try fm.createDirectory(at: output, withIntermediateDirectories: true)
        for file in files {
            let url = output.appending(path: file.path)
            if fm.contents(atPath: url.path) == file.bytes {
                report.unchanged += 1
                continue
            }
            try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try file.bytes.write(to: url, options: .atomic)
            report.written += 1
        }
        let produced = Set(files.map(\.path))
        for stale in previousPaths() where !produced.contains(stale) {
            let url = output.appending(path: stale)
            guard fm.fileExists(atPath: url.path) else { continue }
            try fm.removeItem(at: url)
            report.removed += 1
            removeEmptyFolders(from: url.deletingLastPathComponent())
        }
        try fm.createDirectory(at: manifest.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data((produced.sorted().joined(separator: "\n") + "\n").utf8).write(to: manifest, options: .atomic)
        return report
    }

    private func previousPaths() -> [String] {
        guard let text = try? String(contentsOf: manifest, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").map(String.init).filter { !$0.isEmpty && !$0.contains("..") }
    }

    private func removeEmptyFolders(from folder: URL) {
        var folder = folder.standardizedFileURL
        let root = output.standardizedFileURL.path
        while folder.path.hasPrefix(root + "/"),
              (try? FileManager.default.contentsOfDirectory(atPath: folder.path))?.isEmpty == true {
            try? FileManager.default.removeItem(at: folder)
            folder = folder.deletingLastPathComponent()
        }
    }
}
