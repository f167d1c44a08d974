/// What a YAML key may hold. A loader declares the shape of every key it knows, and
/// `YAMLReader` checks the whole file against it before the loader reads anything, so a value
/// of the wrong kind is an error at its own position whether or not the loader reads that key.
indirect enum YAMLShape: Sendable {
    /// One value: `title: 端午安康`, `budget: 200`.
    case value
    /// `[a, b]`, a block list, or one value standing for a list of one.
    case list
    /// A group of known keys (`audience:`, `palette:`).
    case group(YAMLKeys)
    /// A group whose key names the loader checks itself (the policy's `occasions:`), each
    /// holding a value of this shape.
    case entries(YAMLShape)
}

/// The keys of one YAML group and their shapes, in the order hints list them.
struct YAMLKeys: Sendable {
    /// Names the group in warnings: "unknown `audience` key".
    let context: String
    let keys: KeyValuePairs<String, YAMLShape>

    init(_ context: String, _ keys: KeyValuePairs<String, YAMLShape>) {
        self.context = context
        self.keys = keys
    }

    var names: [String] { keys.map(\.key) }

    func shape(of name: String) -> YAMLShape? { keys.first { $0.key == name }?.value }
}
