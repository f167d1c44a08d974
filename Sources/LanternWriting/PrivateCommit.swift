import Foundation
import LanternLoading
import LanternModel
import LanternRendering

/// The private files of a build (`links.csv`, the audit, the print sheets and the next build
/// state) committed together with the swap of the output, as a small journal:
///
/// 1. Before the swap, each is written into `private/pending/`, laid out as in `private/`, and
///    then `pending/commit.json` names the output and the folder (`FileSystem.folderIdentity`)
///    the swap will put there: from that moment the folder is complete.
/// 2. After the swap, each file is renamed into place, the sheets of departments that are gone
///    are removed, and `commit.json` goes last.
/// 3. A build (or `lantern links`) that finds `pending/` first settles it: sealed, and the output
///    is the folder named (the swap happened), step 2 is finished; otherwise the swap did not
///    happen and the private files in place still belong to the output in place, so the
///    folder is dropped.
///
/// So the state in `private/state/` always belongs to the output it describes, and a build that
/// finds its private files not all in place never says there is nothing to do. Nothing is
/// synced to disk: like the swap, this holds against a killed process, not a power cut.
package struct PrivateCommit: Sendable {
    let privateFolder: URL

    package init(privateFolder: URL) { self.privateFolder = privateFolder }

    package var folder: URL { privateFolder.appending(path: "pending") }
    private var marker: URL { folder.appending(path: "commit.json") }

    /// What the marker says.
    struct Seal: Codable {
        var output: String
        var generation: String
        /// Every print sheet of the build (`print/*.html`), also those unchanged and not staged:
        /// the others are removed.
        var sheets: [String]
    }

    /// A file that could not be put in place.
    package struct Unplaced: Error {
        var path: String
        var reason: String
    }

    /// Whether a commit is waiting (or a build stopped while staging one).
    package static func isPending(in privateFolder: URL) -> Bool {
        access(PrivateCommit(privateFolder: privateFolder).folder.path, F_OK) == 0
    }

    /// Starts staging: an empty `pending/` (what a build that stopped before sealing left goes).
    package func begin() throws {
        try FileSystem.remove(folder.path)
        try FileSystem.makePrivateFolder(folder.path)
    }

    /// Writes one private file (mode 0600) at `relative` inside `pending/`.
    package func stage(_ bytes: Data, at relative: String) throws {
        var parent = folder.path
        for part in relative.split(separator: "/").dropLast() {
            parent += "/" + part
            try FileSystem.makePrivateFolder(parent)
        }
        try FileSystem.create(bytes, at: folder.path + "/" + relative, mode: 0o600)
    }

    /// Declares the staged files complete, to be put in place once `output` is `generation`.
    package func seal(output: URL, generation: String, sheets: [String]) throws {
        let data = try JSONEncoder().encode(Seal(output: output.standardizedFileURL.path, generation: generation, sheets: sheets))
        try FileSystem.replace(data, at: marker.path, mode: 0o600)
    }

    private func readSeal() -> Seal? {
        guard let data = FileManager.default.contents(atPath: marker.path) else { return nil }
        return try? JSONDecoder().decode(Seal.self, from: data)
    }

    /// Whether the swap the seal names has happened: the output is the folder it names.
    private func sealHolds() -> Seal? {
        guard let seal = readSeal(), FileSystem.folderIdentity(seal.output) == seal.generation else { return nil }
        return seal
    }

    /// After a build failed: drops `pending/` unless its swap happened (then it must be finished).
    package func abandon() {
        if sealHolds() == nil { try? FileSystem.remove(folder.path) }
    }

    /// Puts every staged file in place (the build state last) and removes the sheets not sealed;
    /// every file that can be moved is. Returns those that could not, in which case the commit
    /// stays pending.
    package func finish(checkpoint: Checkpoint = .none) -> [Unplaced] {
        guard let seal = readSeal() else { return [Unplaced(path: marker.path, reason: "the commit's marker is unreadable")] }
        var unplaced: [Unplaced] = []
        let sheetsFolder = privateFolder.appending(path: PrintSheets.folder).path
        let keep = Set(seal.sheets)
        for name in (try? FileManager.default.contentsOfDirectory(atPath: sheetsFolder)) ?? []
        where name.hasSuffix(".html") && !keep.contains(name) {
            do { try FileSystem.remove(sheetsFolder + "/" + name) } catch { unplaced.append(Unplaced(path: sheetsFolder + "/" + name, reason: "\(error)")) }
        }
        var moved = 0
        for relative in stagedFiles() {
            let target = privateFolder.path + "/" + relative
            do {
                var parent = privateFolder.path
                for part in relative.split(separator: "/").dropLast() {
                    parent += "/" + part
                    try FileSystem.makePrivateFolder(parent)
                }
            } catch {
                unplaced.append(Unplaced(path: target, reason: "\(error)"))
                continue
            }
            if rename(folder.path + "/" + relative, target) != 0 {
                unplaced.append(Unplaced(path: target, reason: String(cString: strerror(errno))))
                continue
            }
            moved += 1
            if moved == 1 { checkpoint.reached("commit") }
        }
        guard unplaced.isEmpty else { return unplaced }
        if (try? FileManager.default.contentsOfDirectory(atPath: sheetsFolder))?.isEmpty == true { rmdir(sheetsFolder) }
        unlink(marker.path)
        try? FileSystem.remove(folder.path)
        return []
    }

    /// The files in `pending/` (not the marker), by path inside it; the build state last, so
    /// that it is in place only once the files it vouches for are.
    private func stagedFiles() -> [String] {
        let base = folder.standardizedFileURL.path
        let files = SiteFiles.all(folder).map { String($0.path.dropFirst(base.count + 1)) }.filter { $0 != "commit.json" }
        return files.filter { !$0.hasPrefix("state/") } + files.filter { $0.hasPrefix("state/") }
    }

    /// Settles what an earlier build left in `pending/` (see the type's steps); throws when
    /// files of a published build still cannot be put in place.
    package static func settle(in privateFolder: URL) throws(DiagnosticsError) {
        let commit = PrivateCommit(privateFolder: privateFolder)
        guard isPending(in: privateFolder) else { return }
        guard let seal = commit.sealHolds() else {
            try? FileSystem.remove(commit.folder.path)
            return
        }
        let unplaced = commit.finish()
        if !unplaced.isEmpty { throw commit.failure(unplaced, output: seal.output, now: false) }
    }

    /// Why private files are not in place, naming the output that is already published.
    package func failure(_ unplaced: [Unplaced], output: String, now: Bool) -> DiagnosticsError {
        var error = DiagnosticsError(unplaced.map { file in
            .error("\(now ? "" : "the last build published ")\(output)\(now ? " holds the new site" : ""), but \(file.path) "
                   + "could not be put in place: \(file.reason)", at: SourceLocation(file: file.path),
                   hint: "remove or fix what is in the way (the new file waits in \(folder.path)/), then run `lantern build` "
                       + "again: it puts the waiting files in place before anything else")
        })
        error.published = true
        return error
    }
}
