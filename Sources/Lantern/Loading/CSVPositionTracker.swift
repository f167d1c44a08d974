/// Walks the raw CSV text alongside the library's rows to learn where each field starts.
///
/// The library is lenient: an unclosed quote or text after a closing quote is read on without
/// complaint. Walking the same text and checking that each field is written exactly as read
/// turns those cases into errors with a position, instead of silently changed data.
struct CSVPositionTracker {
    private let scalars: [Unicode.Scalar]
    private let path: String
    private var index = 0
    private var line = 1
    private var column = 1

    init(text: String, path: String) {
        self.scalars = Array(text.unicodeScalars)
        self.path = path
    }

    private var here: SourceLocation { SourceLocation(file: path, line: line, column: column) }

    mutating func consume(row fields: [String]) throws(DiagnosticsError) -> [SourceLocation] {
        var locations: [SourceLocation] = []
        for (n, field) in fields.enumerated() {
            locations.append(here)
            let start = here
            if index < scalars.count, scalars[index] == "\"" {
                var expected: [Unicode.Scalar] = ["\""]
                for s in field.unicodeScalars { expected.append(s); if s == "\"" { expected.append("\"") } }
                expected.append("\"")
                guard matches(expected) else {
                    throw DiagnosticsError([.error("malformed quoted field", at: start,
                        hint: "a quoted field must end with a closing \" followed by a comma or the end of the line; write a quote inside it as \"\"")])
                }
            } else {
                guard matches(Array(field.unicodeScalars)) else {
                    throw DiagnosticsError([.error("malformed field", at: start,
                        hint: "put fields with quotes, commas or line breaks in double quotes")])
                }
            }
            if n < fields.count - 1 { advance() } // the delimiter
        }
        // The row's line break: CRLF, LF or CR.
        if index < scalars.count, scalars[index] == "\r" { advance() }
        if index < scalars.count, scalars[index] == "\n" { advance() }
        return locations
    }

    private mutating func matches(_ expected: [Unicode.Scalar]) -> Bool {
        guard index + expected.count <= scalars.count,
              scalars[index..<(index + expected.count)].elementsEqual(expected) else { return false }
        for _ in expected { advance() }
        return true
    }

    private mutating func advance() {
        let s = scalars[index]
        index += 1
        if s == "\n" || (s == "\r" && (index >= scalars.count || scalars[index] != "\n")) {
            line += 1
            column = 1
        } else if s != "\r" {
            column += 1
        }
    }
}
