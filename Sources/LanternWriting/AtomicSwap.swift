import Foundation

/// Exchanges two folders in one step, so a reader of `public/` sees either the old site or the
/// new one, never a mix: Linux `renameat2(…, RENAME_EXCHANGE)`. Swift's Glibc module does not
/// declare it, so it is looked up once at run time.
enum AtomicSwap {
    private typealias Renameat2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
    private static let renameat2: Renameat2? = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2")
        .map { unsafeBitCast($0, to: Renameat2.self) }
    private static let atCurrentDirectory: Int32 = -100
    private static let exchange: UInt32 = 2

    /// Puts `new` where `current` is and `current` where `new` was. When `current` does not
    /// exist yet, a plain rename does the same atomically.
    static func exchange(_ new: URL, with current: URL) throws {
        guard FileManager.default.fileExists(atPath: current.path) else {
            try FileManager.default.moveItem(at: new, to: current)
            return
        }
        guard let renameat2 else {
            throw FileSystem.Failure(description: "this system has no renameat2 (Linux 3.15+ with glibc 2.28+ is needed for atomic publishing)")
        }
        if renameat2(atCurrentDirectory, new.path, atCurrentDirectory, current.path, exchange) != 0 {
            throw FileSystem.Failure(description: "cannot swap \(new.path) and \(current.path): \(String(cString: strerror(errno)))")
        }
    }
}
