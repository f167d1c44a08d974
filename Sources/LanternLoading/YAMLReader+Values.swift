import LanternModel
import Yams

/// Typed reads. A key is looked up in `map` (the top level when nil); each read marks the key
/// used, returns nil for a key that is absent or whose shape was already refused, and reports a
/// bad value at the value's own position.
extension YAMLReader {
    /// One value as trimmed text; `~`, `null` and nothing at all read as "".
    mutating func string(_ key: String, in map: YAMLMap? = nil, required: Bool = false) -> String? {
        let map = map ?? root
        switch lookup(key, in: map) {
        case .absent:
            if required { missing(key, in: map) }
            return nil
        case .refused:
            return nil
        case .found(let value):
            guard let scalar = value.scalar else {
                // The declared shape says otherwise: a loader reading a key against its declaration.
                error("`\(key)` must be a single value", at: map.location(of: value), hint: "write `\(key): text`")
                return nil
            }
            let text = value.isNull ? "" : scalar.string.trimmingCharacters(in: .whitespaces)
            if required && text.isEmpty { missing(key, in: map); return nil }
            return text
        }
    }

    mutating func int(_ key: String, in map: YAMLMap? = nil, range: ClosedRange<Int>) -> Int? {
        let map = map ?? root
        guard let text = string(key, in: map), !text.isEmpty else { return nil }
        guard let value = Int(text), range.contains(value) else {
            error("bad `\(key)` value `\(text)`", at: map.valueLocation(key),
                  hint: "write a whole number from \(range.lowerBound) to \(range.upperBound)")
            return nil
        }
        return value
    }

    /// Yuan read from the scalar's text as written, so `128.50` never passes through a `Double`.
    /// An empty value (`annual_cap:`) means "none" for an optional amount.
    mutating func money(_ key: String, in map: YAMLMap? = nil, required: Bool = false) -> Money? {
        let map = map ?? root
        guard let text = string(key, in: map, required: required), !text.isEmpty else { return nil }
        return FieldParsers.money(text, field: key, at: map.valueLocation(key), into: &diagnostics)
    }

    mutating func day(_ key: String, in map: YAMLMap? = nil) -> Day? {
        let map = map ?? root
        guard let text = string(key, in: map) else { return nil }
        return FieldParsers.day(text, field: key, at: map.valueLocation(key), into: &diagnostics)
    }

    /// `true`/`false` (and yes/no, 是/否); `value` when the key is absent or empty.
    mutating func flag(_ key: String, in map: YAMLMap? = nil, default value: Bool) -> Bool {
        let map = map ?? root
        guard let text = string(key, in: map), !text.isEmpty else { return value }
        guard let flag = FieldParsers.bool(text) else {
            error("bad `\(key)` value `\(text)`", at: map.valueLocation(key), hint: "use true or false")
            return value
        }
        return flag
    }

    /// A list written as `[a, b]`, as a block list, or as a single value.
    mutating func list(_ key: String, in map: YAMLMap? = nil) -> [String]? {
        listItems(key, in: map).map { $0.map(\.text) }
    }

    /// A list's values with each one's position, for errors about one value.
    mutating func listItems(_ key: String, in map: YAMLMap? = nil) -> [(text: String, location: SourceLocation)]? {
        let map = map ?? root
        guard case .found(let value) = lookup(key, in: map) else { return nil }
        if value.isNull { return [] }
        if let scalar = value.scalar { return scalar.string.isEmpty ? [] : [(scalar.string, map.location(of: value))] }
        guard let sequence = value.sequence, sequence.allSatisfy({ $0.scalar != nil }) else {
            error("`\(key)` must be a list of plain values", at: map.location(of: value), hint: "write `\(key): [a, b]`")
            return nil
        }
        return sequence.map { ($0.scalar!.string, map.location(of: $0)) }
    }

    /// A group of `key: value` lines; nil when absent or empty.
    mutating func group(_ key: String, in map: YAMLMap? = nil) -> YAMLMap? {
        let map = map ?? root
        guard case .found(let value) = lookup(key, in: map), !value.isNull else { return nil }
        guard let mapping = value.mapping else {
            error("`\(key)` must be a group of `key: value` lines", at: map.location(of: value), hint: "indent its keys under `\(key):`")
            return nil
        }
        return map.group(mapping, at: value)
    }

    /// The entries of a group whose key names the loader checks (`occasions:`), each a group
    /// (empty when the entry has no value); entries of the wrong shape are left out, as reported.
    mutating func entries(_ key: String, in map: YAMLMap? = nil) -> [(name: String, location: SourceLocation, group: YAMLMap)]? {
        guard let parent = group(key, in: map) else { return nil }
        var entries: [(name: String, location: SourceLocation, group: YAMLMap)] = []
        for (entryKey, value) in parent.node {
            guard let name = entryKey.scalar?.string, case .found = lookup(name, in: parent) else { continue }
            let group = value.mapping.map { parent.group($0, at: value) }
                ?? YAMLMap(node: [:], file: parent.file, lineOffset: parent.lineOffset, location: parent.location(of: value))
            entries.append((name, parent.location(of: entryKey), group))
        }
        return entries
    }

    private mutating func missing(_ key: String, in map: YAMLMap) {
        error("missing required key `\(key)`", at: map.location, hint: "add a line `\(key): …`")
    }
}
