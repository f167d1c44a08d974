import CSV
import LanternModel

/// A CSV file parsed by the CSV library, with the line and column of every field kept for diagnostics.
struct CSVTable {
    struct Row {
        var fields: [String]
        var locations: [SourceLocation]
        var location: SourceLocation { locations.first ?? SourceLocation(file: "") }
    }

    var path: String
    /// `,`, or a tab for Excel's 「Unicode 文本」: decided from the header line.
    var delimiter: Unicode.Scalar
    var header: [String]
    var headerLocations: [SourceLocation]
    var rows: [Row]
    /// How the file was decoded (warnings) and the characters its fields may not hold (errors);
    /// `CSVColumns` hands them to the loader, which reports them with its own.
    var diagnostics: [Diagnostic]

    /// Parses `file`; a header is required, fully empty rows are skipped, quoting the library
    /// would have accepted silently but read differently is an error.
    static func parse(_ file: TextFile) throws(DiagnosticsError) -> CSVTable {
        let path = file.displayPath
        let delimiter = delimiter(ofHeaderIn: file.text)
        let reader: CSVReader
        do { reader = try CSVReader(string: file.text, hasHeaderRow: false, delimiter: delimiter) } catch {
            throw DiagnosticsError([.error("cannot read CSV: \(error)", at: SourceLocation(file: path))])
        }
        var tracker = CSVPositionTracker(text: file.text, path: path, delimiter: delimiter)
        var parsed: [Row] = []
        while let fields = reader.next() {
            let locations = try tracker.consume(row: fields)
            parsed.append(Row(fields: fields, locations: locations))
        }
        guard let first = parsed.first, !first.fields.allSatisfy(\.isEmpty) else {
            throw DiagnosticsError([.error("CSV file has no header row", at: SourceLocation(file: path),
                                           hint: "the first line names the columns, e.g. sku,name,category,price")])
        }
        var diagnostics = file.warnings + tracker.characterProblems
        if tracker.unreportedFields > 0 {
            diagnostics.append(.error("\(tracker.unreportedFields) more fields hold characters like these", at: SourceLocation(file: path),
                                      hint: "the file may be damaged or in another encoding; the first \(CSVPositionTracker.reportedFields) are listed above"))
        }
        let body = parsed.dropFirst().filter { !$0.fields.allSatisfy { CSVColumns.trimmed($0).isEmpty } }
        return CSVTable(path: path, delimiter: delimiter, header: first.fields.map { $0.trimmingCharacters(in: .whitespaces) },
                        headerLocations: first.locations, rows: Array(body), diagnostics: diagnostics)
    }

    /// A tab when the header line (up to its first line break outside quotes) holds more tabs
    /// than commas, as Excel's 「Unicode 文本」 writes it; a comma otherwise.
    static func delimiter(ofHeaderIn text: String) -> Unicode.Scalar {
        var commas = 0, tabs = 0, quoted = false
        for s in text.unicodeScalars {
            switch s {
            case "\"": quoted.toggle()
            case "\n" where !quoted, "\r" where !quoted: return tabs > commas ? "\t" : ","
            case "," where !quoted: commas += 1
            case "\t" where !quoted: tabs += 1
            default: break
            }
        }
        return tabs > commas ? "\t" : ","
    }
}
