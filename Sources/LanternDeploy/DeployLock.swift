import Foundation

/// One deploy to a remote at a time: `flock(2)` on `private/deploys/<remote>.lock`, exclusive.
/// The file is handed to rclone as its standard input, so the lock lasts as long as rclone does,
/// even when `lantern deploy` itself is killed (the kernel releases it when the last holder ends).
final class DeployLock {
    let handle: FileHandle

    init(_ file: URL, wait: Bool, waiting: (String) -> Void) throws(DeployError) {
        let fd = open(file.path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw .record(file.path, String(cString: strerror(errno))) }
        if flock(fd, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK, wait else {
                close(fd)
                throw .busy(file.path)
            }
            waiting("waiting for another deploy to this remote (or the rclone of a deploy that was stopped)...")
            while flock(fd, LOCK_EX) != 0 {
                guard errno == EINTR else { close(fd); throw .record(file.path, String(cString: strerror(errno))) }
            }
        }
        handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
    }
}
