/// An amount of renminbi held as integer fen (分): no floating point touches a price or a budget.
package struct Money: Hashable, Comparable, Sendable, CustomStringConvertible {
    package var fen: Int64

    package init(fen: Int64) { self.fen = fen }
    package init(yuan: Int64) { self.fen = yuan * 100 }

    package static let zero = Money(fen: 0)

    package static func < (a: Money, b: Money) -> Bool { a.fen < b.fen }
    package static func + (a: Money, b: Money) -> Money { Money(fen: a.fen + b.fen) }

    /// `¥128.00`: always two decimals, as shops print prices.
    package var description: String {
        let sign = fen < 0 ? "-" : ""
        let abs = fen.magnitude
        let cents = abs % 100
        return "\(sign)¥\(abs / 100).\(cents < 10 ? "0" : "")\(cents)"
    }

    /// Reads yuan as written by people and spreadsheets: `128`, `128.5`, `128.50`.
    ///
    /// Refuses more than two decimals, signs, exponents, thousands separators and anything else,
    /// so that no amount is ever rounded silently.
    package init?(yuan text: String) {
        let parts = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let whole = parts[0]
        let fraction = parts.count > 1 ? parts[1] : ""
        let isDigits = { (s: Substring) in s.allSatisfy { $0.isASCII && $0.isNumber } }
        guard !whole.isEmpty, whole.count <= 12, isDigits(whole), isDigits(fraction), fraction.count <= 2,
              parts.count == 1 || !fraction.isEmpty,
              let yuan = Int64(whole), let cents = Int64(fraction.padding(toLength: 2, withPad: "0", startingAt: 0))
        else { return nil }
        self.fen = yuan * 100 + cents
    }
}

extension Money {
    /// `200` or `128.50`: how a budget is written in YAML.
    package var plainYuan: String {
        let cents = fen % 100
        return cents == 0 ? "\(fen / 100)" : "\(fen / 100).\(cents < 10 ? "0" : "")\(cents)"
    }

    /// `128.00`: always two decimals and no `¥`, as a spreadsheet column of amounts that sums.
    package var decimalYuan: String {
        let cents = fen.magnitude % 100
        return "\(fen < 0 ? "-" : "")\(fen.magnitude / 100).\(cents < 10 ? "0" : "")\(cents)"
    }
}
