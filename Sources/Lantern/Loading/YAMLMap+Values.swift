import Yams

/// Typed readers for YAML values; each reports a wrong type at the value's own position.
extension YAMLMap {
    func string(_ key: String, required: Bool = false, into diagnostics: inout Diagnostics) -> String? {
        guard let (_, value) = entry(key) else {
            if required { missing(key, &diagnostics) }
            return nil
        }
        guard let scalar = value.scalar else {
            diagnostics.error("`\(key)` must be a single value", at: location(of: value), hint: "write `\(key): text`")
            return nil
        }
        let text = scalar.string.trimmingCharacters(in: .whitespaces)
        if required && text.isEmpty { missing(key, &diagnostics); return nil }
        return text
    }

    func int(_ key: String, in range: ClosedRange<Int>, into diagnostics: inout Diagnostics) -> Int? {
        guard let text = string(key, into: &diagnostics) else { return nil }
        guard let value = Int(text), range.contains(value) else {
            diagnostics.error("bad `\(key)` value `\(text)`", at: location(of: entry(key)!.value),
                              hint: "write a whole number from \(range.lowerBound) to \(range.upperBound)")
            return nil
        }
        return value
    }

    /// Yuan read from the scalar's text as written, so `128.50` never passes through a `Double`.
    func money(_ key: String, required: Bool = false, into diagnostics: inout Diagnostics) -> Money? {
        // An empty value (`annual_cap:`) means "none" for an optional amount.
        guard let text = string(key, required: required, into: &diagnostics), !text.isEmpty else { return nil }
        return FieldParsers.money(text, field: key, at: location(of: entry(key)!.value), into: &diagnostics)
    }

    func day(_ key: String, into diagnostics: inout Diagnostics) -> Day? {
        guard let text = string(key, into: &diagnostics) else { return nil }
        return FieldParsers.day(text, field: key, at: location(of: entry(key)!.value), into: &diagnostics)
    }

    /// A list written either as `[a, b]` / a block list, or as a single value.
    func stringList(_ key: String, into diagnostics: inout Diagnostics) -> [String]? {
        guard let (_, value) = entry(key) else { return nil }
        if let scalar = value.scalar { return scalar.string.isEmpty ? [] : [scalar.string] }
        guard let sequence = value.sequence else {
            diagnostics.error("`\(key)` must be a list", at: location(of: value), hint: "write `\(key): [a, b]`")
            return nil
        }
        var items: [String] = []
        for item in sequence {
            guard let text = item.scalar?.string else {
                diagnostics.error("`\(key)` must be a list of plain values", at: location(of: item))
                continue
            }
            items.append(text)
        }
        return items
    }

    func map(_ key: String, into diagnostics: inout Diagnostics) -> YAMLMap? {
        guard let (_, value) = entry(key) else { return nil }
        guard let mapping = value.mapping else {
            diagnostics.error("`\(key)` must be a group of `key: value` lines", at: location(of: value),
                              hint: "indent its keys under `\(key):`")
            return nil
        }
        return YAMLMap(node: mapping, file: file, lineOffset: lineOffset, location: location(of: value))
    }

    private func missing(_ key: String, _ diagnostics: inout Diagnostics) {
        diagnostics.error("missing required key `\(key)`", at: location, hint: "add a line `\(key): …`")
    }
}
