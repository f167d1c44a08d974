import Foundation
import LanternLoading
import LanternModel
import LanternWriting

/// What `lantern deploy` is asked to do.
package struct DeployOptions: Sendable {
    package var site: URL
    package var output: URL
    package var privateFolder: URL
    /// `--to`; nil: `deploy.to` in `content/site.yaml`.
    package var remote: String?
    /// Files per rclone run: each run that ends well is recorded before the next starts.
    package var batchSize = 1000
    /// False: fail at once when another deploy to the remote (or a build) holds its lock.
    package var wait = true
    package var checkpoint = Checkpoint.none
    /// Where rclone is looked for (`PATH`), and what it runs with (its own `RCLONE_*` settings).
    package var environment: [String: String]

    package init(site: URL, output: URL? = nil, privateFolder: URL? = nil, remote: String? = nil,
                 environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.site = site
        self.output = output ?? site.appending(path: "public")
        self.privateFolder = privateFolder ?? site.appending(path: "private")
        self.remote = remote
        self.environment = environment
    }
}

/// `lantern deploy`: uploads to an rclone remote the files of `public/` that changed since the
/// last deploy there, new files first, then changed ones, deletions last (`DeployPlan`), and
/// records each confirmed step (`DeployRecord`). The remote is never listed.
package struct Deploy {
    package enum Event {
        /// Waiting for another's lock: a line to show.
        case waiting(String)
        /// `done` of `total` files sent or deleted.
        case progress(done: Int, total: Int)
    }

    package struct Result {
        package var remote: String
        package var new = 0, changed = 0, deleted = 0
        /// The backend (`webdav`, `s3`…), when known.
        package var backend: String?
        /// Whether the headers of `_headers` were set on the files sent (the remote keeps them).
        package var headersSet = false
        /// The output has a `_headers` file.
        package var hasHeadersFile = false
        /// Problems that did not stop the deploy (an emptied folder that could not be removed).
        package var warnings: [Diagnostic] = []

        package var sent: Int { new + changed }
    }

    let options: DeployOptions
    let progress: (Event) -> Void

    package init(_ options: DeployOptions, progress: @escaping (Event) -> Void = { _ in }) {
        self.options = options
        self.progress = progress
    }

    package func run() throws(DiagnosticsError) -> Result {
        let remote = try Remote(resolve())
        var sending = false
        do {
            return try deploy(to: remote, sending: &sending)
        } catch {
            var failure = DiagnosticsError([error.diagnostic(remote: remote.path)])
            failure.published = sending
            throw failure
        }
    }

    /// `--to`, else `deploy.to` of `site.yaml`.
    private func resolve() throws(DiagnosticsError) -> String {
        if let remote = options.remote, !remote.isEmpty { return remote }
        if let remote = try SiteConfig.load(site: options.site).0.deployTo { return remote }
        throw DiagnosticsError([DeployError.noRemote.diagnostic(remote: nil)])
    }

    /// `sending` becomes true once rclone has been asked to change the remote.
    private func deploy(to remote: Remote, sending: inout Bool) throws(DeployError) -> Result {
        guard let executable = Rclone.find(in: options.environment) else { throw .noRclone }
        guard FileManager.default.fileExists(atPath: options.privateFolder.path) else {
            throw .notBuilt(output: options.output.path, state: options.privateFolder.appending(path: "state").path)
        }
        // Builds wait while the deploy reads public/ (they share nothing else).
        let buildLock: SiteLock
        do {
            buildLock = try SiteLock.forReading(privateFolder: options.privateFolder, create: true, wait: options.wait,
                                                waiting: { progress(.waiting($0)) })
        } catch {
            throw .lock(error)
        }
        defer { buildLock.release() }
        let published = try PublishedOutput(output: options.output, privateFolder: options.privateFolder)
        let folder = options.privateFolder.appending(path: "deploys")
        do { try FileSystem.makePrivateFolder(folder.path) } catch { throw .record(folder.path, "\(error)") }
        let lock = try DeployLock(folder.appending(path: remote.recordName + ".lock"), wait: options.wait,
                                  waiting: { progress(.waiting($0)) })
        let rclone = Rclone(executable: executable, environment: options.environment, lock: lock.handle,
                            log: folder.appending(path: remote.recordName + ".log"), checkpoint: options.checkpoint)
        var record = DeployRecord(folder: folder, remote: remote)

        var result = Result(remote: remote.path)
        result.backend = remote.backend
        if let name = remote.configured { result.backend = try rclone.backend(ofConfigured: name) }
        result.hasHeadersFile = published.manifest["_headers"] != nil
        result.headersSet = result.hasHeadersFile && Remote.keepsHeaders.contains(result.backend ?? "")
        let rules = result.headersSet ? HostHeaders((try? String(contentsOf: options.output.appending(path: "_headers"), encoding: .utf8)) ?? "") : nil
        let plan = DeployPlan(manifest: published.manifest, remote: record.files, batchSize: options.batchSize) { path in
            rules?.headers(for: path, only: Remote.storedHeaders) ?? []
        }

        let list = folder.appending(path: remote.recordName + ".list")
        defer { try? FileManager.default.removeItem(at: list) }
        let total = plan.batches.reduce(0) { $0 + $1.paths.count }
        var done = 0
        if !plan.batches.isEmpty { try rclone.probe(remote) }
        for (number, batch) in plan.batches.enumerated() {
            let text = batch.paths.map { $0 + "\n" }.joined()
            do { try FileSystem.replace(Data(text.utf8), at: list.path, mode: 0o600) } catch { throw .record(list.path, "\(error)") }
            if batch.phase != .deleted { try verify(batch.paths, manifest: published.manifest) }
            let arguments = Self.arguments(batch, output: options.output, remote: remote, list: list)
            sending = true
            try rclone.run(arguments, point: "batch \(number + 1)")
            try record.confirm(batch.paths.map { ($0, published.manifest[$0]) })
            done += batch.paths.count
            progress(.progress(done: done, total: total))
        }
        for emptied in plan.emptiedFolders where !Remote.keepsHeaders.contains(result.backend ?? "") {
            // Object stores have no folders; elsewhere a member who left leaves none behind.
            do {
                try rclone.run(["rmdirs", remote.appending(emptied)])
            } catch {
                result.warnings.append(.warning("could not remove the emptied folder \(emptied) on \(remote.path)", at: nil,
                                                hint: "it holds no file Lantern made; remove it by hand if you like"))
            }
        }
        try record.compact()
        (result.new, result.changed, result.deleted) = plan.count
        return result
    }

    /// The rclone command of one batch, its paths in the file `list`: a copy that neither lists
    /// nor checks the remote (the record says what is there), with the batch's headers, or a
    /// delete of exactly those files.
    static func arguments(_ batch: DeployPlan.Batch, output: URL, remote: Remote, list: URL) -> [String] {
        switch batch.phase {
        case .new, .changed:
            ["copy", output.path, remote.path, "--files-from-raw", list.path, "--no-check-dest", "--no-traverse", "--stats", "0"]
                + batch.headers.flatMap { ["--header-upload", $0] }
        case .deleted:
            ["delete", remote.path, "--files-from-raw", list.path, "--no-traverse", "--stats", "0"]
        }
    }

    /// The bytes about to be sent are those the build state names (nothing changed them since
    /// the check of their stamps).
    private func verify(_ paths: [String], manifest: [String: String]) throws(DeployError) {
        for path in paths {
            guard let bytes = try? Data(contentsOf: options.output.appending(path: path)), Digest.of(bytes) == manifest[path] else {
                throw .changedByHand(output: options.output.path, count: 1, example: path)
            }
        }
    }
}
