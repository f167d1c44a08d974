/// What a deploy sends, in the order it sends it, from the manifest of the last build and the
/// record of what the remote holds; the remote itself is never listed.
///
/// New files go first: nothing already on the remote links to them, except pages that are
/// themselves new or changed, and those come after. Changed files next. Deletions last: a
/// file no longer built is no longer linked from the changed pages, which are in place by then.
/// Each phase is cut into batches of files that get the same headers, one rclone run each.
struct DeployPlan: Equatable {
    enum Phase: String, Equatable { case new, changed, deleted }

    struct Batch: Equatable {
        var phase: Phase
        /// `Name: value` for `--header-upload` (empty when the remote keeps no headers).
        var headers: [String]
        var paths: [String]
    }

    var batches: [Batch] = []
    /// Folders that held deleted files and hold no file of the manifest any more: the topmost
    /// ones, emptied after the deletions (a member who left leaves no empty folder behind).
    var emptiedFolders: [String] = []

    var count: (new: Int, changed: Int, deleted: Int) {
        var new = 0, changed = 0, deleted = 0
        for batch in batches {
            switch batch.phase {
            case .new: new += batch.paths.count
            case .changed: changed += batch.paths.count
            case .deleted: deleted += batch.paths.count
            }
        }
        return (new, changed, deleted)
    }

    /// `headers` gives a file's headers (empty for every file when the remote keeps none).
    init(manifest: [String: String], remote held: [String: String], batchSize: Int, headers: (String) -> [String]) {
        let new = manifest.keys.filter { held[$0] == nil }.sorted()
        let changed = manifest.keys.filter { held[$0] != nil && held[$0] != manifest[$0] }.sorted()
        let deleted = held.keys.filter { manifest[$0] == nil }.sorted()
        for (phase, paths) in [(Phase.new, new), (.changed, changed)] {
            var groups: [[String]: [String]] = [:]
            for path in paths { groups[headers(path), default: []].append(path) }
            for key in groups.keys.sorted(by: { $0.joined(separator: "\n") < $1.joined(separator: "\n") }) {
                batches += Self.cut(groups[key]!, size: batchSize).map { Batch(phase: phase, headers: key, paths: $0) }
            }
        }
        batches += Self.cut(deleted, size: batchSize).map { Batch(phase: .deleted, headers: [], paths: $0) }
        emptiedFolders = Self.emptied(by: deleted, keeping: manifest.keys)
    }

    private static func cut(_ paths: [String], size: Int) -> [[String]] {
        stride(from: 0, to: paths.count, by: max(1, size)).map { Array(paths[$0..<min($0 + max(1, size), paths.count)]) }
    }

    private static func emptied(by deleted: [String], keeping kept: Dictionary<String, String>.Keys) -> [String] {
        var occupied: Set<Substring> = []
        for path in kept {
            var folder = path[...]
            while let slash = folder.lastIndex(of: "/") { folder = folder[..<slash]; occupied.insert(folder) }
        }
        var emptied: Set<Substring> = []
        for path in deleted {
            var folder = path[...], topmost: Substring?
            while let slash = folder.lastIndex(of: "/") {
                folder = folder[..<slash]
                if occupied.contains(folder) { break }
                topmost = folder
            }
            if let topmost { emptied.insert(topmost) }
        }
        return emptied.map(String.init).sorted()
    }
}
