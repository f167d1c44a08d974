import Foundation
import CSV

/// CSV the way Excel on Chinese Windows opens it without asking: UTF-8 with a byte-order mark,
/// CRLF line ends, written by the CSV library (quoting as needed).
enum ExcelCSV {
    static func data(header: [String], rows: [[String]]) throws -> Data {
        let writer = try CSVWriter(stream: .toMemory(), newline: .crlf)
        try writer.write(row: header)
        for row in rows { try writer.write(row: row) }
        writer.stream.close()
        let body = writer.stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data ?? Data()
        return Data([0xEF, 0xBB, 0xBF]) + body + Data("\r\n".utf8)
    }
}
