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

extension HTML {
    struct Element {
        var tag: String
        /// Names in lower case; values as written between the quotes (not decoded).
        var attributes: [(name: String, value: String)]

        func value(_ name: String) -> String? { attributes.first { $0.name == name }?.value }
    }

    /// Every start tag with its attributes, read from the bytes as a browser's tokenizer reads
    /// them: a `"` byte ends a double-quoted value whatever follows it. Comments and the text of
    /// `<script>` and `<style>` are skipped.
    static func elements(_ html: String) -> [Element] {
        let b = Array(html.utf8)
        func byte(_ c: Character) -> UInt8 { c.asciiValue! }
        func isSpace(_ c: UInt8) -> Bool { [0x20, 0x09, 0x0A, 0x0C, 0x0D].contains(c) }
        func isLetter(_ c: UInt8) -> Bool { (c | 0x20) >= byte("a") && (c | 0x20) <= byte("z") }
        func text(_ range: Range<Int>) -> String { String(decoding: b[range], as: UTF8.self) }
        func find(_ s: String, from i: Int) -> Int {
            let needle = Array(s.utf8)
            var i = i
            while i + needle.count <= b.count, !b[i..<(i + needle.count)].elementsEqual(needle) { i += 1 }
            return min(i, b.count)
        }
        var elements: [Element] = []
        var i = 0
        while i < b.count {
            guard b[i] == byte("<") else { i += 1; continue }
            if b[i...].starts(with: "<!--".utf8) { i = find("-->", from: i + 4) + 3; continue }
            guard i + 1 < b.count, isLetter(b[i + 1]) else { i += 1; continue }
            var j = i + 1
            while j < b.count, !isSpace(b[j]), b[j] != byte("/"), b[j] != byte(">") { j += 1 }
            var element = Element(tag: text((i + 1)..<j).lowercased(), attributes: [])
            while j < b.count, b[j] != byte(">") {
                if isSpace(b[j]) || b[j] == byte("/") { j += 1; continue }
                let start = j
                j += 1
                while j < b.count, !isSpace(b[j]), b[j] != byte("/"), b[j] != byte(">"), b[j] != byte("=") { j += 1 }
                let name = text(start..<j).lowercased()
                var k = j
                while k < b.count, isSpace(b[k]) { k += 1 }
                var value = ""
                if k < b.count, b[k] == byte("=") {
                    k += 1
                    while k < b.count, isSpace(b[k]) { k += 1 }
                    if k < b.count, b[k] == byte("\"") || b[k] == byte("'") {
                        let quote = b[k]
                        let from = k + 1
                        k = from
                        while k < b.count, b[k] != quote { k += 1 }
                        value = text(from..<k)
                        k += 1
                    } else {
                        let from = k
                        while k < b.count, !isSpace(b[k]), b[k] != byte(">") { k += 1 }
                        value = text(from..<k)
                    }
                    j = k
                }
                element.attributes.append((name, value))
            }
            elements.append(element)
            i = j + 1
            if element.tag == "script" || element.tag == "style" { i = find("</\(element.tag)", from: i) }
        }
        return elements
    }
}
