import Foundation
import LanternChecking
import LanternLoading
import LanternModel
import LanternPlanning
import LanternRendering
import LanternWriting

/// One named step of a build: what it does to the build's context. `Build` runs `prepare` then
/// `write`, reporting each name; after a file of the output was removed by hand it runs `write`
/// again on a fresh staging folder.
struct BuildStep: Sendable {
    let name: String
    let body: @Sendable (inout BuildContext) throws -> Void

    /// In memory: what the site is and which pages it has.
    static let prepare = [
        BuildStep("load content") { c in
            c.content = try SiteContent.load(site: c.options.site, digests: c.files.filter { $0.key.hasPrefix(Fingerprint.pictures) })
        },
        BuildStep("compile templates") { c in c.templates = try SiteTemplates.compile(c.content!) },
        BuildStep("check") { c in c.checked = try CheckedSite.check(c.content!, today: c.options.today) },
        BuildStep("plan pages") { c in c.plan = SitePlan.make(c.checked!, today: c.options.today, secret: c.keys.secret) },
    ]

    /// Into the staging folder and the private commit, then the swap.
    static let write = [
        BuildStep("item images", itemImages),
        BuildStep("shared pages", sharedPages),
        BuildStep("member pages", memberPages),
        BuildStep("private reports", privateReports),
        BuildStep("build state", buildState),
        BuildStep("publish", publish),
    ]

    init(_ name: String, _ body: @escaping @Sendable (inout BuildContext) throws -> Void) {
        self.name = name
        self.body = body
    }

    /// The small versions of the pictures the shared pages show, which name them. A picture whose
    /// versions the last build left (found by name: source digest, width, settings) is carried
    /// over undecoded; the others are made on all cores. Every picture that cannot be decoded is
    /// reported, at its catalog cell.
    private static func itemImages(_ c: inout BuildContext) throws {
        let earlier = ItemPictures.earlier(in: c.staged.previous.keys)
        let (staged, site) = (c.staged, c.options.site)
        let made = Locked(0)
        let results = try Parallel.map(ItemPictures.shown(in: c.plan!), jobs: c.options.jobs) { image in
            let kept = ItemPictures.widths(for: image.width).compactMap { earlier[ItemPictures.stem(image, width: $0)] }
            if kept.count == ItemPictures.widths(for: image.width).count, staged.reuse(kept.map(\.path)) {
                return (image.digest, Result<[ItemPictures.Version], DiagnosticsError>.success(kept))
            }
            do {
                let versions = try ItemPictures.make(image, site: site)
                for (_, file) in versions { try staged.put(file) }
                made.update { $0 += 1 }
                return (image.digest, .success(versions.map(\.0)))
            } catch let error as DiagnosticsError {
                return (image.digest, .failure(error))
            }
        }
        let problems = results.flatMap { result -> [Diagnostic] in
            if case .failure(let error) = result.1 { error.diagnostics } else { [] }
        }
        if !problems.isEmpty { throw DiagnosticsError(problems) }
        c.pictures = ItemPictures(Dictionary(results.compactMap { digest, result in (try? result.get()).map { (digest, $0) } },
                                             uniquingKeysWith: { a, _ in a }))
        c.picturesMade = made.value
    }

    private static func sharedPages(_ c: inout BuildContext) throws {
        let renderer = c.renderer()
        for file in try renderer.renderShared(c.plan!) { try c.staged.put(file) }
        c.options.checkpoint.reached("shared")
    }

    /// Members whose fingerprint did not change are carried over unrendered; the others are
    /// rendered on all cores.
    private static func memberPages(_ c: inout BuildContext) throws {
        let renderer = c.renderer()
        let shared = Fingerprint.memberPages(c.files, today: c.options.today, secret: c.keys.secret)
        let fingerprints = Locked<[String: String]>([:])
        let done = Locked(0), reused = Locked(0)
        let members = c.plan!.members
        let (state, staged, progress, checkpoint) = (c.state, c.staged, c.progress, c.options.checkpoint)
        try Parallel.forEach(members, chunk: 64, jobs: c.options.jobs) { member in
            let id = member.member.id.rawValue
            let fingerprint = Fingerprint.member(member.member, shared: shared)
            if state.members[id] == fingerprint, staged.reuse(member.paths) {
                reused.update { $0 += 1 }
            } else {
                for file in try renderer.render(member) { try staged.put(file) }
            }
            fingerprints.update { $0[id] = fingerprint }
            let count = done.update { value -> Int in value += 1; return value }
            if count % 500 == 0 || count == members.count { progress(.progress(done: count, total: members.count)) }
            if count == members.count / 2 { checkpoint.reached("members") }
        }
        c.memberFingerprints = fingerprints.value
        c.membersReused = reused.value
    }

    /// `links.csv`, `audit.csv`, `audit.html` and the print sheets, each with its name in the
    /// private folder.
    private static func privateReports(_ c: inout BuildContext) throws {
        let checked = c.checked!, config = checked.content.config
        let links = c.plan!.links
        let key = config.encrypt ? c.keys.secret : nil
        c.reports = [("links.csv", try LinksFile.csv(links, baseURL: config.baseURL, encryptedWith: key)),
                     ("audit.csv", try AuditFiles.csv(checked.audit)),
                     ("audit.html", AuditPage.html(checked.audit, site: config))]
        c.printSheets = try PrintSheets.sheets(links, site: config, secret: key, locales: c.templates!.locales)
        c.warnings = checked.warnings + c.templates!.warnings + [PrintSheets.warning(links, site: config)].compactMap { $0 }
    }

    /// What the next build reads: digests of the inputs and of every output file, member
    /// fingerprints, the warnings to repeat, the private files to expect.
    private static func buildState(_ c: inout BuildContext) throws {
        var inputs = Fingerprint.inputs(c.content!, files: c.files)
        inputs["*today"] = c.options.today.description
        c.inputs = inputs
        var next = BuildState(files: c.staged.manifest, members: c.memberFingerprints, inputs: inputs)
        next.pictures = c.pictureStamps
        next.inputs[BuildState.siteKey] = c.siteDigest
        next.warnings = Dictionary(uniqueKeysWithValues: c.warnings.enumerated().map { (String(format: "%06d", $0.offset), $0.element.stateLine) })
        next.privateFiles = Dictionary(uniqueKeysWithValues: c.reports.map { ($0.0, String($0.1.count)) }
            + c.printSheets.map { ("\(PrintSheets.folder)/\($0.fileName)", String($0.html.count)) })
        c.next = next
    }

    /// The secret (when new), the private files and the state are staged in the private commit,
    /// then the output is swapped in.
    private static func publish(_ c: inout BuildContext) throws {
        let (keys, commit, reports, sheets, options) = (c.keys, c.commit, c.reports, c.printSheets, c.options)
        var next = c.next!
        c.report = try c.staged.publish(checkpoint: options.checkpoint) { publication in
            try keys.install()
            next.trees = publication.trees
            next.stamps = publication.stamps
            try commit.begin()
            for (name, data) in reports { try commit.stage(data, at: name) }
            try PrintSheets.stage(sheets, privateFolder: options.privateFolder, into: commit)
            try next.prepare(in: commit.folder.appending(path: "state"))
            try commit.seal(output: options.output, generation: publication.generation, sheets: sheets.map(\.fileName))
        }
        c.next = next
    }
}
