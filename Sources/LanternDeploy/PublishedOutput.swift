import Foundation
import LanternWriting

/// The output folder as the last build left it: what a deploy may upload. Refused when no build
/// state describes this very folder, when the build has not finished committing, or when a file
/// was changed, replaced or removed since (one `stat` per file, as the build's own check).
struct PublishedOutput {
    /// Each output path with the digest of its bytes.
    let manifest: [String: String]

    init(output: URL, privateFolder: URL) throws(DeployError) {
        let stateFolder = privateFolder.appending(path: "state")
        guard !PrivateCommit.isPending(in: privateFolder) else { throw .buildPending(privateFolder: privateFolder.path) }
        let state = BuildState.load(from: stateFolder, only: ["manifest.tsv", "output.tsv", "stamps.tsv"])
        guard !state.files.isEmpty else { throw .notBuilt(output: output.path, state: stateFolder.path) }
        guard let record = state.trees.output, record.describes(output) else {
            throw .otherFolder(output: output.path, described: state.trees.output?.path)
        }
        let intact = OutputStamps.intact(state.stamps, in: output)
        let broken = state.files.keys.filter { intact[$0] == nil }.sorted()
        if let first = broken.first { throw .changedByHand(output: output.path, count: broken.count, example: first) }
        manifest = state.files
    }
}
