import LanternModel
import Yams

/// Reads one YAML file (site.yaml, a policy, a page's front matter) for its loader.
///
/// Two things make a key impossible to drop without a word:
/// - the whole file is checked against the loader's declared `YAMLKeys` when the reader is made,
///   so a value of the wrong shape (`summary: [a, b]`, `categories: {food: …}`) is an error at
///   its own position whether or not the loader reads it; unknown keys are warnings;
/// - the reader is non-copyable and `finish()` consumes it: once the diagnostics are collected,
///   the compiler refuses any further read. A known key the loader never read is a warning.
struct YAMLReader: ~Copyable {
    /// Every problem so far; loaders add their own (`error`, `warning`, or `into: &reader.diagnostics`).
    var diagnostics = Diagnostics()
    let root: YAMLMap
    /// Keys (by position) whose value has the wrong shape: reported once, then read as absent.
    private var refused: Set<YAMLComposer.Position> = []
    /// Keys (by position) the loader has read.
    private var used: Set<YAMLComposer.Position> = []
    /// Known keys in the file, with the key of the group they stand in (nil: the top level).
    private var known: [(key: YAMLComposer.Position, name: String, context: String, location: SourceLocation,
                         group: YAMLComposer.Position?)] = []

    init(_ text: String, file: String, firstLine: Int = 1, keys: YAMLKeys) throws(DiagnosticsError) {
        root = try YAMLMap.parse(text, file: file, firstLine: firstLine)
        check(root, keys, group: nil)
    }

    /// Ends reading: warns about known keys never read, then throws every diagnostic if any is an
    /// error, or returns the warnings.
    consuming func finish() throws(DiagnosticsError) -> [Diagnostic] {
        for key in known where !used.contains(key.key) && (key.group.map(used.contains) ?? true) {
            diagnostics.warning("\(key.context) key `\(key.name)` has no effect here (ignored)", at: key.location,
                                hint: "remove it, or check the keys it goes with")
        }
        try diagnostics.throwIfErrors()
        return diagnostics.warnings
    }

    mutating func error(_ message: String, at location: SourceLocation, hint: String? = nil) {
        diagnostics.error(message, at: location, hint: hint)
    }

    mutating func warning(_ message: String, at location: SourceLocation, hint: String? = nil) {
        diagnostics.warning(message, at: location, hint: hint)
    }

    /// Marks `key` read and says why it is ignored (e.g. `year` in a birthday theme).
    mutating func ignore(_ key: String, in map: YAMLMap? = nil, because hint: String) {
        let map = map ?? root
        guard let (k, _) = map.entry(key), let mark = k.mark else { return }
        used.insert(YAMLComposer.Position(mark))
        warning("`\(key)` has no effect here (ignored)", at: map.location(of: k), hint: hint)
    }

    enum Lookup {
        case absent
        /// Present with the wrong shape, already reported.
        case refused
        case found(Node)
    }

    /// `key`'s value in `map`, marking the key read.
    mutating func lookup(_ key: String, in map: YAMLMap) -> Lookup {
        guard let (k, value) = map.entry(key) else { return .absent }
        guard let mark = k.mark else { return .found(value) }
        let position = YAMLComposer.Position(mark)
        used.insert(position)
        return refused.contains(position) ? .refused : .found(value)
    }

    // MARK: The shape check, before anything is read

    private mutating func check(_ map: YAMLMap, _ keys: YAMLKeys, group: YAMLComposer.Position?) {
        for (key, value) in map.node {
            guard let name = key.scalar?.string, let mark = key.mark else {
                error("a key must be a plain name", at: map.location(of: key), hint: "write keys like `title:` or `budget:`")
                continue
            }
            let position = YAMLComposer.Position(mark)
            guard let shape = keys.shape(of: name) else {
                let hint = Suggestion.closest(to: name, in: keys.names).map { "did you mean `\($0)`?" }
                    ?? "known keys: \(keys.names.joined(separator: ", "))"
                warning("unknown \(keys.context) key `\(name)` (ignored)", at: map.location(of: key), hint: hint)
                continue
            }
            known.append((position, name, keys.context, map.location(of: key), group))
            if !check(value, shape, name: name, in: map, key: position) { refused.insert(position) }
        }
    }

    /// Whether `value` has `shape`; reports it at the value's position when it has not.
    private mutating func check(_ value: Node, _ shape: YAMLShape, name: String, in map: YAMLMap,
                                key: YAMLComposer.Position) -> Bool {
        let at = map.location(of: value)
        switch shape {
        case .value:
            if value.scalar != nil { return true }
            error("`\(name)` must be a single value", at: at,
                  hint: "write `\(name): text`; quote a text that starts with `[` or `{`")
            return false
        case .list:
            if value.scalar != nil { return true }
            guard let sequence = value.sequence else {
                error("`\(name)` must be a list", at: at, hint: "write `\(name): [a, b]`")
                return false
            }
            var fine = true
            for item in sequence where item.scalar == nil {
                error("`\(name)` must be a list of plain values", at: map.location(of: item),
                      hint: "write `\(name): [a, b]`; a list inside the list is not allowed")
                fine = false
            }
            return fine
        case .group(let keys):
            if value.isNull { return true }
            guard let mapping = value.mapping else {
                error("`\(name)` must be a group of `key: value` lines", at: at, hint: "indent its keys under `\(name):`")
                return false
            }
            check(map.group(mapping, at: value), keys, group: key)
            return true
        case .entries(let shape):
            if value.isNull { return true }
            guard let mapping = value.mapping else {
                error("`\(name)` must be a group of `key: value` lines", at: at, hint: "indent its keys under `\(name):`")
                return false
            }
            let group = map.group(mapping, at: value)
            for (entryKey, entryValue) in mapping {
                guard let entryName = entryKey.scalar?.string, let mark = entryKey.mark else {
                    error("a key must be a plain name", at: group.location(of: entryKey), hint: "write keys like `dragon-boat:`")
                    continue
                }
                let position = YAMLComposer.Position(mark)
                if !check(entryValue, shape, name: entryName, in: group, key: position) { refused.insert(position) }
            }
            return true
        }
    }
}
