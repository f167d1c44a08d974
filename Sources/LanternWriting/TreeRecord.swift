import Foundation

/// A folder of pages Lantern published, as `private/state/` records it beside the manifest:
/// where it is, which folder it is (device and inode, so that a folder removed and made again at
/// the same place, or restored from a copy, is not taken for it), and where its files differ
/// from the manifest.
///
/// A record with a `token` (the kept staging folder's) is only good while the folder holds a
/// marker file with that token. A build removes the marker before it changes anything in the
/// folder, so a build that fails or is killed leaves a record that no longer describes the
/// folder, without touching `private/`. The marker is gone before the folder is swapped in, so
/// it is never published.
package struct TreeRecord: Equatable, Sendable {
    package var path: String
    var identity: String
    var token: String?
    /// Each path whose digest in this folder is not the manifest's: its digest here, or `absent`.
    var differences: [String: String] = [:]

    static let absent = "-"
    static let marker = ".lantern-kept"

    init(path: String, identity: String, token: String? = nil, differences: [String: String] = [:]) {
        self.path = path
        self.identity = identity
        self.token = token
        self.differences = differences
    }

    /// True when the folder now at `folder` is the one recorded (and holds the marker, if any).
    package func describes(_ folder: URL) -> Bool {
        guard path == folder.standardizedFileURL.path, identity == FileSystem.folderIdentity(folder.path) else { return false }
        guard let token else { return true }
        return (try? String(contentsOfFile: folder.path + "/" + Self.marker, encoding: .utf8)) == token
    }

    /// Puts the marker in the folder; from then on the record describes it.
    func mark(_ folder: URL) throws {
        guard let token else { return }
        try FileSystem.create(Data(token.utf8), at: folder.path + "/" + Self.marker)
    }

    /// Removes the marker: no record describes the folder any more.
    static func unmark(_ folder: URL) throws {
        try FileSystem.remove(folder.path + "/" + marker)
    }

    /// The digest of the file at `path` in this folder (nil: no such file), given the manifest.
    func digest(of path: String, manifest: [String: String]) -> String? {
        guard let digest = differences[path] else { return manifest[path] }
        return digest == Self.absent ? nil : digest
    }

    /// Every file in this folder, given the manifest.
    func paths(manifest: [String: String]) -> [String] {
        manifest.keys.filter { differences[$0] == nil }
            + differences.filter { $0.value != Self.absent }.map(\.key)
    }

    /// How many files this folder has, given the manifest.
    func fileCount(manifest: [String: String]) -> Int {
        differences.reduce(manifest.count) { count, difference in
            switch (manifest[difference.key] != nil, difference.value != Self.absent) {
            case (true, false): count - 1
            case (false, true): count + 1
            default: count
            }
        }
    }

    /// The differences to record for a folder holding `held` beside the manifest `manifest`.
    static func differences(holding held: [String: String], from manifest: [String: String]) -> [String: String] {
        var differences: [String: String] = [:]
        for (path, digest) in manifest where held[path] != digest { differences[path] = held[path] ?? absent }
        for (path, digest) in held where manifest[path] == nil { differences[path] = digest }
        return differences
    }

    /// As a state table: path, identity and token under keys no output path can have.
    var table: [String: String] {
        differences.merging(["*path": path, "*identity": identity, "*token": token].compactMapValues { $0 }) { $1 }
    }

    /// From a state table; nil when the table is empty (nothing recorded).
    init?(table: [String: String]) {
        guard let path = table["*path"], let identity = table["*identity"] else { return nil }
        self.init(path: path, identity: identity, token: table["*token"],
                  differences: table.filter { !$0.key.hasPrefix("*") })
    }
}

/// What `private/state/` records about the folders beside the manifest.
package struct TreeRecords: Equatable, Sendable {
    /// The output folder the manifest describes.
    package var output: TreeRecord?
    /// The staging folder kept from the build before: the output that the build before the last
    /// one published, which the next build brings up to date instead of staging a new tree.
    var kept: TreeRecord?

    package init(output: TreeRecord? = nil, kept: TreeRecord? = nil) {
        self.output = output
        self.kept = kept
    }
}
