import LanternModel
import Yams

/// A YAML mapping read with Yams, whose every key and value knows its line and column in the file.
///
/// Loaders read values only through `YAMLReader`, which checks every key's shape first and
/// refuses reads once its diagnostics are collected; a `YAMLMap` is the group being read and
/// the positions to report at.
struct YAMLMap {
    let node: Node.Mapping
    let file: String
    /// Added to Yams' 1-based line numbers (front matter starts on the file's second line).
    let lineOffset: Int
    /// Where the mapping itself starts, for "missing key" errors.
    let location: SourceLocation

    /// Parses `yaml`; a syntax error or a repeated key becomes a diagnostic at the file's line and column.
    static func parse(_ yaml: String, file: String, firstLine: Int = 1) throws(DiagnosticsError) -> YAMLMap {
        let start = SourceLocation(file: file, line: firstLine, column: 1)
        let root = try YAMLComposer(file: file, lineOffset: firstLine - 1).compose(yaml)
        guard let root, !root.isNull else { return YAMLMap(node: [:], file: file, lineOffset: firstLine - 1, location: start) }
        guard let mapping = root.mapping else {
            throw DiagnosticsError([.error("expected `key: value` lines", at: start,
                                           hint: "front matter and site.yaml are YAML mappings, e.g. `title: 端午安康`")])
        }
        return YAMLMap(node: mapping, file: file, lineOffset: firstLine - 1, location: start)
    }

    func location(of node: Node) -> SourceLocation {
        guard let mark = node.mark else { return location }
        return SourceLocation(file: file, line: mark.line + lineOffset, column: mark.column)
    }

    /// The key node and value for `key`, if present.
    func entry(_ key: String) -> (key: Node, value: Node)? {
        node.first { $0.key.scalar?.string == key }.map { ($0.key, $0.value) }
    }

    /// Where `key` stands (the mapping's start when it is absent), for errors about the key as a whole.
    func keyLocation(_ key: String) -> SourceLocation { entry(key).map { location(of: $0.key) } ?? location }

    /// Where `key`'s value stands (the key's place when it is absent), for errors about the value.
    func valueLocation(_ key: String) -> SourceLocation { entry(key).map { location(of: $0.value) } ?? keyLocation(key) }

    /// The mapping `node` (standing at `at`) as a group of this file.
    func group(_ node: Node.Mapping, at place: Node) -> YAMLMap {
        YAMLMap(node: node, file: file, lineOffset: lineOffset, location: location(of: place))
    }
}

extension Node {
    /// `~`, `null` or nothing at all after the colon.
    var isNull: Bool { scalar != nil && tag.rawValue == Tag.Name.null.rawValue }
}
