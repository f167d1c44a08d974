import LanternModel

/// What can stop a deploy; each becomes one `Diagnostic` naming the folder or the remote.
enum DeployError: Error {
    /// No build state: `public/` was not built by Lantern with this private folder.
    case notBuilt(output: String, state: String)
    /// A build began putting its private files in place and did not finish.
    case buildPending(privateFolder: String)
    /// The build state describes another folder than the output.
    case otherFolder(output: String, described: String?)
    /// Files of the output changed since the build: `count`, one of them `example`.
    case changedByHand(output: String, count: Int, example: String)
    /// rclone is not installed.
    case noRclone
    /// rclone failed; its last messages.
    case rclone(String)
    /// Neither `--to` nor `deploy.to` in `site.yaml`.
    case noRemote
    /// Another deploy to this remote (or the rclone it left running) holds the lock.
    case busy(String)
    /// The site's lock could not be taken (a build runs, and `--no-wait`).
    case lock(DiagnosticsError)
    /// The record in `private/deploys/` could not be written.
    case record(String, String)

    func diagnostic(remote: String?) -> Diagnostic {
        switch self {
        case .notBuilt(let output, let state):
            .error("\(output) was not built by lantern: \(state) holds no build state", at: SourceLocation(file: output),
                   hint: "run `lantern build` first, with the same --output and --private as this deploy")
        case .buildPending(let privateFolder):
            .error("the last build did not finish putting its private files in place", at: SourceLocation(file: privateFolder),
                   hint: "run `lantern build` again: it finishes the job, then deploy")
        case .otherFolder(let output, let described):
            .error("\(output) is not the folder the last build wrote" + (described.map { " (the build state describes \($0))" } ?? ""),
                   at: SourceLocation(file: output),
                   hint: "deploy the output of the last build, with the --output and --private it used, or build again")
        case .changedByHand(let output, let count, let example):
            .error("\(count) file\(count == 1 ? "" : "s") in \(output) changed since the last build, e.g. \(example)",
                   at: SourceLocation(file: output + "/" + example),
                   hint: "do not edit public/ by hand: run `lantern build`, which makes them again, then deploy")
        case .noRclone:
            .error("rclone is not installed", at: nil, hint: "install it (Debian: `apt-get install rclone`; scripts/install-deps.sh does)")
        case .rclone(let message):
            .error("cannot deploy to \(remote ?? "the remote"): rclone says:\n\(message)", at: nil,
                   hint: "check the remote (rclone config, the address, the credentials); what was confirmed is recorded, and the next deploy goes on from there")
        case .noRemote:
            .error("no remote to deploy to", at: SourceLocation(file: "content/site.yaml"),
                   hint: "give one with --to REMOTE (any rclone remote path), or set `deploy: to:` in content/site.yaml")
        case .busy(let path):
            .error("another deploy to \(remote ?? "this remote") is running (or the rclone of one that was stopped)", at: SourceLocation(file: path),
                   hint: "run again once it has finished, or without --no-wait to wait for it")
        case .lock(let error):
            error.diagnostics.first ?? .error("cannot lock the site", at: nil)
        case .record(let path, let reason):
            .error("cannot write the deploy record: \(reason)", at: SourceLocation(file: path), hint: "make the private folder writable")
        }
    }
}
