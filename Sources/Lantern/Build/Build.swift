import Foundation

/// A site build as a list of named stages: load → check → plan → shared pages → member pages → publish.
///
/// The first three stages work in memory. Pages are staged beside the output and published by
/// swapping folders (`StagedOutput`), so a build that fails or is killed leaves the output as the
/// last successful build left it, and a successful one never leaves a mix of old and new files.
/// The private files follow the swap as one commit (`PrivateCommit`). The whole build holds the
/// site's locks (`SiteLock`), after checking that its folders stay apart (`SiteFolders`).
public struct Build: Sendable {
    public struct Result: Sendable {
        public var warnings: [Diagnostic]
        public var pages: Int
        public var members: Int
        /// Members whose pages were carried over without rendering (their inputs did not change).
        public var membersReused: Int
        public var output: StagedOutput.Report
        /// What changed in the inputs since the last build, when it is known.
        public var changes: String?
        /// Files written to `private/print/` (none without `base_url`).
        public var printSheets: Int
        /// With `BuildOptions.rotateSecret`: the members whose link changed (every member with pages).
        public var rotatedLinks: Int? = nil
    }

    /// What a build reports as it goes.
    public enum Event: Sendable {
        case stage(number: Int, of: Int, name: String)
        case progress(done: Int, total: Int)
        /// Another process holds the site's lock: the build waits (the line says for whom).
        case waiting(String)
    }

    public let options: BuildOptions
    public var progress: @Sendable (Event) -> Void

    public init(_ options: BuildOptions, progress: @escaping @Sendable (Event) -> Void = { _ in }) {
        self.options = options
        self.progress = progress
    }

    /// `Result.changes` when every input is as at the last build.
    public static let noChanges = "no input changed"

    public static let stages = ["load content", "check", "plan pages", "shared pages", "member pages", "publish"]

    public func run() throws(DiagnosticsError) -> Result {
        try SiteFolders.check(options)
        // The lock needs the private folder; a first build that fails must not leave one behind.
        let privateExisted = FileManager.default.fileExists(atPath: options.privateFolder.path)
        let lock = try SiteLock.forBuild(options, wait: options.waitForLock, waiting: { [progress] in progress(.waiting($0)) })
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
        let secret = keys.secret
        let files = Fingerprint.files(options.site)
        let siteDigest = Fingerprint.site(files, today: options.today, secret: secret)
        if BuildState.siteDigest(in: stateFolder) == siteDigest,
           case let state = BuildState.load(from: stateFolder, only: ["warnings.tsv", "members.tsv", "output.tsv", "stamps.tsv", "private.tsv"]),
           state.trees.output?.describes(options.output) == true,
           !state.stamps.isEmpty, OutputStamps.intact(state.stamps, in: options.output).count == state.stamps.count,
           state.privateFiles.keys.allSatisfy({ access(options.privateFolder.path + "/" + $0, F_OK) == 0 }) {
            // Same inputs, day and secret as the last successful build, into the very folder it
            // published, every file of which is as it left it: same output. Nothing to do.
            return Result(warnings: state.warnings.keys.sorted().compactMap { Diagnostic(stateLine: state.warnings[$0]!) },
                          pages: 0, members: state.members.count, membersReused: state.members.count,
                          output: StagedOutput.Report(), changes: Build.noChanges, printSheets: 0)
        }
        let state = BuildState.load(from: stateFolder)
        stage(1)
        let content = try SiteContent.load(site: options.site)
        stage(2)
        let checked = try CheckedSite.check(content, today: options.today)
        stage(3)
        let plan = SitePlan.make(checked, today: options.today, secret: secret)
        // Files removed or changed in the output by hand since the last build are made again.
        let intact = state.trees.output?.describes(options.output) == true ? OutputStamps.intact(state.stamps, in: options.output) : [:]
        var staged = StagedOutput(output: options.output, previous: state.files, intact: intact, recorded: state.trees)
        let commit = PrivateCommit(privateFolder: options.privateFolder)
        let result: Result
        do {
            do {
                result = try write(plan, checked, keys, state, staged, commit, files: files, siteDigest: siteDigest)
            } catch is StagedOutputError {
                // A file of the last build was removed by hand: the manifest no longer describes
                // the output. Build everything again, without it.
                staged.abandon()
                staged = StagedOutput(output: options.output, previous: [:])
                result = try write(plan, checked, keys, state, staged, commit, files: files, siteDigest: siteDigest)
            }
        } catch let error as DiagnosticsError {
            staged.abandon()
            commit.abandon()
            throw error
        } catch {
            staged.abandon()
            commit.abandon()
            throw DiagnosticsError([.error("cannot write the output: \(error)", at: SourceLocation(file: options.output.path),
                                           hint: "check that the output and private folders are writable")])
        }
        // The site is published: its private files follow, or wait for the next build.
        let unplaced = commit.finish()
        if !unplaced.isEmpty { throw commit.failure(unplaced, output: options.output.path, now: true) }
        return result
    }

