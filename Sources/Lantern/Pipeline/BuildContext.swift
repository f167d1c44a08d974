import Foundation
import LanternChecking
import LanternLoading
import LanternModel
import LanternPlanning
import LanternRendering
import LanternWriting

/// What the steps of one build share: each step fills in what later ones read. Fields are nil
/// until their step has run.
struct BuildContext {
    let options: BuildOptions
    let keys: SiteSecret
    /// Digests of the site's input files, by path (`Fingerprint.files`), and of the whole site.
    let files: [String: String]
    let siteDigest: String
    /// The item pictures' stamps and digests, for the next state (`Fingerprint.files`).
    let pictureStamps: [String: String]
    /// What the last successful build recorded.
    let state: BuildState
    let progress: @Sendable (Build.Event) -> Void

    var content: SiteContent?
    var templates: SiteTemplates?
    var checked: CheckedSite?
    var plan: SitePlan?

    var staged: StagedOutput
    /// The item pictures' versions (`ItemPictures`), and how many pictures were decoded to make them.
    var pictures = ItemPictures()
    var picturesMade = 0
    let commit: PrivateCommit
    var memberFingerprints: [String: String] = [:]
    var membersReused = 0
    var reports: [(String, Data)] = []
    var printSheets: [PrintSheets.Sheet] = []
    var warnings: [Diagnostic] = []
    var inputs: [String: String] = [:]
    var next: BuildState?
    var report = StagedOutput.Report()

    init(options: BuildOptions, keys: SiteSecret, files: [String: String], siteDigest: String, pictureStamps: [String: String] = [:],
         state: BuildState,
         progress: @escaping @Sendable (Build.Event) -> Void) {
        self.options = options
        self.keys = keys
        self.files = files
        self.siteDigest = siteDigest
        self.pictureStamps = pictureStamps
        self.state = state
        self.progress = progress
        // Files removed or changed in the output by hand since the last build are made again.
        let intact = state.trees.output?.describes(options.output) == true ? OutputStamps.intact(state.stamps, in: options.output) : [:]
        staged = StagedOutput(output: options.output, previous: state.files, intact: intact, recorded: state.trees)
        commit = PrivateCommit(privateFolder: options.privateFolder)
    }

    func renderer() -> Renderer {
        Renderer(site: checked!, templates: templates!, today: options.today, secret: keys.secret, stencils: options.stencils,
                 pictures: pictures)
    }

    /// A file of the last build was removed by hand: stage everything again, without its manifest.
    mutating func restartWithoutManifest() {
        staged.abandon()
        staged = StagedOutput(output: options.output, previous: [:])
        memberFingerprints = [:]
        membersReused = 0
        picturesMade = 0
    }

    func abandon() {
        staged.abandon()
        commit.abandon()
    }

    func result() -> Build.Result {
        let plan = plan!
        return Build.Result(warnings: warnings,
                            pages: plan.shared.count + plan.members.reduce(0) { $0 + 1 + $1.cards.count },
                            members: plan.members.count, membersReused: membersReused, output: report,
                            changes: changes(), printSheets: printSheets.count,
                            rotatedLinks: keys.rotates ? plan.members.count : nil, picturesMade: picturesMade)
    }

    /// What changed in the inputs, and how many files of the output were removed or changed
    /// by hand (made again).
    private func changes() -> String? {
        let inputs = Fingerprint.changes(from: state.inputs, to: self.inputs)
        let damaged = staged.previous.isEmpty ? 0 : state.stamps.count - staged.intact.count
        guard damaged > 0 else { return inputs }
        let note = "\(damaged) file\(damaged == 1 ? "" : "s") of the output removed or changed since the last build"
        return inputs == nil || inputs == Build.noChanges ? note : inputs! + "; " + note
    }
}
