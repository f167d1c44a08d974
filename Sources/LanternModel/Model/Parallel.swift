import Dispatch
import Foundation

/// Runs work on all cores in chunks, stopping at the first error.
package enum Parallel {
    /// The number of workers `--jobs` defaults to.
    package static var cores: Int { ProcessInfo.processInfo.activeProcessorCount }

    package static func forEach<T: Sendable>(_ items: [T], chunk: Int, jobs: Int = cores,
                                     _ body: @escaping @Sendable (T) throws -> Void) throws {
        let chunks = stride(from: 0, to: items.count, by: chunk).map { $0..<min($0 + chunk, items.count) }
        let failure = Locked<Error?>(nil)
        let next = Locked(0)
        DispatchQueue.concurrentPerform(iterations: max(1, min(jobs, chunks.count))) { _ in
            while failure.value == nil {
                let index = next.update { value in defer { value += 1 }; return value }
                guard index < chunks.count else { return }
                do { for i in chunks[index] { try body(items[i]) } } catch { failure.update { $0 = $0 ?? error } }
            }
        }
        if let error = failure.value { throw error }
    }
}

extension Parallel {
    /// `items.map(transform)` on all cores, results in order; `chunk` items go to a worker at a time.
    package static func map<T: Sendable, R: Sendable>(_ items: [T], chunk: Int = 1, jobs: Int = cores,
                                              _ transform: @escaping @Sendable (T) throws -> R) throws -> [R] {
        let starts = Array(stride(from: 0, to: items.count, by: chunk))
        let parts = Locked([Int: [R]]())
        try forEach(starts, chunk: 1, jobs: jobs) { start in
            let part = try items[start..<min(start + chunk, items.count)].map(transform)
            parts.update { $0[start] = part }
        }
        let done = parts.value
        return starts.flatMap { done[$0]! }
    }
}

/// A value guarded by a lock, shared between workers: the one place that vouches for a class
/// the compiler cannot check. `@unchecked Sendable` is safe because `stored` is read and written
/// only inside `lock`, and `Value` is itself `Sendable`, so nothing handed out is shared state.
package final class Locked<Value: Sendable>: @unchecked Sendable {
    private var stored: Value
    private let lock = NSLock()

    package init(_ value: Value) { stored = value }

    package var value: Value { lock.withLock { stored } }

    @discardableResult
    package func update<R>(_ body: (inout Value) throws -> R) rethrows -> R {
        try lock.withLock { try body(&stored) }
    }
}
