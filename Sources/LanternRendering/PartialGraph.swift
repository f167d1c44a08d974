import LanternModel

/// Which templates include which (`{{> partial}}`, `{{< parent}}`), checked before any page is
/// rendered: swift-mustache follows a partial by calling itself, so a partial that includes
/// itself, directly or through others, ran until the stack overflowed, and a long enough chain
/// of partials does the same.
///
/// Lantern's contexts hold no nested data a template could recurse over, so any cycle is an
/// error. Each template's depth counts a section, block or parent as one level, and a partial
/// or parent as one more level plus the depth of what it includes; deeper than
/// `MustacheNesting.limit` is an error at the tag where the limit is passed. Both walks are
/// loops with their own stack, so a long chain cannot overflow Lantern's either.
struct PartialGraph {
    struct Source {
        var name: String
        var display: String
        var tags: [MustacheTags.Tag]
    }

    private let sources: [String: Source]

    /// `sources` by template name; includes of templates not in it are ignored (they are
    /// reported as missing partials).
    init(_ sources: [Source]) {
        self.sources = Dictionary(sources.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
    }

    private func includes(_ name: String) -> [MustacheTags.Tag] {
        sources[name]?.tags.filter { ($0.sigil == ">" || $0.sigil == "<") && sources[$0.name] != nil } ?? []
    }

    private func location(_ name: String, _ tag: MustacheTags.Tag) -> SourceLocation {
        SourceLocation(file: sources[name]!.display, line: tag.line, column: tag.column)
    }

    /// Reports each include that closes a cycle, found depth first from the templates in name
    /// order, following includes in the order they appear.
    func checkCycles(into d: inout Diagnostics) -> Bool {
        enum State { case visiting, done }
        var state: [String: State] = [:]
        var fine = true
        for root in sources.keys.sorted() where state[root] == nil {
            // Each frame: a template on the current path and how many of its includes were followed.
            var path: [(name: String, next: Int)] = [(root, 0)]
            state[root] = .visiting
            while let (name, next) = path.last {
                let edges = includes(name)
                guard next < edges.count else {
                    state[name] = .done
                    path.removeLast()
                    continue
                }
                path[path.count - 1].next += 1
                let tag = edges[next]
                switch state[tag.name] {
                case .visiting:
                    let start = path.firstIndex { $0.name == tag.name }!
                    let cycle = (path[start...].map(\.name) + [tag.name]).joined(separator: " → ")
                    d.error("partial `\(tag.name)` includes itself: \(cycle)", at: location(name, tag),
                            hint: "a partial renders by including its text, so a cycle never ends; remove one of these includes")
                    fine = false
                case .done: continue
                case nil:
                    state[tag.name] = .visiting
                    path.append((tag.name, 0))
                }
            }
        }
        return fine
    }

    /// Reports the includes that take a template deeper than the limit (given no cycles).
    func checkDepth(into d: inout Diagnostics) {
        var depth: [String: Int] = [:]
        for root in sources.keys.sorted() where depth[root] == nil {
            var path = [root]
            while let name = path.last {
                if let pending = includes(name).first(where: { depth[$0.name] == nil }) {
                    path.append(pending.name)
                    continue
                }
                path.removeLast()
                guard depth[name] == nil else { continue }
                depth[name] = measure(name, depth, into: &d)
            }
        }
    }

    /// The template's depth, given the depths of what it includes; an error at the first tag
    /// past the limit, unless its own sections (reported by `MustacheNesting`) or the template
    /// it includes (reported there) are past the limit already.
    private func measure(_ name: String, _ depth: [String: Int], into d: inout Diagnostics) -> Int {
        let limit = MustacheNesting.limit
        var open: [Int] = [], level = 0, deepest = 0
        for tag in sources[name]!.tags {
            let included = tag.sigil == ">" || tag.sigil == "<" ? depth[tag.name] ?? 0 : 0
            let reached: Int
            switch tag.sigil {
            case "#", "^", "$":
                open.append(1)
                level += 1
                reached = level
            case "<":
                open.append(1 + included)
                level += 1 + included
                reached = level
            case ">": reached = level + 1 + included
            case "/":
                level -= open.popLast() ?? 0
                continue
            default: continue
            }
            if reached > limit && deepest <= limit && open.count <= limit && included <= limit {
                d.error("templates nest more than \(limit) levels deep here, with what partials and parents include",
                        at: location(name, tag),
                        hint: "include fewer partials inside one another, or nest fewer sections around them")
            }
            deepest = max(deepest, reached)
        }
        return deepest
    }
}
