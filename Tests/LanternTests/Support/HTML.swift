import Foundation

/// Small readers for generated HTML, enough for assertions (tests never parse with regexes
/// anything more than attribute values Lantern itself writes).
enum HTML {
    /// The `value` of every `<input … name="sku" value="…">`: the items a storefront offers.
    static func offeredSKUs(_ html: String) -> [String] {
        attributeValues(html, tag: "input", where: "name=\"sku\"", attribute: "value")
    }

    static func attributeValues(_ html: String, tag: String, where filter: String, attribute: String) -> [String] {
        var values: [String] = []
        var rest = Substring(html)
        while let start = rest.range(of: "<\(tag) ") {
            guard let end = rest[start.upperBound...].firstIndex(of: ">") else { break }
            let element = rest[start.lowerBound..<end]
            if filter.isEmpty || element.contains(filter), let a = element.range(of: " \(attribute)=\"") {
                let value = element[a.upperBound...].prefix { $0 != "\"" }
                values.append(String(value))
            }
            rest = rest[end...]
        }
        return values
    }
}
