import Foundation
import LanternModel

/// Keeps two Lantern processes from working on the same site at once: `flock(2)` on
/// `private/lantern.lock` and, for a build, on `.<output>.lantern-lock` beside the output (two
/// builds with different private folders into one output). The kernel releases a lock when its
/// process ends, however it ends, so a killed build never leaves the site locked.
///
/// A build holds both locks exclusively from before it reads the secret until its private files
/// are committed; commands that only read (`check`, `links`, later `serve`) share the private
/// folder's lock with each other. The holder of an exclusive lock writes its pid into the file,
/// so that a process waiting can say whom it waits for, and empties it when it is done.
package final class SiteLock: Sendable {
    private let descriptors = Locked<[(fd: Int32, exclusive: Bool)]>([])

    private init() {}

    deinit { release() }

    /// `private/lantern.lock`.
    static func lockFile(in privateFolder: URL) -> URL { privateFolder.appending(path: "lantern.lock") }

    /// `.public.lantern-lock` beside `public/`.
    package static func outputLockFile(for output: URL) -> URL {
        output.deletingLastPathComponent().appending(path: ".\(output.lastPathComponent).lantern-lock")
    }

    /// The locks of a build: the private folder is created (mode 0700) when missing, and the
    /// output's parent folder. `wait` false: fail at once when another process holds a lock;
    /// else `waiting` gets a line to show, and the build waits.
    package static func forBuild(output: URL, privateFolder: URL, wait: Bool, waiting: (String) -> Void) throws(DiagnosticsError) -> SiteLock {
        do {
            try FileManager.default.createDirectory(at: privateFolder.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileSystem.makePrivateFolder(privateFolder.path)
            try FileManager.default.createDirectory(at: output.deletingLastPathComponent(), withIntermediateDirectories: true)
        } catch {
            throw DiagnosticsError([.error("cannot create the private folder: \(error)", at: SourceLocation(file: privateFolder.path),
                                           hint: "make its parent folder (and the output's) writable, or choose others with --private and --output")])
        }
        let held = SiteLock()
        try held.take(lockFile(in: privateFolder), exclusive: true, create: true, optional: false, wait: wait, waiting: waiting,
                      who: "another build of this site", busy: "another build of this site is running")
        try held.take(outputLockFile(for: output), exclusive: true, create: true, optional: false, wait: wait, waiting: waiting,
                      who: "another build into \(output.path)", busy: "another build into \(output.path) is running")
        return held
    }

    /// Removes a private folder that a failed first build created only to hold its lock: the
    /// lock file, then the folder, if nothing else is in it.
    package static func removeUnused(privateFolder: URL) {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: privateFolder.path)) ?? []
        guard entries == ["lantern.lock"] else { return }
        unlink(lockFile(in: privateFolder).path)
        rmdir(privateFolder.path)
    }

    /// A shared lock on the private folder, for commands that only read. No lock when the
    /// folder does not exist (no build has run there); `create` false: nor when its lock file
    /// does not, so that nothing is written (`check`).
    package static func forReading(privateFolder: URL, create: Bool, wait: Bool = true,
                                  waiting: (String) -> Void = { _ in }) throws(DiagnosticsError) -> SiteLock {
        let held = SiteLock()
        try held.take(lockFile(in: privateFolder), exclusive: false, create: create, optional: true, wait: wait, waiting: waiting,
                      who: "a build of this site", busy: "a build of this site is running")
        return held
    }

    /// Turns a shared lock into an exclusive one (to finish what a killed build left), waiting
    /// for the other readers.
    package func makeExclusive(waiting: (String) -> Void) throws(DiagnosticsError) {
        let fds = descriptors.value.map(\.fd)
        for fd in fds where flock(fd, LOCK_EX | LOCK_NB) != 0 {
            waiting("waiting for other Lantern commands using this site to finish...")
            while flock(fd, LOCK_EX) != 0 && errno == EINTR {}
        }
    }

    /// Releases the locks (also at deinit); an exclusive holder's pid is removed first.
    package func release() {
        descriptors.update { held in
            for (fd, exclusive) in held {
                if exclusive { ftruncate(fd, 0) }
                flock(fd, LOCK_UN)
                close(fd)
            }
            held = []
        }
    }

    /// `optional`: a lock file that cannot be there (no folder, or not `create`d) is no lock.
    private func take(_ file: URL, exclusive: Bool, create: Bool, optional: Bool, wait: Bool, waiting: (String) -> Void,
                      who: String, busy: String) throws(DiagnosticsError) {
        var fd = open(file.path, (create ? O_RDWR | O_CREAT : O_RDONLY) | O_CLOEXEC, 0o600)
        if fd < 0 && optional && create && (errno == EACCES || errno == EROFS) {
            fd = open(file.path, O_RDONLY | O_CLOEXEC) // a reader in a folder it may not write
        }
        if fd < 0 {
            if optional && errno == ENOENT { return }
            throw DiagnosticsError([.error("cannot open the lock file: \(String(cString: strerror(errno)))",
                                           at: SourceLocation(file: file.path), hint: "make the folder writable")])
        }
        let operation = exclusive ? LOCK_EX : LOCK_SH
        if flock(fd, operation | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK else {
                let reason = String(cString: strerror(errno))
                close(fd)
                throw DiagnosticsError([.error("cannot lock \(file.path): \(reason)", at: SourceLocation(file: file.path))])
            }
            let holder = Self.holder(fd).map { " (pid \($0))" } ?? ""
            guard wait else {
                close(fd)
                throw DiagnosticsError([.error("\(busy)\(holder)", at: SourceLocation(file: file.path),
                                               hint: "run again once it has finished, or without --no-wait to wait for it")])
            }
            waiting("waiting for \(who)\(holder)...")
            while flock(fd, operation) != 0 {
                guard errno == EINTR else {
                    let reason = String(cString: strerror(errno))
                    close(fd)
                    throw DiagnosticsError([.error("cannot lock \(file.path): \(reason)", at: SourceLocation(file: file.path))])
                }
            }
        }
        if exclusive {
            let pid = Data("\(getpid())\n".utf8)
            ftruncate(fd, 0)
            _ = pid.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }
        }
        descriptors.update { $0.append((fd, exclusive)) }
    }

    /// The pid an exclusive holder wrote; nil when a reader holds it (or the holder has not
    /// written yet).
    private static func holder(_ fd: Int32) -> Int32? {
        var buffer = [UInt8](repeating: 0, count: 32)
        let count = pread(fd, &buffer, buffer.count, 0)
        guard count > 0 else { return nil }
        return Int32(String(decoding: buffer[..<count], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    }
}
