import Foundation

/// What the last successful build wrote and from what, kept in `private/state/` (never in
/// `public/`: it names every member token).
///
/// - `manifest.tsv`: each output path with the SHA-256 of its bytes (first 16 bytes, hex).
/// - `members.tsv`: each member's fingerprint and folder, so an unchanged member's pages are
///   carried over without rendering.
/// - `inputs.tsv`: a digest per input (each catalog row, each roster row, each other file),
///   to tell the admin what changed.
/// - `output.tsv`, `kept.tsv`: the output folder the manifest describes, and the staging folder
///   kept beside it (`TreeRecords`).
///
/// Before publishing, the next state is written beside the current one; after the swap it
/// replaces it. A `.next` file found at start means a build died in between: the state is
/// then unknown, and the build renders and writes everything.
struct BuildState {
    var files: [String: String] = [:]
    var members: [String: String] = [:]
    var inputs: [String: String] = [:]
    /// The last build's warnings (`Diagnostic.stateLine`), repeated when nothing changed.
    var warnings: [String: String] = [:]
    var trees = TreeRecords()

    /// The `inputs` key of the digest of every input file, the day, the secret and Lantern's
    /// page version: when it matches, the build has nothing to do. Also kept alone in
    /// `site.digest`, so that check reads one line, not the whole state.
    static let siteKey = "*site"

    /// Whether a build died between writing the next state and committing it.
    static func interrupted(in folder: URL) -> Bool {
        names.contains { FileManager.default.fileExists(atPath: folder.appending(path: $0 + ".next").path) }
    }

    /// The last successful build's site digest, read without loading the rest of the state.
    static func siteDigest(in folder: URL) -> String? {
        guard !interrupted(in: folder) else { return nil }
        return try? String(contentsOf: folder.appending(path: "site.digest"), encoding: .utf8)
    }

    static let names = ["manifest.tsv", "members.tsv", "inputs.tsv", "warnings.tsv", "output.tsv", "kept.tsv", "site.digest"]

    /// `only` reads just those files (the rest stay empty).
    static func load(from folder: URL, only: Set<String>? = nil) -> BuildState {
        let fm = FileManager.default
        if interrupted(in: folder) {
            for name in names { try? fm.removeItem(at: folder.appending(path: name + ".next")) }
            for name in names { try? fm.removeItem(at: folder.appending(path: name)) }
            return BuildState()
        }
        func table(_ name: String) -> [String: String] {
            only.map { $0.contains(name) } ?? true ? read(folder.appending(path: name)) : [:]
        }
        return BuildState(files: table("manifest.tsv"), members: table("members.tsv"), inputs: table("inputs.tsv"),
                          warnings: table("warnings.tsv"),
                          trees: TreeRecords(output: TreeRecord(table: table("output.tsv")), kept: TreeRecord(table: table("kept.tsv"))))
    }

    /// Writes the state as `*.next`; `commit` makes it current.
    func prepare(in folder: URL) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let tables = [files, members, inputs, warnings, trees.output?.table ?? [:], trees.kept?.table ?? [:]]
        for (name, table) in zip(Self.names, tables) {
            let text = table.sorted { $0.key < $1.key }.map { "\($0.key)\t\($0.value)\n" }.joined()
            try FileSystem.replace(Data(text.utf8), at: folder.appending(path: name + ".next").path)
        }
        try FileSystem.replace(Data((inputs[Self.siteKey] ?? "").utf8), at: folder.appending(path: "site.digest.next").path)
    }

    static func commit(in folder: URL) throws {
        for name in names {
            let next = folder.appending(path: name + ".next").path, current = folder.appending(path: name).path
            if rename(next, current) != 0 { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: current]) }
        }
    }

    private static func read(_ url: URL) -> [String: String] {
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [:] }
        var table: [String: String] = [:]
        for line in text.split(separator: "\n") {
            guard let tab = line.firstIndex(of: "\t") else { continue }
            table[String(line[..<tab])] = String(line[line.index(after: tab)...])
        }
        return table
    }
}
