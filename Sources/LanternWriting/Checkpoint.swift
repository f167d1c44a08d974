/// A named point of a build where a test stops it, to kill it there. The build calls
/// `reached(point)` and goes on when it returns. Points: `shared` (shared pages staged),
/// `members` (half the members rendered), `swap` (everything staged, the private files too, just
/// before the swap), `swapped` (just after, before the private files are put in place), `commit`
/// (the first of them in place); for `lantern deploy`, `batch N` (the Nth rclone run started, the
/// ones before it recorded). The library never reads the environment for these: the kill
/// tests start the real `lantern`, whose `build` command turns `LANTERN_PAUSE_AT` into one.
package struct Checkpoint: Sendable {
    let body: @Sendable (String) -> Void

    package init(_ body: @escaping @Sendable (String) -> Void) { self.body = body }

    /// No pauses: what every build uses unless a test asks.
    package static let none = Checkpoint { _ in }

    package func reached(_ point: String) { body(point) }
}
