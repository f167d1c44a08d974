import Crypto
import Foundation
import LanternModel
import LanternRendering

/// Builds the next `public/` beside the current one and swaps them in one step.
///
/// Files go to a staging folder next to the output (same file system), and `publish` swaps the
/// two folders atomically (`AtomicSwap`). A build that fails or is killed before the swap leaves
/// the output exactly as it was; after the swap the output is the complete new site. When
/// nothing changed at all, nothing is staged and nothing is touched.
///
/// After the swap the old output stays at the staging path (double buffering): it is the site
/// the build before published, and the state records where it differs from the new manifest
/// (`TreeRecords.kept`). The next build brings that tree up to date instead of staging a new
/// one (`StagedOutput+KeptTree.swift`): creating 300,000 folders and links is what a rebuild
/// used to spend its time on. When the state cannot vouch for the staging folder, it is removed
/// and the site staged from scratch: new or changed files written, unchanged ones hard-linked
/// from the output.
///
/// Staged files share inodes with the output's (hard links), so no file in the staging folder
/// is ever opened for writing: it is unlinked and created again (`FileSystem.create`).
///
/// `put` and `reuse` may be called from several threads at once. `@unchecked Sendable` is safe
/// because every mutable property (`entries`, `reused`, `staged`, `report`, `stagingReady`,
/// `swapped`, `folders`) is read and written only inside `lock`; the rest is `let`. (They are
/// one lock's worth of state changed together, which is why they are not each a `Locked`.)
package final class StagedOutput: @unchecked Sendable {
    package struct Report: Sendable, Equatable {
        /// Files new or changed since the last build (written, or found in the kept tree).
        package var written = 0
        package var bytesWritten = 0
        package var unchanged = 0
        /// Unchanged files hard-linked from the output into the staging folder: all of them when
        /// staging starts empty, only those the kept tree has older versions of when it is kept.
        var linked = 0
        package var removed = 0

        package init() {}
    }

    let output: URL
    let staging: URL
    /// The manifest of the output, as the last build left it.
    package let previous: [String: String]
    /// The stamps of the output's files that are still as the last build left them
    /// (`OutputStamps.intact`): only those are carried over; the others are made again.
    package let intact: [String: String]
    /// The output's record, when it describes the folder there: then `previous` is what the
    /// output holds, and after the swap the state can vouch for it as the kept tree.
    let outputRecord: TreeRecord?
    /// The kept staging folder, when the state vouches for it and its files are there; nil:
    /// staging starts from an empty folder.
    let kept: TreeRecord?
    /// Files in Lantern's folders of the kept tree that its record does not name: removed
    /// before the swap.
    let unrecorded: [String]
    let lock = NSLock()
    var entries: [String: String] = [:]
    private var reused: [String] = []
    /// Files put into the staging folder (written, or found in the kept tree).
    private var staged: [String] = []
    private var report = Report()
    private var stagingReady = false
    private var swapped = false
    private var folders = Set<String>()

    /// `recorded`: what the state says about the folders; `intact`: the stamps of the output's
    /// files that still hold.
    package init(output: URL, previous: [String: String], intact: [String: String] = [:], recorded: TreeRecords = TreeRecords()) {
        self.output = output
        self.staging = Self.stagingFolder(for: output)
        // The manifest is only trusted for the very folder it describes: not for another
        // `--output` built with the same private folder, nor for a folder made again in its place.
        let described = recorded.output?.describes(output) == true
        self.previous = described ? previous : [:]
        self.intact = described ? intact : [:]
        self.outputRecord = described && !previous.isEmpty ? recorded.output : nil
        let trusted = described ? Self.trusted(recorded.kept, at: staging, manifest: previous) : nil
        (self.kept, self.unrecorded) = (trusted?.0, trusted?.1 ?? [])
    }

    /// `.public.lantern-next` beside `public/`.
    package static func stagingFolder(for output: URL) -> URL {
        output.deletingLastPathComponent().appending(path: ".\(output.lastPathComponent).lantern-next")
    }

    /// The digest of the output's file at `path` when it can be carried over: the manifest
    /// names it and it is still as the last build left it.
    func carried(_ path: String) -> String? {
        intact[path] == nil ? nil : previous[path]
    }

    /// Stages one output file: written when new or changed (unless the kept tree has these very
    /// bytes, e.g. a change undone), else linked at publish.
    package func put(_ file: OutputFile) throws {
        let digest = Digest.of(file.bytes)
        if carried(file.path) == digest {
            lock.withLock { entries[file.path] = digest; reused.append(file.path); report.unchanged += 1 }
            return
        }
        // A file changed in the output by hand may have changed the kept tree's too: they often
        // share the inode. Such a file is written, never taken from the kept tree.
        let damaged = previous[file.path] != nil && intact[file.path] == nil
        if damaged || keptDigest(file.path) != digest {
            try prepareFolder(for: file.path)
            try FileSystem.create(file.bytes, at: staging.path + "/" + file.path)
        }
        lock.withLock { entries[file.path] = digest; staged.append(file.path); report.written += 1; report.bytesWritten += file.bytes.count }
    }

    /// Keeps files of the last build without rendering them again (their inputs did not
    /// change): all of them, or none when the last build lacks any (then they are rendered and
    /// `put`, and must not be recorded twice).
    package func reuse(_ paths: [String]) -> Bool {
        let digests = paths.compactMap { carried($0) }
        guard digests.count == paths.count else { return false }
        lock.withLock {
            for (path, digest) in zip(paths, digests) { entries[path] = digest }
            reused += paths
            report.unchanged += paths.count
        }
        return true
    }

    /// The manifest of the site being staged.
    package var manifest: [String: String] { lock.withLock { entries } }

    /// What the state should record once the site is published: the folders, and the stamps
    /// of the output's files; and which folder the output is then (`generation`).
    package struct Publication {
        package var trees: TreeRecords
        package var stamps: [String: String]
        package var generation: String
    }

    /// Swaps the staged site in, unless nothing changed. `beforeSwap` runs once everything is
    /// staged, and stages the build's private files (`PrivateCommit`); after the swap nothing
    /// here throws, so the caller commits them.
    package func publish(checkpoint: Checkpoint = .none, beforeSwap: (Publication) throws -> Void) throws -> Report {
        var report = lock.withLock { self.report }
        let entries = manifest
        report.removed = previous.keys.filter { entries[$0] == nil }.count
        let carried = intact.filter { entries[$0.key] != nil }
        if report.written == 0 && report.removed == 0 {
            // Nothing was staged: every file is carried over, and was found intact.
            guard let generation = outputRecord?.identity ?? FileSystem.folderIdentity(output.path) else {
                throw StagedOutputError.missing(output.path)
            }
            try beforeSwap(Publication(trees: TreeRecords(output: outputRecord, kept: kept), stamps: carried, generation: generation))
            return report
        }
        try ensureStaging()
        report.linked = try linkUnchanged()
        try removeStale()
        try carryForeignFiles()
        let records = try recordsAfterSwap()
        let stamps = carried.merging(try OutputStamps.stamps(of: lock.withLock { staged }, in: staging)) { $1 }
        try beforeSwap(Publication(trees: records, stamps: stamps, generation: records.output!.identity))
        checkpoint.reached("swap")
        try AtomicSwap.exchange(staging, with: output)
        lock.withLock { swapped = true }
        try? records.kept?.mark(staging) // now the old output; without the marker the next build starts afresh
        checkpoint.reached("swapped")
        return report
    }

    /// After a failed build: removes the staging folder if this build changed it (a kept tree
    /// has lost its marker by then). A kept tree the build did not touch stays valid, and so
    /// does the old output once swapped there.
    package func abandon() {
        if lock.withLock({ stagingReady && !swapped }) { Self.remove(staging) }
    }

    /// Removes a folder tree; the member folders (most of the files) in parallel.
    static func remove(_ folder: URL) {
        let fm = FileManager.default
        let members = folder.appending(path: "m")
        if let tokens = try? fm.contentsOfDirectory(atPath: members.path) {
            try? Parallel.forEach(tokens, chunk: 256) { token in try? FileManager.default.removeItem(atPath: members.path + "/" + token) }
        }
        try? fm.removeItem(at: folder)
    }

    /// The digest of `path` in the kept tree; nil when it has no such file (or there is no kept tree).
    func keptDigest(_ path: String) -> String? {
        kept?.digest(of: path, manifest: previous)
    }

    /// Links from the output each unchanged file the staging folder does not have as it is.
    private func linkUnchanged() throws -> Int {
        let paths = lock.withLock { reused }.filter { keptDigest($0) != previous[$0] }
        try Parallel.forEach(paths, chunk: 512) { [self] path in
            try prepareFolder(for: path)
            if !FileSystem.link(output.path + "/" + path, at: staging.path + "/" + path) {
                throw StagedOutputError.missing(path)
            }
        }
        return paths.count
    }

    /// Makes the staging folder ready for its first change: a kept tree loses its marker (its
    /// record no longer describes it); without one, staging starts from an empty folder.
    private func ensureStaging() throws {
        try lock.withLock {
            if !stagingReady {
                if kept != nil {
                    try TreeRecord.unmark(staging)
                } else {
                    Self.remove(staging) // left by a build that was killed, or not vouched for
                    try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
                }
                stagingReady = true
            }
        }
    }

    /// Creates the staging folders a file needs, each once (parents first).
    func prepareFolder(for path: String) throws {
        try ensureStaging()
        guard let slash = path.lastIndex(of: "/") else { return }
        let folder = String(path[..<slash])
        if lock.withLock({ folders.contains(folder) }) { return }
        try prepareFolder(for: folder)
        try FileSystem.makeFolder(staging.path + "/" + folder)
        lock.withLock { _ = folders.insert(folder) }
    }
}

package enum StagedOutputError: Error, CustomStringConvertible {
    case missing(String)

    package var description: String {
        switch self {
        case .missing(let path):
            "\(path) was changed or removed outside Lantern since the last build"
        }
    }
}
