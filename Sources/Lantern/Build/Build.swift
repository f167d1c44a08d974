import Foundation

/// A site build as a list of named stages: load → check → plan → shared pages → member pages → publish.
///
/// The first three stages work in memory. Pages are staged beside the output and published by
/// swapping folders (`StagedOutput`), so a build that fails or is killed leaves the output as the
/// last successful build left it, and a successful one never leaves a mix of old and new files.
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
        let keys = try SiteSecret.resolve(privateFolder: options.privateFolder, environment: options.environment,
                                          rotate: options.rotateSecret)
        let secret = keys.secret
        let files = Fingerprint.files(options.site)
        let siteDigest = Fingerprint.site(files, today: options.today, secret: secret)
        if BuildState.siteDigest(in: stateFolder) == siteDigest,
           case let state = BuildState.load(from: stateFolder, only: ["warnings.tsv", "members.tsv", "output.tsv"]),
           state.trees.output?.describes(options.output) == true,
           FileManager.default.fileExists(atPath: options.output.appending(path: "index.html").path) {
            // Same inputs, day and secret as the last successful build, into the very folder it
            // published (and not emptied since): same output. Nothing to do.
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
        var staged = StagedOutput(output: options.output, previous: state.files, recorded: state.trees)
        do {
            do {
                return try write(plan, checked, keys, state, staged, files: files, siteDigest: siteDigest)
            } catch is StagedOutputError {
                // A file of the last build was removed by hand: the manifest no longer describes
                // the output. Build everything again, without it.
                staged.abandon()
                staged = StagedOutput(output: options.output, previous: [:])
                return try write(plan, checked, keys, state, staged, files: files, siteDigest: siteDigest)
            }
        } catch let error as DiagnosticsError {
            staged.abandon()
            throw error
        } catch {
            staged.abandon()
            throw DiagnosticsError([.error("cannot write the output: \(error)", at: SourceLocation(file: options.output.path),
                                           hint: "check that the output and private folders are writable")])
        }
    }

    private func write(_ plan: SitePlan, _ checked: CheckedSite, _ keys: SiteSecret, _ state: BuildState,
                       _ staged: StagedOutput, files: [String: String], siteDigest: String) throws -> Result {
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
        let report = try staged.publish(beforeSwap: { trees in
            try keys.install()
            next.trees = trees
            try next.prepare(in: stateFolder)
        }, afterSwap: {
            try BuildState.commit(in: stateFolder)
            for (name, data) in reports { try FileSystem.replace(data, at: options.privateFolder.appending(path: name).path) }
            try PrintSheets.write(printSheets, privateFolder: options.privateFolder)
        })
        return Result(warnings: warnings,
                      pages: plan.shared.count + plan.members.reduce(0) { $0 + 1 + $1.cards.count },
                      members: plan.members.count, membersReused: reusedMembers.value, output: report,
                      changes: Fingerprint.changes(from: state.inputs, to: inputs), printSheets: printSheets.count,
                      rotatedLinks: keys.rotates ? plan.members.count : nil)
    }

    private var stateFolder: URL { options.privateFolder.appending(path: "state") }

    private func stage(_ number: Int) {
        progress(.stage(number: number, of: Self.stages.count, name: Self.stages[number - 1]))
    }
}
