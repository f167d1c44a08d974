/// Named access to a `CSVTable`'s columns: the header names are the contract, their order is free.
struct CSVColumns {
    let table: CSVTable
    private let index: [String: Int]
    /// Columns the contract does not name, in file order; kept as extra fields.
    let extraColumns: [String]

    /// Reports every missing required column and every repeated header name.
    init(_ table: CSVTable, required: [String], known: [String], diagnostics: inout Diagnostics) {
        self.table = table
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
        self.extraColumns = table.header.filter { !$0.isEmpty && !known.contains($0) }
    }

    func has(_ column: String) -> Bool { index[column] != nil }

    /// The field's text with ASCII and full-width (U+3000) spaces trimmed; empty when the column
    /// is absent or the row is short (Excel drops trailing empty fields).
    func value(_ column: String, _ row: CSVTable.Row) -> String {
        guard let i = index[column], i < row.fields.count else { return "" }
        return row.fields[i].trimmingCharacters(in: .whitespacesAndNewlines.union(["\u{3000}"]))
    }

    func location(_ column: String, _ row: CSVTable.Row) -> SourceLocation {
        guard let i = index[column], i < row.locations.count else { return row.location }
        return row.locations[i]
    }

    /// Fields past the header that hold text: a sign of a comma that should have been quoted.
    func overflow(_ row: CSVTable.Row) -> SourceLocation? {
        guard row.fields.count > table.header.count else { return nil }
        for i in table.header.count..<row.fields.count where !row.fields[i].isEmpty { return row.locations[i] }
        return nil
    }

    /// `a|b|c` lists, with empty parts dropped.
    func list(_ column: String, _ row: CSVTable.Row) -> [String] {
        value(column, row).split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}
