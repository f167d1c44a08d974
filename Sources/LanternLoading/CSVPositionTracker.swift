import LanternModel

/// Walks the raw CSV text alongside the library's rows to learn where each field starts.
///
/// The library is lenient: an unclosed quote or text after a closing quote is read on without
/// complaint. Walking the same text and checking that each field is written exactly as read
/// turns those cases into errors with a position, instead of silently changed data. The walk
/// also sees every character of every field, so it is where characters a field may not hold
/// (`CSVFieldCharacters`) are found, at their own line and column.
struct CSVPositionTracker {
    /// Problems with single characters, reported for this many fields; the rest are counted.
    static let reportedFields = 20

    private let scalars: [Unicode.Scalar]
    private let path: String
    private let delimiter: Unicode.Scalar
    private var index = 0
    private var line = 1
    private var column = 1
    /// Refused characters, the first of each field, in file order.
    private(set) var characterProblems: [Diagnostic] = []
    /// Fields with refused characters beyond `reportedFields`.
    private(set) var unreportedFields = 0

    init(text: String, path: String, delimiter: Unicode.Scalar = ",") {
        self.scalars = Array(text.unicodeScalars)
        self.path = path
        self.delimiter = delimiter
    }

    private var here: SourceLocation { SourceLocation(file: path, line: line, column: column) }

    private var delimiterName: String { delimiter == "\t" ? "a tab" : "`\(delimiter)`" }

    mutating func consume(row fields: [String]) throws(DiagnosticsError) -> [SourceLocation] {
        var locations: [SourceLocation] = []
        for (n, field) in fields.enumerated() {
            locations.append(here)
            let start = here
            if index < scalars.count, scalars[index] == "\"" {
                var expected: [Unicode.Scalar] = ["\""]
                for s in field.unicodeScalars { expected.append(s); if s == "\"" { expected.append("\"") } }
                expected.append("\"")
                guard matches(expected, quoted: true) else {
                    throw DiagnosticsError([.error("malformed quoted field", at: start,
                        hint: "a quoted field must end with a closing \" followed by \(delimiterName) or the end of the line; write a quote inside it as \"\"")])
                }
            } else {
                guard matches(Array(field.unicodeScalars), quoted: false) else {
                    throw DiagnosticsError([.error("malformed field", at: start,
                        hint: "put fields with quotes, \(delimiter == "\t" ? "tabs" : "commas") or line breaks in double quotes")])
                }
            }
            if n < fields.count - 1 { advance() } // the delimiter
        }
        // The row's line break: CRLF, LF or CR.
        if index < scalars.count, scalars[index] == "\r" { advance() }
        if index < scalars.count, scalars[index] == "\n" { advance() }
        return locations
    }

    private mutating func matches(_ expected: [Unicode.Scalar], quoted: Bool) -> Bool {
        guard index + expected.count <= scalars.count,
              scalars[index..<(index + expected.count)].elementsEqual(expected) else { return false }
        var reported = false
        for s in expected {
            if !reported, let problem = CSVFieldCharacters.problem(s, quoted: quoted) {
                reported = true
                if characterProblems.count < Self.reportedFields {
                    characterProblems.append(.error(problem.message, at: here, hint: problem.hint))
                } else {
                    unreportedFields += 1
                }
            }
            advance()
        }
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
