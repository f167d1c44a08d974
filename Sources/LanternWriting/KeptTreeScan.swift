import Foundation
import LanternModel

/// A look through the kept staging folder before a build trusts it: every file its record names
/// must be there, and any other file (or empty folder) in Lantern's folders, put into `public/`
/// by hand or by a tool while the folder was the output, is listed, to be removed before the
/// swap, so that the site published is exactly the one built. Reads each folder once and opens
/// no file: at 100,000 members, ~300,000 folders. Files changed in place are not noticed: the
/// staging folder is Lantern's, like the output.
enum KeptTreeScan {
    /// The files in Lantern's folders that `record` does not name; nil when a file it names is
    /// missing (or is not a plain file), or a folder cannot be read.
    static func unrecorded(in staging: URL, record: TreeRecord, manifest: [String: String]) -> [String]? {
        let root = staging.path
        var top = Tally()
        var folders: [String] = []
        // The root's Lantern entries and m/'s (a folder per member) are listed here; each folder
        // in them is then walked on its own, on all cores.
        for parent in ["", "m"] {
            let listed: Void? = FileSystem.withEntries(parent.isEmpty ? root : root + "/" + parent) { _, entries in
                for (name, kind) in entries where !parent.isEmpty || StagedOutput.isLanternPath(name) {
                    let path = parent.isEmpty ? name : parent + "/" + name
                    if kind != .folder {
                        top.note(path, kind, record, manifest)
                    } else if path != "m" {
                        folders.append(path)
                    }
                }
            }
            if listed == nil && parent.isEmpty { return nil }
        }
        let total = Locked(top)
        try? Parallel.forEach(folders, chunk: 64) { folder in
            var tally = Tally()
            walk(folder, name: root + "/" + folder, in: AT_FDCWD, into: &tally, record, manifest)
            total.update { $0.found += tally.found; $0.unrecorded += tally.unrecorded; $0.unreadable = $0.unreadable || tally.unreadable }
        }
        let tally = total.value
        return !tally.unreadable && tally.found == record.fileCount(manifest: manifest) ? tally.unrecorded : nil
    }

    private struct Tally {
        var found = 0
        var unrecorded: [String] = []
        var unreadable = false

        mutating func note(_ path: String, _ kind: FileSystem.Kind, _ record: TreeRecord, _ manifest: [String: String]) {
            if kind == .file && record.digest(of: path, manifest: manifest) != nil { found += 1 } else { unrecorded.append(path) }
        }
    }

    /// Walks `folder` (relative to the staging folder), opened as `name` in `parent`.
    private static func walk(_ folder: String, name: String, in parent: Int32, into tally: inout Tally,
                             _ record: TreeRecord, _ manifest: [String: String]) {
        let listed: Void? = FileSystem.withEntries(name, in: parent) { fd, entries in
            if entries.isEmpty { tally.unrecorded.append(folder) } // a folder never holds no file
            for (child, kind) in entries {
                let path = folder + "/" + child
                if kind == .folder { walk(path, name: child, in: fd, into: &tally, record, manifest) } else { tally.note(path, kind, record, manifest) }
            }
        }
        if listed == nil { tally.unreadable = true }
    }
}
