import LanternModel

/// Named access to a `CSVTable`'s columns: the header names are the contract, their order is free.
struct CSVColumns {
    let table: CSVTable
    private let index: [String: Int]
    /// Columns the contract does not name, in file order; kept as extra fields.
    let extraColumns: [String]
    /// False when a required column is missing or a name repeats: the rows cannot be read.
    let headerIsUsable: Bool

    /// Reports the table's own diagnostics (encoding, refused characters), then every missing
    /// required column and every repeated header name.
    init(_ table: CSVTable, required: [String], known: [String], diagnostics: inout Diagnostics) {
        self.table = table
        diagnostics.append(contentsOf: table.diagnostics)
        let before = diagnostics.all.count
        var index: [String: Int] = [:]
        for (i, name) in table.header.enumerated() where !name.isEmpty {
            if index[name] != nil {
                diagnostics.error("column `\(name)` appears twice in the header", at: table.headerLocations[i],
                                  hint: "remove or rename one of the two columns")
            } else {
                index[name] = i
            }
        }
        for name in required where index[name] == nil {
            let lookalike = Suggestion.closest(to: name, in: table.header.filter { !known.contains($0) })
            diagnostics.error("missing required column `\(name)`",
                              at: SourceLocation(file: table.path, line: table.headerLocations.first?.line ?? 1),
                              hint: lookalike.map { "is `\($0)` meant to be `\(name)`?" }
                                  ?? "add a column named `\(name)` to the header line")
        }
        self.index = index
        self.headerIsUsable = diagnostics.all.count == before
        self.extraColumns = table.header.filter { !$0.isEmpty && !known.contains($0) }
    }

    /// The field's text with ASCII and full-width (U+3000) spaces trimmed; empty when the column
    /// is absent or the row is short (Excel drops trailing empty fields).
    func value(_ column: String, _ row: CSVTable.Row) -> String {
        guard let i = index[column], i < row.fields.count else { return "" }
        return Self.trimmed(row.fields[i])
    }

    /// `text` without leading and trailing white space (Unicode White_Space: ASCII spaces, tabs
    /// and line breaks, the full-width space U+3000, no-break spaces…), as Foundation's
    /// `.whitespacesAndNewlines` trims, without building a character set per field.
    static func trimmed(_ text: some StringProtocol) -> String {
        let text = Substring(text)
        // Most fields start and end with a visible ASCII character: nothing to trim.
        if let first = text.utf8.first, let last = text.utf8.last,
           (0x21...0x7E).contains(first), (0x21...0x7E).contains(last) { return String(text) }
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return String(Substring(scalars[first...last]))
    }

    func location(_ column: String, _ row: CSVTable.Row) -> SourceLocation {
        guard let i = index[column], i < row.locations.count else { return row.location }
        return row.locations[i]
    }

    /// Reports text in fields past the header (a delimiter that should have been quoted); true when
    /// the row is to be skipped.
    func rejectsOverflow(_ row: CSVTable.Row, into diagnostics: inout Diagnostics) -> Bool {
        guard row.fields.count > table.header.count,
              let extra = (table.header.count..<row.fields.count).first(where: { !row.fields[$0].isEmpty }) else { return false }
        diagnostics.error("row has more fields than the header", at: row.locations[extra],
                          hint: table.delimiter == "\t" ? "quote fields that contain tabs" : "quote fields that contain commas: \"a, b\"")
        return true
    }

    /// The row's key in `column`, reporting it when empty or already used by an earlier row.
    func uniqueKey(_ column: String, _ row: CSVTable.Row, seen: inout [String: SourceLocation], noun: String,
                   into diagnostics: inout Diagnostics) -> String {
        let key = value(column, row), at = location(column, row)
        if key.isEmpty {
            diagnostics.error("empty \(column)", at: at, hint: "every \(noun) needs a unique \(column)")
        } else if let first = seen[key] {
            diagnostics.error("duplicate \(column) `\(key)`", at: at, hint: "first used at line \(first.line); each \(noun)'s \(column) must be unique")
        } else {
            seen[key] = at
        }
        return key
    }

    /// `a|b|c` lists, with empty parts dropped.
    func list(_ column: String, _ row: CSVTable.Row) -> [String] {
        value(column, row).split(separator: "|").map { Self.trimmed($0) }.filter { !$0.isEmpty }
    }
}
