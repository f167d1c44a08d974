import Foundation
import Lantern
import LanternModel
import LanternPlanning

/// The preview's state: the site as last loaded (or its errors), a generation number that
/// counts the loads, what each open page was last given, and the browsers listening for changes.
///
/// Which pages reload is decided by their bytes, not by a list of dependencies kept by hand:
/// after each load the hub renders again every path it served lately and tells the browsers the
/// paths whose bytes changed. A browser reloads when the changed paths include its page or
/// anything the page loaded (its item list, its styles), so a change to a partial, a palette,
/// the catalog, the roster or the policy reloads exactly the pages it shows on, and nothing
/// that would be stale can stay on screen.
final class PreviewHub: Sendable {
    /// A browser's answer, before the preview's own bar is added to a page.
    struct Answer: Sendable {
        enum Body: Sendable {
            case file(Data)
            case notFound
            case failed([Diagnostic])
            /// A folder asked for without its final `/`: relative links need it.
            case redirect(String)
        }

        var body: Body
        var view: PreviewDay?
        var site: PreviewSite?

        /// What decides whether a browser showing it must reload.
        var digest: String {
            switch body {
            case .file(let bytes): Digest.of(bytes)
            case .notFound: "not found"
            case .failed(let diagnostics): Digest.of(Data(diagnostics.map(\.description).joined(separator: "\n").utf8))
            case .redirect(let to): "redirect " + to
            }
        }
    }

    private struct State: Sendable {
        var site: Result<PreviewSite, DiagnosticsError>
        /// The site as it last loaded without errors: whose page a path is, while it has some.
        var lastGood: PreviewSite?
        var generation = 1
        /// `day path` → (digest, when): what was served lately.
        var served: [String: (digest: String, tick: Int)] = [:]
        var tick = 0
        /// The paths each generation changed, for a browser that connects late.
        var history: [(generation: Int, paths: Set<String>)] = []
        var listeners: [Int: AsyncStream<String>.Continuation] = [:]
        var nextListener = 0
        var closed = false
    }

    let siteFolder: URL
    let secret: Secret
    let defaultDay: @Sendable () -> Day
    private let state: Locked<State>

    /// Paths kept to compare after a change: enough for every page an author has open.
    static let servedLimit = 400

    init(site: URL, today: Day?) {
        siteFolder = site
        secret = Secret.generate().secret
        defaultDay = { today ?? Day.today() }
        let loaded = PreviewSite.load(site: site, secret: secret)
        state = Locked(State(site: loaded, lastGood: try? loaded.get()))
    }

    var generation: Int { state.value.generation }
    var site: Result<PreviewSite, DiagnosticsError> { state.value.site }
    var lastGood: PreviewSite? { state.value.lastGood }

    /// What `path` (as the browser asked, from `/`) is on `day`, recorded as served.
    func answer(_ path: String, day: Day) -> Answer {
        let answer = Self.answer(path, day: day, site: state.value.site)
        state.update { state in
            state.tick += 1
            state.served["\(day) \(path)"] = (answer.digest, state.tick)
            if state.served.count > Self.servedLimit {
                let oldest = state.served.sorted { $0.value.tick < $1.value.tick }.prefix(state.served.count - Self.servedLimit)
                for (key, _) in oldest { state.served[key] = nil }
            }
        }
        return answer
    }

    static func answer(_ path: String, day: Day, site loaded: Result<PreviewSite, DiagnosticsError>) -> Answer {
        let site: PreviewSite
        switch loaded {
        case .failure(let error): return Answer(body: .failed(error.diagnostics))
        case .success(let found): site = found
        }
        let view: PreviewDay
        switch site.on(day) {
        case .failure(let error): return Answer(body: .failed(error.diagnostics), site: site)
        case .success(let found): view = found
        }
        let relative = String(path.drop { $0 == "/" })
        do {
            if let bytes = try view.file(at: relative, site: site.site) { return Answer(body: .file(bytes), view: view, site: site) }
            let last = relative.split(separator: "/").last ?? ""
            if !relative.isEmpty, !relative.hasSuffix("/"), !last.contains("."), try view.file(at: relative + "/", site: site.site) != nil {
                return Answer(body: .redirect(path + "/"), view: view, site: site)
            }
            return Answer(body: .notFound, view: view, site: site)
        } catch {
            return Answer(body: .failed(error.diagnostics), view: view, site: site)
        }
    }

    /// Loads the site again after its files changed, and tells the browsers which of the paths
    /// they were given changed; returns those paths and the site's errors (none when it loads).
    @discardableResult
    func reload() -> (changed: Set<String>, errors: [Diagnostic]) {
        let next = PreviewSite.load(site: siteFolder, secret: secret)
        // A picture's version is named after its bytes: it never changes under its name.
        let served = state.value.served.filter { !$0.key.contains(" /assets/images/") }.map { ($0.key, $0.value.digest) }
        let digests = try! Parallel.map(served) { key, old -> (String, String, String) in // cannot throw
            let space = key.firstIndex(of: " ")!
            let path = String(key[key.index(after: space)...])
            guard let day = Day(String(key[..<space])) else { return (key, path, old) }
            return (key, path, Self.answer(path, day: day, site: next).digest)
        }
        let old = Dictionary(served, uniquingKeysWith: { a, _ in a })
        let changed = Set(digests.filter { old[$0.0] != $0.2 }.map(\.1))
        let (listeners, text) = state.update { state in
            state.site = next
            if case .success(let site) = next { state.lastGood = site }
            state.generation += 1
            for (key, _, digest) in digests where state.served[key] != nil { state.served[key]!.digest = digest }
            state.history.append((state.generation, changed))
            if state.history.count > 50 { state.history.removeFirst() }
            return (Array(state.listeners.values), Self.event(generation: state.generation, paths: changed))
        }
        for listener in listeners { listener.yield(text) }
        if case .failure(let error) = next { return (changed, error.errors) }
        return (changed, [])
    }

    /// A stream of server-sent events for one browser: first the paths changed since the
    /// generation its page was made in, then one event per reload.
    func listen(since: Int?) -> AsyncStream<String> {
        let (stream, continuation) = AsyncStream<String>.makeStream()
        state.update { state in
            guard !state.closed else { return continuation.finish() }
            let id = state.nextListener
            state.nextListener += 1
            state.listeners[id] = continuation
            continuation.onTermination = { [weak self] _ in self?.state.update { $0.listeners[id] = nil } }
            continuation.yield("retry: 500\n\n")
            if let since, since < state.generation {
                let missed = state.history.filter { $0.generation > since }.reduce(into: Set<String>()) { $0.formUnion($1.paths) }
                // Older than the history: every page may have changed.
                let known = state.history.first.map { $0.generation <= since + 1 } ?? false
                continuation.yield(Self.event(generation: state.generation, paths: known ? missed : ["*"]))
            }
        }
        return stream
    }

    /// Ends every browser's stream (the server is stopping).
    func close() {
        // Finished outside the lock: a stream's `onTermination` takes it.
        let listeners = state.update { state in
            state.closed = true
            defer { state.listeners = [:] }
            return Array(state.listeners.values)
        }
        for listener in listeners { listener.finish() }
    }

    private static func event(generation: Int, paths: Set<String>) -> String {
        let list = (try? JSONSerialization.data(withJSONObject: paths.sorted(), options: [.withoutEscapingSlashes])).map { String(decoding: $0, as: UTF8.self) } ?? "[]"
        return "event: changed\nid: \(generation)\ndata: \(list)\n\n"
    }
}
