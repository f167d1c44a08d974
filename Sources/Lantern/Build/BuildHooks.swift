import Foundation

/// Lets a test stop a real build at a named point, to kill it there: with
/// `LANTERN_PAUSE_AT=<point>` and `LANTERN_PAUSE_FILE=<path>`, the build creates the file when it
/// reaches the point and then waits. Points: `shared` (shared pages staged), `members` (half the
/// members rendered), `swap` (everything staged, the private files too, just before the swap),
/// `swapped` (just after, before the private files are put in place), `commit` (the first of
/// them in place).
enum BuildHooks {
    static func pause(at point: String) throws {
        let environment = ProcessInfo.processInfo.environment
        guard environment["LANTERN_PAUSE_AT"] == point, let file = environment["LANTERN_PAUSE_FILE"] else { return }
        FileManager.default.createFile(atPath: file, contents: Data(point.utf8))
        Thread.sleep(forTimeInterval: 120)
    }
}
