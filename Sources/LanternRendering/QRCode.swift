import CQRencode

/// QR codes as inline SVG through libqrencode. The only file that imports the C library.
///
/// Error correction is level M (15 % of the symbol may be lost: a fold or a smudge on a printed
/// sheet), the text is encoded case-sensitively with 8-bit mode for anything that is not a
/// digit or an upper-case letter, and the smallest version that holds it is chosen.
enum QRCode {
    /// Light modules around the symbol, as the QR standard asks for.
    static let quietZone = 4

    /// One `<svg>` element: a white square and one `<path>` of the dark modules, one unit per
    /// module, `viewBox` only (size it with CSS), no external references. Same text, same bytes.
    ///
    /// Returns `nil` when libqrencode cannot encode the text: it is empty, or longer than the
    /// largest symbol holds (2,331 bytes at level M).
    static func svg(_ text: String) -> String? {
        guard let modules = modules(text) else { return nil }
        let size = modules.count + 2 * quietZone
        var path = ""
        for (y, row) in modules.enumerated() {
            var x = 0
            while x < row.count {
                guard row[x] else { x += 1; continue }
                let start = x
                while x < row.count && row[x] { x += 1 }
                // A run of dark modules in one row: one rectangle, one unit high.
                path += "M\(start + quietZone) \(y + quietZone)h\(x - start)v1h-\(x - start)z"
            }
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(size) \(size)\" shape-rendering=\"crispEdges\">"
            + "<rect width=\"\(size)\" height=\"\(size)\" fill=\"#fff\"/><path fill=\"#000\" d=\"\(path)\"/></svg>"
    }

    /// The symbol without its quiet zone: rows of modules, `true` for dark.
    static func modules(_ text: String) -> [[Bool]]? {
        guard let code = QRcode_encodeString(text, 0, QR_ECLEVEL_M, QR_MODE_8, 1) else { return nil }
        defer { QRcode_free(code) }
        let width = Int(code.pointee.width)
        let data = code.pointee.data!
        // Bit 0 of each byte is the module's colour; the other bits say what kind of module it is.
        return (0..<width).map { y in (0..<width).map { x in data[y * width + x] & 1 == 1 } }
    }
}
