import Foundation
import LanternChecking
import LanternLoading
import LanternModel
import LanternPlanning
import LanternRendering
import LanternWriting

/// A site build as a list of named steps over one context (`BuildContext`): load content →
/// compile templates → check → plan pages → item images → shared pages → member pages →
/// private reports → build state → publish. Each step's name is reported as it runs; no step reaches into another.
///
/// The first four steps work in memory. Pages are staged beside the output and published by
/// swapping folders (`StagedOutput`), so a build that fails or is killed leaves the output as the
/// last successful build left it, and a successful one never leaves a mix of old and new files.
/// The private files follow the swap as one commit (`PrivateCommit`). The whole build holds the
/// site's locks (`SiteLock`), after checking that its folders stay apart (`SiteFolders`).
package struct Build: Sendable {
    package struct Result: Sendable {
        package var warnings: [Diagnostic]
        package var pages: Int
        package var members: Int
        /// Members whose pages were carried over without rendering (their inputs did not change).
        package var membersReused: Int
        package var output: StagedOutput.Report
        /// What changed in the inputs since the last build, when it is known.
        package var changes: String?
        /// Files written to `private/print/` (none without `base_url`).
        package var printSheets: Int
        /// With `BuildOptions.rotateSecret`: the members whose link changed (every member with pages).
        package var rotatedLinks: Int? = nil
        /// Item pictures decoded to make their versions (the others' were carried over).
        package var picturesMade = 0
    }

    /// What a build reports as it goes.
    package enum Event: Sendable {
        case stage(number: Int, of: Int, name: String)
        case progress(done: Int, total: Int)
        /// Another process holds the site's lock: the build waits (the line says for whom).
        case waiting(String)
    }

    package let options: BuildOptions
    package var progress: @Sendable (Event) -> Void

    package init(_ options: BuildOptions, progress: @escaping @Sendable (Event) -> Void = { _ in }) {
        self.options = options
        self.progress = progress
    }

    /// `Result.changes` when every input is as at the last build.
    package static let noChanges = "no input changed"

    /// The steps' names, in the order they run.
    package static var stages: [String] { (BuildStep.prepare + BuildStep.write).map(\.name) }

    package func run() throws(DiagnosticsError) -> Result {
        try SiteFolders.check(options)
        // The lock needs the private folder; a first build that fails must not leave one behind.
        let privateExisted = FileManager.default.fileExists(atPath: options.privateFolder.path)
        let lock = try SiteLock.forBuild(output: options.output, privateFolder: options.privateFolder,
                                         wait: options.waitForLock, waiting: { [progress] in progress(.waiting($0)) })
        do {
            defer { lock.release() }
            return try locked()
        } catch {
            if !privateExisted { SiteLock.removeUnused(privateFolder: options.privateFolder) }
            throw error
        }
    }

    private func locked() throws(DiagnosticsError) -> Result {
        try PrivateCommit.settle(in: options.privateFolder)
        let keys = try SiteSecret.resolve(privateFolder: options.privateFolder, environment: options.environment,
                                          rotate: options.rotateSecret)
        let known = BuildState.load(from: stateFolder, only: ["pictures.tsv"]).pictures
        let (files, pictureStamps) = Fingerprint.files(options.site, known: known, now: Date())
        let siteDigest = Fingerprint.site(files, today: options.today, secret: keys.secret)
        if let unchanged = unchangedResult(siteDigest) { return unchanged }
        var context = BuildContext(options: options, keys: keys, files: files, siteDigest: siteDigest, pictureStamps: pictureStamps,
                                   state: BuildState.load(from: stateFolder), progress: progress)
        let steps = BuildStep.prepare + BuildStep.write
        do {
            do {
                for (number, step) in steps.enumerated() { try run(step, number, of: steps.count, &context) }
            } catch is StagedOutputError {
                // A file of the last build was removed by hand: the manifest no longer describes
                // the output. Write everything again, without it.
                context.restartWithoutManifest()
                for (number, step) in steps.enumerated() where BuildStep.write.contains(where: { $0.name == step.name }) {
                    try run(step, number, of: steps.count, &context)
                }
            }
        } catch let error as DiagnosticsError {
            context.abandon()
            throw error
        } catch {
            context.abandon()
            throw DiagnosticsError([.error("cannot write the output: \(error)", at: SourceLocation(file: options.output.path),
                                           hint: "check that the output and private folders are writable")])
        }
        // The site is published: its private files follow, or wait for the next build.
        let unplaced = context.commit.finish(checkpoint: options.checkpoint)
        if !unplaced.isEmpty { throw context.commit.failure(unplaced, output: options.output.path, now: true) }
        return context.result()
    }

    private func run(_ step: BuildStep, _ index: Int, of count: Int, _ context: inout BuildContext) throws {
        progress(.stage(number: index + 1, of: count, name: step.name))
        try step.body(&context)
    }

    /// Same inputs, day and secret as the last successful build, into the very folder it
    /// published, every file of which is as it left it: same output. Nothing to do.
    private func unchangedResult(_ siteDigest: String) -> Result? {
        guard BuildState.siteDigest(in: stateFolder) == siteDigest,
              case let state = BuildState.load(from: stateFolder, only: ["warnings.tsv", "members.tsv", "output.tsv", "stamps.tsv", "private.tsv"]),
              state.trees.output?.describes(options.output) == true,
              !state.stamps.isEmpty, OutputStamps.intact(state.stamps, in: options.output).count == state.stamps.count,
              state.privateFiles.keys.allSatisfy({ access(options.privateFolder.path + "/" + $0, F_OK) == 0 })
        else { return nil }
        return Result(warnings: state.warnings.keys.sorted().compactMap { Diagnostic(stateLine: state.warnings[$0]!) },
                      pages: 0, members: state.members.count, membersReused: state.members.count,
                      output: StagedOutput.Report(), changes: Build.noChanges, printSheets: 0)
    }

    private var stateFolder: URL { options.privateFolder.appending(path: "state") }
}
