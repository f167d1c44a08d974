/// A member's roster id (`E1001`). Never appears in a URL.
package struct MemberID: Hashable, Comparable, Sendable, CustomStringConvertible {
    package let rawValue: String
    package init(_ rawValue: String) { self.rawValue = rawValue }
    package var description: String { rawValue }
    package static func < (a: MemberID, b: MemberID) -> Bool { a.rawValue < b.rawValue }
}

/// A catalog stock-keeping unit (`DB-001`).
package struct SKU: Hashable, Comparable, Sendable, CustomStringConvertible {
    package let rawValue: String
    package init(_ rawValue: String) { self.rawValue = rawValue }
    package var description: String { rawValue }
    package static func < (a: SKU, b: SKU) -> Bool { a.rawValue < b.rawValue }
}

/// A theme's or menu package's URL name: its file name without `.md`.
package struct Slug: Hashable, Comparable, Sendable, CustomStringConvertible {
    package let rawValue: String
    package init(_ rawValue: String) { self.rawValue = rawValue }
    package var description: String { rawValue }
    package static func < (a: Slug, b: Slug) -> Bool { a.rawValue < b.rawValue }

    /// Slugs become folder names in `public/`: lower-case ASCII letters, digits and `-` only.
    package static func isValid(_ text: String) -> Bool {
        !text.isEmpty && text.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-"
        }
    }
}
