import Foundation
import LanternModel

/// Bringing the staging folder up to date for the swap: the kept tree checked, its stale files
/// removed, and the files Lantern did not make made the output's.
extension StagedOutput {
    /// The kept tree's record when it describes the staging folder and every file it names is
    /// there (`KeptTreeScan`: a file deleted from `public/` by hand would otherwise be missing
    /// from the site two builds later, once that folder is kept), with the files it does not name.
    static func trusted(_ record: TreeRecord?, at staging: URL, manifest: [String: String]) -> (TreeRecord, [String])? {
        guard let record, record.describes(staging),
              let unrecorded = KeptTreeScan.unrecorded(in: staging, record: record, manifest: manifest) else { return nil }
        return (record, unrecorded)
    }

    /// Unlinks the kept tree's files that the new site does not have, and those its record does
    /// not name, then the folders this leaves empty (a leaver's `m/<token>/`).
    func removeStale() throws {
        guard let kept else { return }
        let entries = lock.withLock { self.entries }
        let stale = (kept.paths(manifest: previous) + unrecorded).filter { entries[$0] == nil }
        let root = staging.path
        try Parallel.forEach(stale, chunk: 256) { path in
            // An unrecorded path can be a folder that was empty at the scan (its files removed
            // from the output by hand), which this build may have filled since: only removed
            // when still empty.
            if unlink(root + "/" + path) == 0 || errno == ENOENT { return }
            if errno == EISDIR { rmdir(root + "/" + path); return }
            try FileSystem.remove(root + "/" + path)
        }
        removeEmptyFolders(of: stale)
    }

    /// Files in the output that Lantern did not make (`.gitkeep`, a host's verification file) are
    /// kept: the staged site gets exactly the output's, and a kept tree loses those of the older
    /// output. Files in Lantern's own folders are never carried over unless this build produced
    /// them, so a leaver's pages go even when the last build's state was lost.
    func carryForeignFiles() throws {
        let entries = manifest
        var dropped: [String] = []
        if kept != nil {
            for (path, type) in Self.foreignEntries(in: staging) where type != .typeDirectory && entries[path] == nil {
                try FileSystem.remove(staging.path + "/" + path)
                dropped.append(path)
            }
        }
        for (path, type) in Self.foreignEntries(in: output) where type == .typeRegular && entries[path] == nil {
            try prepareFolder(for: path)
            _ = FileSystem.link(output.path + "/" + path, at: staging.path + "/" + path)
        }
        removeEmptyFolders(of: dropped)
    }

    /// Everything in `folder` outside Lantern's paths (`isLanternPath`), with its type.
    private static func foreignEntries(in folder: URL) -> [(path: String, type: FileAttributeType?)] {
        guard let enumerator = FileManager.default.enumerator(atPath: folder.path) else { return [] }
        var found: [(path: String, type: FileAttributeType?)] = []
        while let path = enumerator.nextObject() as? String {
            let type = enumerator.fileAttributes?[.type] as? FileAttributeType
            if isLanternPath(path) {
                if type == .typeDirectory { enumerator.skipDescendants() }
                continue
            }
            found.append((path, type))
        }
        return found
    }

    /// Removes each staging folder above these paths that is now empty, deepest first.
    private func removeEmptyFolders(of paths: [String]) {
        var folders = Set<String>()
        for path in paths {
            var folder = Substring(path)
            while let slash = folder.lastIndex(of: "/") {
                folder = folder[..<slash]
                if !folders.insert(String(folder)).inserted { break }
            }
        }
        for folder in folders.sorted(by: { $0.count > $1.count }) { rmdir(staging.path + "/" + folder) }
    }

    /// Where Lantern writes; anything else in the output is someone else's.
    static func isLanternPath(_ path: String) -> Bool {
        lanternFiles.contains(path) || lanternFolders.contains(String(path.prefix { $0 != "/" }))
    }

    private static let lanternFiles: Set = ["index.html", "robots.txt", "_headers"]
    private static let lanternFolders: Set = ["m", "shop", "lists", "menu", "assets"]

    /// What the state should record once the staging folder is the output: that folder as the
    /// output, and the output (holding `previous`) as the kept tree when the state vouches for it.
    func recordsAfterSwap() throws -> TreeRecords {
        guard let identity = FileSystem.folderIdentity(staging.path) else { throw StagedOutputError.missing(staging.path) }
        var records = TreeRecords(output: TreeRecord(path: output.standardizedFileURL.path, identity: identity))
        if let outputRecord, outputRecord.describes(output) {
            // The output holds the manifest's files, but for those removed or changed by hand:
            // recorded as absent, so that they are not taken for the manifest's (and, being
            // there, are removed before that folder is published again).
            let held = previous.filter { intact[$0.key] != nil }
            records.kept = TreeRecord(path: staging.standardizedFileURL.path, identity: outputRecord.identity,
                                      token: UUID().uuidString,
                                      differences: TreeRecord.differences(holding: held, from: manifest))
        }
        return records
    }
}
