/// Characters refused in CSV fields: invisible ones that change what a value is or how it reads.
///
/// Refused (errors, like any other bad field):
/// - C0 control characters U+0000–U+001F except tab, and DEL U+007F. A NUL ends the string in
///   C programs and mail-merge tools; the others print as nothing or as boxes. Line breaks
///   (CR, LF) inside a quoted field are the value's own line breaks and stay; outside quotes
///   they end the row, so a field never holds one.
/// - C1 control characters U+0080–U+009F: no one types them; they are the trace of text decoded
///   with the wrong encoding (Windows-1252 quotes read as Latin-1), so the value is damaged.
/// - The bidirectional embeddings, overrides and isolates U+202A–U+202E and U+2066–U+2069:
///   they make a name or an item display in another order than it is stored (the "Trojan
///   Source" trick), in the audit, in links.csv and on pages. Right-to-left names (Uyghur,
///   Arabic) display correctly without them; the marks U+200E/U+200F are not refused.
/// - U+FEFF after the start of the file: a byte-order mark left where two files were joined.
enum CSVFieldCharacters {
    /// Why `scalar` may not stand in a field, or nil when it may. `quoted`: inside double quotes.
    static func problem(_ scalar: Unicode.Scalar, quoted: Bool) -> (message: String, hint: String)? {
        let v = scalar.value
        if v >= 0x20 && v < 0x7F { return nil }
        switch v {
        case 0x09: return nil
        case 0x0A where quoted, 0x0D where quoted: return nil
        case 0x00...0x1F, 0x7F:
            return ("control character \(code(scalar)) (\(controlNames[Int(v)] ?? "DEL")) in a field",
                    "remove it: it is invisible in Excel, and some programs cut the text at it or print it as a box")
        case 0x80...0x9F:
            return ("C1 control character \(code(scalar)) in a field",
                    "it is left over from text decoded with the wrong encoding (e.g. Windows-1252 read as Latin-1); retype the value")
        case 0x202A...0x202E, 0x2066...0x2069:
            return ("invisible direction control \(code(scalar)) (\(scalar.properties.name ?? "")) in a field",
                    "it makes the text display in another order than it is stored, so one name or item can pass for another; remove it")
        case 0xFEFF:
            return ("byte-order mark U+FEFF inside the file",
                    "it belongs only at the very start of a file: were two files joined? Remove it")
        default: return nil
        }
    }

    private static func code(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    private static let controlNames: [Int: String] = Dictionary(uniqueKeysWithValues: [
        "NUL", "SOH", "STX", "ETX", "EOT", "ENQ", "ACK", "BEL", "BS", "TAB", "LF", "VT", "FF", "CR", "SO", "SI",
        "DLE", "DC1", "DC2", "DC3", "DC4", "NAK", "SYN", "ETB", "CAN", "EM", "SUB", "ESC", "FS", "GS", "RS", "US",
    ].enumerated().map { ($0.offset, $0.element) })
}
