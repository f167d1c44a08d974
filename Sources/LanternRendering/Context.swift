/// Builds Mustache contexts. Empty strings and nils are left out, because swift-mustache treats
/// an empty string as true in `{{#section}}`: a missing key is the only reliable "no value".
enum Context {
    static func make(_ pairs: KeyValuePairs<String, Any?>) -> [String: Any] {
        var result: [String: Any] = [:]
        for (key, value) in pairs {
            switch value {
            case nil: continue
            case let text as String where text.isEmpty: continue
            case let value?: result[key] = value
            }
        }
        return result
    }
}
