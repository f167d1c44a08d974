import ArgumentParser
import Foundation
import LanternDeploy
import LanternModel

struct DeployCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deploy",
        abstract: "Upload to an rclone remote the files of the output that changed since the last deploy there.")

    @Option(help: "The site folder (holds content/ and templates/).")
    var site: String = "."

    @Option(help: "Any rclone remote path (name:bucket/path, or a connection string like :webdav,url='https://dav.example.com':). Default: deploy.to in content/site.yaml.")
    var to: String?

    @Option(help: "The output the last build wrote. Default: SITE/public.")
    var output: String?

    @Option(name: .customLong("private"), help: "The private folder of that build. Default: SITE/private.")
    var privateFolder: String?

    @Option(help: "Files per rclone run; each run that ends well is recorded before the next starts.")
    var batch = 1000

    @Flag(help: "When a build of the site or another deploy to the remote is running, fail at once instead of waiting.")
    var noWait = false

    @Flag(help: "Print nothing but warnings and errors.")
    var quiet = false

    func run() throws {
        guard batch > 0 else { throw ValidationError("--batch must be at least 1") }
        let siteURL = SiteOptions.url(site)
        var options = DeployOptions(site: siteURL, output: output.map(SiteOptions.url), privateFolder: privateFolder.map(SiteOptions.url),
                                    remote: to)
        options.batchSize = batch
        options.wait = !noWait
        options.checkpoint = BuildCommand.testCheckpoint(ProcessInfo.processInfo.environment)
        do {
            let result = try Deploy(options, progress: { event in
                if case .waiting(let line) = event { showWaiting(line) }
            }).run()
            report(result.warnings)
            guard !quiet else { return }
            print("\(result.sent) files sent (\(result.new) new, \(result.changed) changed), \(result.deleted) deleted → \(result.remote)")
            if result.hasHeadersFile && !result.headersSet {
                print("note: \(result.backend ?? "this remote") keeps no headers: set those of _headers on the server in front of it (README: Host settings)")
            }
        } catch {
            // `published`: rclone had begun sending.
            throw fail(error, "deploy", outcome: error.published
                ? "the remote may hold part of this deploy; what rclone confirmed is recorded in \(options.privateFolder.path)/deploys/, and the next deploy sends the rest"
                : "nothing was sent")
        }
    }
}
