/// A part of a whole as the report prints it: `1 / 5`, `20.0%`, and a bar 20.0 long out of 100
/// (members who chose of those eligible, the budget used of the budget planned). Integer
/// arithmetic rounded half up, so the same numbers always print the same.
package struct Share: Sendable, Equatable {
    package var part: Int64
    package var whole: Int64

    package init(_ part: Int64, of whole: Int64) {
        self.part = part
        self.whole = whole
    }

    package init(_ part: Int, of whole: Int) { self.init(Int64(part), of: Int64(whole)) }

    /// `1 / 5`
    package var fraction: String { "\(part) / \(whole)" }

    /// Tenths of a percent; nil when the whole is nothing.
    package var permille: Int64? { whole <= 0 ? nil : (part * 2000 + whole) / (2 * whole) }

    /// `20.0%`, or `—` when the whole is nothing.
    package var percent: String { permille.map { "\($0 / 10).\($0 % 10)%" } ?? "—" }

    /// The bar's length out of 100 (`20.0`), between 0 and 100.
    package var barWidth: String {
        let clamped = min(max(permille ?? 0, 0), 1000)
        return "\(clamped / 10).\(clamped % 10)"
    }
}
