import Foundation

/// CSV the way Excel on Chinese Windows opens it without asking: UTF-8 with a byte-order mark,
/// CRLF line ends, a field quoted when it holds a comma, a quote or a line break (RFC 4180).
///
/// Written here rather than by the CSV library, whose writer tests each field with five
/// Foundation searches and writes it one scalar at a time: 0.3 s for 10,000 links, seconds at
/// 100,000, all on the build's last, single-threaded stage. It also compares by Character, so
/// a quote followed by a combining mark went out unquoted. Reading stays with the library, and
/// `ExcelCSVTests` reads every file written here back with it.
///
/// Every CSV Lantern writes comes through here, so this is where values from the catalog and
/// the roster are kept from running as formulas (OWASP, "CSV Injection"): a field starting with
/// `=`, `+`, `-`, `@`, a tab or a carriage return is written as `"'…"`, which Excel and
/// LibreOffice show as text. The full-width ＝ ＋ － ＠ get the same, as East Asian Excel may turn
/// them into their ASCII forms. A phone number `+8613800000000` comes out as `'+8613800000000`:
/// text, as a phone number should be. Lantern writes no negative numbers (prices are never
/// below zero), so no number loses its sign.
package enum ExcelCSV {
    package static func data(header: [String], rows: [[String]]) throws -> Data {
        var out: [UInt8] = [0xEF, 0xBB, 0xBF]
        out.reserveCapacity(64 * (rows.count + 1))
        for row in [header] + rows {
            for (index, field) in row.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                append(field, to: &out)
            }
            out += [0x0D, 0x0A]
        }
        return Data(out)
    }

    private static func append(_ field: String, to out: inout [UInt8]) {
        let formula = startsLikeAFormula(field)
        let quoted = formula || field.utf8.contains { $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: ",") || $0 == 0x0D || $0 == 0x0A }
        guard quoted else { out += field.utf8; return }
        out.append(UInt8(ascii: "\""))
        if formula { out.append(UInt8(ascii: "'")) }
        for byte in field.utf8 {
            out.append(byte)
            if byte == UInt8(ascii: "\"") { out.append(byte) }
        }
        out.append(UInt8(ascii: "\""))
    }

    /// Whether a spreadsheet would read `field` as a formula: its first character is one of
    /// = + - @ tab CR, or a full-width ＝ ＋ － ＠ (U+FF1D, U+FF0B, U+FF0D, U+FF20; UTF-8 EF BC …).
    static func startsLikeAFormula(_ field: String) -> Bool {
        var bytes = field.utf8.makeIterator()
        switch bytes.next() {
        case UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D: return true
        case 0xEF: return bytes.next() == 0xBC && [0x9D, 0x8B, 0x8D, 0xA0].contains(bytes.next())
        default: return false
        }
    }
}
