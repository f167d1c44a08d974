import CSV

/// A CSV file parsed by the CSV library, with the line and column of every field kept for diagnostics.
struct CSVTable {
    struct Row {
        var fields: [String]
        var locations: [SourceLocation]
        var location: SourceLocation { locations.first ?? SourceLocation(file: "") }
    }

    var path: String
    var header: [String]
    var headerLocations: [SourceLocation]
    var rows: [Row]

    /// Parses `file`; a header is required, fully empty rows are skipped, quoting the library
    /// would have accepted silently but read differently is an error.
    static func parse(_ file: TextFile) throws(DiagnosticsError) -> CSVTable {
        let path = file.displayPath
        let reader: CSVReader
        do { reader = try CSVReader(string: file.text, hasHeaderRow: false) } catch {
            throw DiagnosticsError([.error("cannot read CSV: \(error)", at: SourceLocation(file: path))])
        }
        var tracker = CSVPositionTracker(text: file.text, path: path)
        var parsed: [Row] = []
        while let fields = reader.next() {
            let locations = try tracker.consume(row: fields)
            parsed.append(Row(fields: fields, locations: locations))
        }
        guard let first = parsed.first, !first.fields.allSatisfy(\.isEmpty) else {
            throw DiagnosticsError([.error("CSV file has no header row", at: SourceLocation(file: path),
                                           hint: "the first line names the columns, e.g. sku,name,category,price")])
        }
        let body = parsed.dropFirst().filter { !$0.fields.allSatisfy { CSVColumns.trimmed($0).isEmpty } }
        return CSVTable(path: path, header: first.fields.map { $0.trimmingCharacters(in: .whitespaces) },
                        headerLocations: first.locations, rows: Array(body))
    }
}
