import LanternModel

/// Parsers for values users type into CSV and YAML, each reporting what was wrong and how to fix it.
enum FieldParsers {
    static func hasFullWidthDigits(_ text: String) -> Bool {
        text.unicodeScalars.contains { (0xFF10...0xFF19).contains($0.value) || $0 == "\u{FF0E}" || $0 == "\u{FF0D}" }
    }

    static func money(_ text: String, field: String, at location: SourceLocation, into diagnostics: inout Diagnostics) -> Money? {
        if let money = Money(yuan: text) { return money }
        let hint: String
        if text.isEmpty {
            hint = "write the price in yuan, e.g. 128.00"
        } else if hasFullWidthDigits(text) {
            hint = "the value uses full-width digits (全角); type half-width digits like 128.00"
        } else if text.hasPrefix("-") {
            hint = "prices and budgets cannot be negative"
        } else {
            hint = "write yuan with at most two decimals, digits only, e.g. 128, 128.5 or 128.50 (no ¥, no thousands separator)"
        }
        diagnostics.error("bad \(field) `\(text)`", at: location, hint: hint)
        return nil
    }

    static func day(_ text: String, field: String, at location: SourceLocation, into diagnostics: inout Diagnostics) -> Day? {
        if let day = Day(text) { return day }
        let hint = hasFullWidthDigits(text)
            ? "the date uses full-width digits (全角); type half-width digits, e.g. 1988-06-01"
            : "write dates as YYYY-MM-DD with a real day, e.g. 1988-06-01 (in Excel, format the column as text)"
        diagnostics.error("bad \(field) `\(text)`", at: location, hint: hint)
        return nil
    }

    static func bool(_ text: String) -> Bool? {
        switch text.lowercased() {
        case "", "true", "yes", "y", "1", "是": true
        case "false", "no", "n", "0", "否": false
        default: nil
        }
    }
}
