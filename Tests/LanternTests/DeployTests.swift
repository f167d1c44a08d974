import Foundation
import Testing
@testable import LanternDeploy
@testable import LanternLoading
@testable import LanternModel
@testable import LanternRendering
@testable import LanternWriting

/// `lantern deploy` against a real rclone remote: `rclone serve webdav` on loopback, serving a
/// folder the test reads, the real `lantern` binary uploading to it.
@Suite(.serialized) struct DeployTests {
    static let binary = TestSite.repository.appending(path: ".build/debug/lantern")

    /// `rclone serve webdav` of a fresh folder, stopped when the value goes.
    final class WebDAV {
        let folder: URL
        let port: Int
        let process = Process()
        var remote: String { ":webdav,url='http://127.0.0.1:\(port)':" }

        init(in root: URL) throws {
            folder = root.appending(path: "served")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            port = try Self.freePort()
            process.executableURL = URL(filePath: "/usr/bin/rclone")
            process.arguments = ["serve", "webdav", "--addr", "127.0.0.1:\(port)", folder.path]
            process.environment = DeployTests.environment(root)
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            let deadline = Date().addingTimeInterval(20)
            while !Self.accepts(port) {
                try #require(process.isRunning, "rclone serve webdav ended at once")
                try #require(Date() < deadline, "rclone serve webdav did not listen within 20 s")
                Thread.sleep(forTimeInterval: 0.05)
            }
        }

        func stop() {
            guard process.isRunning else { return }
            process.terminate()
            process.waitUntilExit()
        }

        deinit { stop() }

        static func freePort() throws -> Int {
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            defer { close(fd) }
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            address.sin_port = 0
            var length = socklen_t(MemoryLayout<sockaddr_in>.size)
            let bound = withUnsafeMutablePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
            }
            try #require(bound)
            return Int(UInt16(bigEndian: address.sin_port))
        }

