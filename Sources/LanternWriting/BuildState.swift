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
/// - `stamps.tsv`: each output file's inode, size and modification time (`OutputStamps`), to
///   notice files removed or changed in the output by hand.
/// - `pictures.tsv`: each item picture under `content/images/` with its stamp (as `stamps.tsv`)
///   and digest, so that the next build need not read an unchanged photo to digest it.
/// - `private.tsv`: the private files the build wrote (`links.csv`, the audit, print sheets),
///   with their sizes, so that a build that finds one missing writes them again.
///
/// The next state is committed with the build's other private files (`PrivateCommit`): it is
/// staged in `private/pending/state/` before the swap and renamed into place after it, so the
/// state in place always describes the output in place.
package struct BuildState: Sendable {
    package var files: [String: String] = [:]
    package var members: [String: String] = [:]
    package var inputs: [String: String] = [:]
    /// The last build's warnings (`Diagnostic.stateLine`), repeated when nothing changed.
    package var warnings: [String: String] = [:]
    package var trees = TreeRecords()
    package var stamps: [String: String] = [:]
    /// Each private file by path inside the private folder, with its size.
    package var privateFiles: [String: String] = [:]
    /// Each item picture by path under the site: `stamp digest`.
    package var pictures: [String: String] = [:]

    package init(files: [String: String] = [:], members: [String: String] = [:], inputs: [String: String] = [:],
                warnings: [String: String] = [:], trees: TreeRecords = TreeRecords(), stamps: [String: String] = [:],
                privateFiles: [String: String] = [:]) {
        self.files = files
        self.members = members
        self.inputs = inputs
        self.warnings = warnings
        self.trees = trees
        self.stamps = stamps
        self.privateFiles = privateFiles
    }

    /// The `inputs` key of the digest of every input file, the day, the secret and Lantern's
    /// page version: when it matches, the build has nothing to do. Also kept alone in
    /// `site.digest`, so that check reads one line, not the whole state.
    package static let siteKey = "*site"

    /// Whether a Lantern before the commit journal died between writing its next state
    /// (`*.next`) and renaming it into place: then the state is a mix, and is dropped.
    static func interrupted(in folder: URL) -> Bool {
        names.contains { FileManager.default.fileExists(atPath: folder.appending(path: $0 + ".next").path) }
    }

    /// The last successful build's site digest, read without loading the rest of the state;
    /// nil while a commit is pending (its state is not the one in place).
    package static func siteDigest(in folder: URL) -> String? {
        guard !interrupted(in: folder), !PrivateCommit.isPending(in: folder.deletingLastPathComponent()) else { return nil }
        return try? String(contentsOf: folder.appending(path: "site.digest"), encoding: .utf8)
    }

    package static let names = ["manifest.tsv", "members.tsv", "inputs.tsv", "warnings.tsv", "output.tsv", "kept.tsv", "stamps.tsv",
                        "private.tsv", "pictures.tsv", "site.digest"]

    /// `only` reads just those files (the rest stay empty).
    package static func load(from folder: URL, only: Set<String>? = nil) -> BuildState {
        let fm = FileManager.default
        if interrupted(in: folder) {
            for name in names { try? fm.removeItem(at: folder.appending(path: name + ".next")) }
            for name in names { try? fm.removeItem(at: folder.appending(path: name)) }
            return BuildState()
        }
        func table(_ name: String) -> [String: String] {
            only.map { $0.contains(name) } ?? true ? read(folder.appending(path: name)) : [:]
        }
        var state = BuildState(files: table("manifest.tsv"), members: table("members.tsv"), inputs: table("inputs.tsv"),
                               warnings: table("warnings.tsv"),
                               trees: TreeRecords(output: TreeRecord(table: table("output.tsv")), kept: TreeRecord(table: table("kept.tsv"))),
                               stamps: table("stamps.tsv"), privateFiles: table("private.tsv"))
        state.pictures = table("pictures.tsv")
        return state
    }

    /// Writes the state into `folder` (a commit's `pending/state/`), each file mode 0600: it
    /// names every member's token.
    package func prepare(in folder: URL) throws {
        try FileSystem.makePrivateFolder(folder.path)
        let tables = [files, members, inputs, warnings, trees.output?.table ?? [:], trees.kept?.table ?? [:], stamps, privateFiles,
                      pictures]
        for (name, table) in zip(Self.names, tables) {
            let text = table.sorted { $0.key < $1.key }.map { "\($0.key)\t\($0.value)\n" }.joined()
            try FileSystem.create(Data(text.utf8), at: folder.appending(path: name).path, mode: 0o600)
        }
        try FileSystem.create(Data((inputs[Self.siteKey] ?? "").utf8), at: folder.appending(path: "site.digest").path, mode: 0o600)
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