    private func write(_ plan: SitePlan, _ checked: CheckedSite, _ keys: SiteSecret, _ state: BuildState,
                       _ staged: StagedOutput, _ commit: PrivateCommit, files: [String: String], siteDigest: String) throws -> Result {
        let content = checked.content
        let secret = keys.secret
        let renderer = Renderer(site: checked, today: options.today, secret: secret, stencils: options.stencils)
        stage(4)
        for file in try renderer.renderShared(plan) { try staged.put(file) }
        try BuildHooks.pause(at: "shared")

        stage(5)
        let shared = Fingerprint.memberPages(files, today: options.today, secret: secret)
        let fingerprints = Locked<[String: String]>([:])
        let done = Locked(0), reusedMembers = Locked(0)
        let total = plan.members.count
        let progress = self.progress
        try Parallel.forEach(plan.members, chunk: 64, jobs: options.jobs) { member in
            let id = member.member.id.rawValue
            let fingerprint = Fingerprint.member(member.member, shared: shared)
            if state.members[id] == fingerprint, staged.reuse(member.paths) {
                reusedMembers.update { $0 += 1 }
            } else {
                for file in try renderer.render(member) { try staged.put(file) }
            }
            fingerprints.update { $0[id] = fingerprint }
            let count = done.update { value -> Int in value += 1; return value }
            if count % 500 == 0 || count == total { progress(.progress(done: count, total: total)) }
            if count == total / 2 { try BuildHooks.pause(at: "members") }
        }

        stage(6)
        let links = plan.links
        let key = content.config.encrypt ? secret : nil
        let reports = [("links.csv", try LinksFile.csv(links, baseURL: content.config.baseURL, encryptedWith: key)),
                       ("audit.csv", try AuditFiles.csv(checked.audit)),
                       ("audit.html", AuditFiles.html(checked.audit, site: content.config))]
        let printSheets = try PrintSheets.sheets(links, site: content.config, secret: key)
        var inputs = Fingerprint.inputs(content, files: files)
        inputs["*today"] = options.today.description
        let warnings = checked.warnings + [PrintSheets.warning(links, site: content.config)].compactMap { $0 }
        var next = BuildState(files: staged.manifest, members: fingerprints.value, inputs: inputs)
        next.inputs[BuildState.siteKey] = siteDigest
        next.warnings = Dictionary(uniqueKeysWithValues: warnings.enumerated().map { (String(format: "%06d", $0.offset), $0.element.stateLine) })
        next.privateFiles = Dictionary(uniqueKeysWithValues: reports.map { ($0.0, String($0.1.count)) }
            + printSheets.map { ("\(PrintSheets.folder)/\($0.fileName)", String($0.html.count)) })
        let report = try staged.publish { publication in
            try keys.install()
            next.trees = publication.trees
            next.stamps = publication.stamps
            try commit.begin()
            for (name, data) in reports { try commit.stage(data, at: name) }
            try PrintSheets.stage(printSheets, privateFolder: options.privateFolder, into: commit)
            try next.prepare(in: commit.folder.appending(path: "state"))
            try commit.seal(output: options.output, generation: publication.generation, sheets: printSheets.map(\.fileName))
        }
        return Result(warnings: warnings,
                      pages: plan.shared.count + plan.members.reduce(0) { $0 + 1 + $1.cards.count },
                      members: plan.members.count, membersReused: reusedMembers.value, output: report,
                      changes: changes(state, inputs, staged), printSheets: printSheets.count,
                      rotatedLinks: keys.rotates ? plan.members.count : nil)
    }

    /// What changed in the inputs, and how many files of the output were removed or changed
    /// by hand (made again).
    private func changes(_ state: BuildState, _ inputs: [String: String], _ staged: StagedOutput) -> String? {
        let inputs = Fingerprint.changes(from: state.inputs, to: inputs)
        let damaged = staged.previous.isEmpty ? 0 : state.stamps.count - staged.intact.count
        guard damaged > 0 else { return inputs }
        let note = "\(damaged) file\(damaged == 1 ? "" : "s") of the output removed or changed since the last build"
        return inputs == nil || inputs == Build.noChanges ? note : inputs! + "; " + note
    }

    private var stateFolder: URL { options.privateFolder.appending(path: "state") }

    private func stage(_ number: Int) {
        progress(.stage(number: number, of: Self.stages.count, name: Self.stages[number - 1]))
    }
}