        static func accepts(_ port: Int) -> Bool {
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            defer { close(fd) }
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            address.sin_port = UInt16(port).bigEndian
            return withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
            }
        }
    }

    /// rclone with an empty configuration of its own, not the user's.
    static func environment(_ root: URL) -> [String: String] {
        let config = root.appending(path: "rclone.conf")
        if !FileManager.default.fileExists(atPath: config.path) { FileManager.default.createFile(atPath: config.path, contents: Data()) }
        return ["PATH": "/usr/local/bin:/usr/bin:/bin", "HOME": root.path, "RCLONE_CONFIG": config.path]
    }

    struct Run {
        var status: Int32
        var reason: Process.TerminationReason
        var stdout: String
        var stderr: String

        /// `N files sent (a new, b changed), d deleted → REMOTE`, the summary line.
        var counts: (sent: Int, new: Int, changed: Int, deleted: Int)? {
            guard let line = stdout.split(separator: "\n").first(where: { $0.contains(" files sent (") }),
                  let match = line.wholeMatch(of: /(\d+) files sent \((\d+) new, (\d+) changed\), (\d+) deleted → .+/) else { return nil }
            return (Int(match.1)!, Int(match.2)!, Int(match.3)!, Int(match.4)!)
        }
    }

    /// Runs `lantern deploy` on the site, to `remote` (nil: the site.yaml default).
    static func deploy(_ site: TestSite, to remote: String?, batch: Int = 1000, pauseAt: String? = nil, extra: [String] = []) throws -> Run {
        try #require(FileManager.default.isExecutableFile(atPath: binary.path),
                     "build the binary first: swift build --product lantern (make test does)")
        let process = Process()
        process.executableURL = binary
        process.arguments = ["deploy", "--site", site.site.path, "--output", site.output.path, "--private", site.privateFolder.path,
                             "--batch", "\(batch)"] + (remote.map { ["--to", $0] } ?? []) + extra
        var environment = Self.environment(site.root)
        let marker = site.root.appending(path: "paused")
        if let pauseAt {
            environment["LANTERN_PAUSE_AT"] = pauseAt
            environment["LANTERN_PAUSE_FILE"] = marker.path
        }
        process.environment = environment
        let out = site.root.appending(path: "deploy.out"), err = site.root.appending(path: "deploy.err")
        FileManager.default.createFile(atPath: out.path, contents: nil)
        FileManager.default.createFile(atPath: err.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        try process.run()
        if pauseAt != nil {
            let deadline = Date().addingTimeInterval(60)
            while !FileManager.default.fileExists(atPath: marker.path) {
                try #require(process.isRunning, "the deploy ended before reaching \(pauseAt!): \((try? String(contentsOf: err, encoding: .utf8)) ?? "")")
                try #require(Date() < deadline, "the deploy did not reach \(pauseAt!) within a minute")
                Thread.sleep(forTimeInterval: 0.02)
            }
            kill(process.processIdentifier, SIGKILL)
        }
        process.waitUntilExit()
        return Run(status: process.terminationStatus, reason: process.terminationReason,
                   stdout: try String(contentsOf: out, encoding: .utf8), stderr: try String(contentsOf: err, encoding: .utf8))
    }

    /// Every file under `folder`, hidden ones too, by relative path.
    static func tree(_ folder: URL) -> [String: Data] {
        let base = folder.standardizedFileURL.path
        var files: [String: Data] = [:]
        guard let walker = FileManager.default.enumerator(atPath: base) else { return [:] }
        for case let relative as String in walker {
            var info = stat()
            guard lstat(base + "/" + relative, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { continue }
            files[relative] = FileManager.default.contents(atPath: base + "/" + relative)
        }
        return files
    }

    /// Each file's inode and change time: what any write to it changes.
    static func stamps(_ folder: URL) -> [String: String] {
        tree(folder).keys.reduce(into: [:]) { stamps, path in
            var info = stat()
            guard stat(folder.path + "/" + path, &info) == 0 else { return }
            stamps[path] = "\(info.st_ino):\(info.st_ctim.tv_sec).\(info.st_ctim.tv_nsec)"
        }
    }

    static func folders(_ folder: URL) -> Set<String> {
        let base = folder.standardizedFileURL.path
        var folders: Set<String> = []
        for case let relative as String in FileManager.default.enumerator(atPath: base)! {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: base + "/" + relative, isDirectory: &isFolder), isFolder.boolValue { folders.insert(relative) }
        }
        return folders
    }

    @Test func theFirstDeploySendsTheSiteAndTheNextOnlyWhatTheBuildWrote() throws {
        let site = try TestSite("sample")
        try site.build(today: "2026-06-10")
        let dav = try WebDAV(in: site.root)
        let first = try Self.deploy(site, to: dav.remote)
        #expect(first.status == 0, "\(first.stderr)")
        let published = Self.tree(site.output)
        #expect(published.count > 50)
        #expect(first.counts?.sent == published.count && first.counts?.new == published.count && first.counts?.deleted == 0,
                "\(first.stdout)")
        #expect(Self.tree(dav.folder) == published)
        #expect(first.stdout.contains("note: webdav keeps no headers"))

        let before = Self.stamps(dav.folder)
        try site.setPrice("DB-001", "118.00")
        let rebuilt = try site.build(today: "2026-06-10")
        #expect(rebuilt.output.written > 0 && rebuilt.output.removed == 0)
        let second = try Self.deploy(site, to: dav.remote)
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.counts?.sent == rebuilt.output.written && second.counts?.changed == rebuilt.output.written
                && second.counts?.new == 0 && second.counts?.deleted == 0, "\(second.stdout)")
        let after = Self.stamps(dav.folder)
        #expect(changedPaths(before, after).count == rebuilt.output.written, "files rewritten on the remote")
        #expect(Self.tree(dav.folder) == Self.tree(site.output))
        #expect(String(decoding: Self.tree(dav.folder)["shop/dragon-boat-2026/index.html"] ?? Data(), as: UTF8.self).contains("118.00"))

        // Nothing changed: nothing is sent.
        let third = try Self.deploy(site, to: dav.remote)
        #expect(third.status == 0 && third.counts?.sent == 0 && third.counts?.deleted == 0, "\(third.stdout)\(third.stderr)")
        #expect(Self.stamps(dav.folder) == after)
    }

    @Test func aDeployKilledWhileRcloneRunsIsFinishedByTheNext() throws {
        let site = try TestSite("sample")
        try site.build(today: "2026-06-10")
        let dav = try WebDAV(in: site.root)
        let killed = try Self.deploy(site, to: dav.remote, batch: 20, pauseAt: "batch 3")
        #expect(killed.reason == .uncaughtSignal)
        // Two batches were confirmed before the third's rclone started; the third's is unknown.
        let record = DeployRecord(folder: site.privateFolder.appending(path: "deploys"), remote: Remote(dav.remote))
        #expect(record.files.count == 40)
        let published = Self.tree(site.output)
        #expect(published.count > 80)
        #expect(Self.tree(dav.folder).count < published.count, "the later batches were never sent")
        let next = try Self.deploy(site, to: dav.remote, batch: 20)
        #expect(next.status == 0, "\(next.stderr)")
        #expect(next.counts?.sent == published.count - 40, "\(next.stdout)")
        #expect(Self.tree(dav.folder) == published)
        let done = DeployRecord(folder: site.privateFolder.appending(path: "deploys"), remote: Remote(dav.remote))
        #expect(done.files == (try BuildState.load(from: site.privateFolder.appending(path: "state")).files))
        #expect(!FileManager.default.fileExists(atPath: done.journal.path), "the journal is folded into the record")
    }

    /// Whether another open file description holds a `flock` on `file`.
    static func locked(_ file: URL) -> Bool {
        let fd = open(file.path, O_RDONLY)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else { return true }
        flock(fd, LOCK_UN)
        return false
    }

    /// The rclone of a killed deploy goes on and keeps the remote's lock: the next deploy waits
    /// for it (or, with --no-wait, refuses) instead of racing it. The remote is a socket that
    /// takes connections and never answers, so that rclone is still running when it is looked at.
    @Test func anRcloneLeftRunningByAKilledDeployKeepsTheRemoteLocked() throws {
        let site = try TestSite("sample")
        try site.build(today: "2026-06-10")
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let listening = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, length) == 0 && getsockname(listener, $0, &length) == 0 }
        }
        try #require(listening && listen(listener, 16) == 0)
        var open = true
        defer { if open { close(listener) } }
        let remote = ":webdav,url='http://127.0.0.1:\(UInt16(bigEndian: address.sin_port))':"
        let lock = site.privateFolder.appending(path: "deploys/\(Remote(remote).recordName).lock")

        let process = Process()
        process.executableURL = Self.binary
        process.arguments = ["deploy", "--site", site.site.path, "--to", remote, "--output", site.output.path, "--private", site.privateFolder.path]
        process.environment = Self.environment(site.root)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(30)
        while !Self.locked(lock) {
            try #require(process.isRunning && Date() < deadline, "the deploy never took the remote's lock")
            Thread.sleep(forTimeInterval: 0.02)
        }
        // rclone has connected (a connection waits on the socket) and waits for an answer.
        var waiting = pollfd(fd: listener, events: Int16(POLLIN), revents: 0)
        try #require(poll(&waiting, 1, 30_000) == 1, "rclone never connected")
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(Self.locked(lock), "the orphaned rclone holds the lock")
        let refused = try Self.deploy(site, to: remote, extra: ["--no-wait"])
        #expect(refused.status == 1 && refused.stderr.contains("error: another deploy to \(remote) is running"), "\(refused.stderr)")
        close(listener)
        open = false
        let released = Date().addingTimeInterval(60)
        while Self.locked(lock) && Date() < released { Thread.sleep(forTimeInterval: 0.05) }
        #expect(!Self.locked(lock), "the lock goes with rclone")
    }

    @Test func aMemberWhoLeftHasTheirFilesDeletedOnTheRemote() throws {
        let site = try TestSite("sample")
        let dav = try WebDAV(in: site.root)
        // The remote from site.yaml: no --to.
        try site.write("content/site.yaml", site.read("content/site.yaml") + "deploy:\n  to: \"\(dav.remote)\"\n")
        try site.build(today: "2026-06-10")
        #expect(try Self.deploy(site, to: nil).status == 0)
        let folder = "m/\(site.token("E1001"))"
        #expect(Self.tree(dav.folder).keys.contains { $0.hasPrefix(folder + "/") })

        let roster = try site.read("content/roster.csv")
        try site.write("content/roster.csv", roster.replacingOccurrences(of: "13800001001,zh-CN,active,", with: "13800001001,zh-CN,left,"))
        let rebuilt = try site.build(today: "2026-06-10")
        #expect(rebuilt.output.removed > 0)
        let run = try Self.deploy(site, to: nil)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.counts?.deleted == rebuilt.output.removed, "\(run.stdout)")
        #expect(!Self.tree(dav.folder).keys.contains { $0.hasPrefix(folder + "/") })
        #expect(!Self.folders(dav.folder).contains(folder), "the member's folder is removed once empty")
        #expect(Self.tree(dav.folder) == Self.tree(site.output))
    }

    @Test func anUnreachableRemoteIsAClearErrorAndTheRecordStaysAsItWas() throws {
        let site = try TestSite("sample")
        try site.build(today: "2026-06-10")
        let dav = try WebDAV(in: site.root)
        #expect(try Self.deploy(site, to: dav.remote).status == 0)
        let record = DeployRecord(folder: site.privateFolder.appending(path: "deploys"), remote: Remote(dav.remote))
        let recorded = try Data(contentsOf: record.table)
        dav.stop()
        try site.setPrice("DB-001", "118.00")
        try site.build(today: "2026-06-10")
        let run = try Self.deploy(site, to: dav.remote)
        #expect(run.status == 1 && run.reason == .exit)
        #expect(run.stderr.contains("error: cannot deploy to \(dav.remote): rclone says:"), "\(run.stderr)")
        #expect(run.stderr.contains("connection refused"), "\(run.stderr)")
        #expect(run.stderr.contains("deploy failed with 1 error; nothing was sent"), "\(run.stderr)")
        #expect(try Data(contentsOf: record.table) == recorded)
        #expect(!FileManager.default.fileExists(atPath: record.journal.path))
    }

    @Test func aDeployRefusesAnOutputTheLastBuildDidNotLeave() throws {
        let site = try TestSite("sample")
        func refusal(_ output: URL? = nil) -> String {
            let options = DeployOptions(site: site.site, output: output ?? site.output, privateFolder: site.privateFolder,
                                        remote: ":webdav,url='http://127.0.0.1:9':", environment: Self.environment(site.root))
            do { _ = try Deploy(options).run(); return "" } catch { return error.diagnostics.map(\.message).joined(separator: "\n") }
        }
        #expect(refusal().contains("was not built by lantern"))
        try site.build(today: "2026-06-10")
        let copy = site.root.appending(path: "copy")
        try FileManager.default.copyItem(at: site.output, to: copy)
        #expect(refusal(copy).contains("is not the folder the last build wrote"))
        try Data("changed by hand".utf8).write(to: site.output.appending(path: "index.html"))
        #expect(refusal() == "1 file in \(site.output.path) changed since the last build, e.g. index.html")
        try FileManager.default.removeItem(at: site.output.appending(path: "robots.txt"))
        #expect(refusal().hasPrefix("2 files in "))
        #expect(!FileManager.default.fileExists(atPath: site.privateFolder.appending(path: "deploys").path))
    }

    @Test func thePlanSendsNewFilesThenChangedThenDeletesAndGroupsFilesByTheirHeaders() {
        let rules = HostHeaders(HostFiles.headers(orderEndpoint: "https://oa.example.com/orders"))
        let manifest = ["index.html": "a2", "m/t1/index.html": "b", "m/t2/index.html": "c", "assets/images/x.webp": "d",
                        "shop/s/index.html": "e", "_headers": "f"]
        let held = ["index.html": "a1", "m/t1/index.html": "b", "m/t9/index.html": "z", "m/t9/birthday/index.html": "y",
                    "shop/s/index.html": "e", "lists/old/g.html": "x"]
        let plan = DeployPlan(manifest: manifest, remote: held, batchSize: 10) { rules.headers(for: $0, only: Remote.storedHeaders) }
        #expect(plan.batches.map(\.phase) == [.new, .new, .new, .changed, .deleted])
        #expect(plan.batches.map(\.paths) == [["_headers"], ["m/t2/index.html"], ["assets/images/x.webp"], ["index.html"],
                                              ["lists/old/g.html", "m/t9/birthday/index.html", "m/t9/index.html"]])
        #expect(plan.batches.map(\.headers) == [[], ["Cache-Control: private, no-store"],
                                                ["Cache-Control: public, max-age=31536000, immutable"], [], []])
        #expect(plan.emptiedFolders == ["lists", "m/t9"], "the topmost folders left with no file")
        #expect(plan.count == (3, 1, 3))
        let small = DeployPlan(manifest: manifest, remote: [:], batchSize: 2) { _ in [] }
        #expect(small.batches.map(\.paths.count) == [2, 2, 2])
        #expect(rules.headers(for: "m/t1/index.html", only: ["x-robots-tag", "cache-control"])
                == ["Cache-Control: private, no-store", "X-Robots-Tag: noindex, nofollow"])
    }

    /// On an S3 remote each batch carries its headers to rclone; on WebDAV none.
    @Test func theRcloneCommandOfABatch() {
        let rules = HostHeaders(HostFiles.headers(orderEndpoint: ""))
        let manifest = ["m/t1/index.html": "a", "assets/images/p-1x1.webp": "b", "index.html": "c"]
        let s3 = DeployPlan(manifest: manifest, remote: ["gone.html": "d"], batchSize: 100) { rules.headers(for: $0, only: Remote.storedHeaders) }
        let output = URL(filePath: "/site/public"), list = URL(filePath: "/site/private/deploys/x.list")
        let commands = s3.batches.map { Deploy.arguments($0, output: output, remote: Remote(":s3,provider=Minio:bucket"), list: list) }
        let copy = ["copy", "/site/public", ":s3,provider=Minio:bucket", "--files-from-raw", list.path, "--no-check-dest", "--no-traverse", "--stats", "0"]
        #expect(commands == [copy, copy + ["--header-upload", "Cache-Control: private, no-store"],
                             copy + ["--header-upload", "Cache-Control: public, max-age=31536000, immutable"],
                             ["delete", ":s3,provider=Minio:bucket", "--files-from-raw", list.path, "--no-traverse", "--stats", "0"]])
        #expect(s3.batches.map(\.paths) == [["index.html"], ["m/t1/index.html"], ["assets/images/p-1x1.webp"], ["gone.html"]])
        #expect(Remote.keepsHeaders.contains(Remote(":s3,provider=Minio:bucket").backend!))
        #expect(!Remote.keepsHeaders.contains(Remote(":webdav,url='http://127.0.0.1:1':").backend!))
    }

    @Test func remotePaths() {
        #expect(Remote(":webdav,url='http://127.0.0.1:8080':").backend == "webdav")
        #expect(Remote(":s3,provider=AWS:bucket/site").backend == "s3")
        #expect(Remote("oss:bucket/site").configured == "oss")
        #expect(Remote("oss,region=cn:bucket").configured == "oss")
        #expect(Remote("/srv/www").backend == "local")
        #expect(Remote("oss:bucket/site").appending("m/x.html") == "oss:bucket/site/m/x.html")
        #expect(Remote("oss:").appending("m/x.html") == "oss:m/x.html")
        let name = Remote(":s3,secret_access_key=SECRET:bucket").recordName
        #expect(name.hasPrefix("s3-") && !name.contains("SECRET"))
        #expect(name != Remote(":s3,secret_access_key=OTHER:bucket").recordName)
    }
}
