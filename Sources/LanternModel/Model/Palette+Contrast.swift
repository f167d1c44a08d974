/// The colour pairs `templates/assets/lantern.css` draws text and controls with, so a palette
/// can be held to WCAG AA before a page shows it. A test reads lantern.css and fails when it
/// draws text with a colour, a transparency or a card surface these pairs do not cover.
extension Palette {
    /// Button labels and the header's site name, on `primary`.
    package static let onPrimary = "#fff"
    /// Cards are white at this opacity over `background` (`--surface`).
    package static let surfaceOpacity = 0.65
    /// Quiet text (dates, notes, the footer) is `ink` at this opacity.
    package static let quietOpacity = 0.85
    /// Warnings in the page (over budget, an item the member can no longer afford).
    package static let alert = "#8c1d18"

    package struct Pair: Sendable {
        /// What is drawn on what, for messages.
        package let what: String
        /// The palette keys the pair depends on: changing any of them changes the ratio.
        package let keys: [String]
        package let minimum: Double
        let colors: @Sendable (Palette) -> (Contrast.Color, Contrast.Color)

        package func ratio(_ palette: Palette) -> Double {
            let (foreground, background) = colors(palette)
            return Contrast.ratio(foreground, background)
        }
    }

    package static let pairs: [Pair] = {
        let page: (String, @Sendable (Palette) -> Contrast.Color) = ("the page (`background`)", { $0.color(\.background) })
        let card: (String, @Sendable (Palette) -> Contrast.Color) = ("cards (white at 65 % over `background`)", { $0.surface })
        var pairs: [Pair] = []
        for (name, below) in [page, card] {
            pairs += [
                Pair(what: "text (`ink`) on \(name)", keys: ["ink", "background"], minimum: Contrast.text) { ($0.color(\.ink), below($0)) },
                Pair(what: "quiet text (`ink` at 85 %) on \(name)", keys: ["ink", "background"], minimum: Contrast.text) {
                    ($0.color(\.ink).over(below($0), opacity: quietOpacity), below($0))
                },
                Pair(what: "links, prices and titles (`primary`) on \(name)", keys: ["primary", "background"], minimum: Contrast.text) {
                    ($0.color(\.primary), below($0))
                },
                Pair(what: "warnings (\(alert)) on \(name)", keys: ["background"], minimum: Contrast.text) { (Contrast.Color(hex: alert)!, below($0)) },
            ]
        }
        pairs += [
            Pair(what: "button labels and the page header (white) on `primary`", keys: ["primary"], minimum: Contrast.text) {
                (Contrast.Color(hex: onPrimary)!, $0.color(\.primary))
            },
            Pair(what: "the ticked item's border and box (`primary`) on cards", keys: ["primary", "background"], minimum: Contrast.nonText) {
                ($0.color(\.primary), $0.surface)
            },
            Pair(what: "form field edges and the focus ring (`ink`) on the page", keys: ["ink", "background"], minimum: Contrast.nonText) {
                ($0.color(\.ink), $0.color(\.background))
            },
        ]
        return pairs
    }()

    /// A pair below its minimum, and its ratio.
    package struct Shortfall: Sendable {
        package let pair: Pair
        package let ratio: Double
    }

    /// The pairs this palette draws below WCAG AA.
    package func shortfalls() -> [Shortfall] {
        Self.pairs.compactMap { pair in
            let ratio = pair.ratio(self)
            return ratio < pair.minimum ? Shortfall(pair: pair, ratio: ratio) : nil
        }
    }

    /// A colour for `key` near the current one (darker text and `primary`, lighter `background`)
    /// with which every pair depending on `key` passes; nil when none does.
    package func suggestion(for key: String) -> String? {
        guard let slot = Self.keys.firstIndex(of: key).map({ Self.slots[$0] }), key != "accent" else { return nil }
        let toward = key == "background" ? Contrast.Color.white : Contrast.Color.black
        let start = color(slot)
        for step in 1...100 {
            var candidate = self
            candidate[keyPath: slot] = toward.over(start, opacity: Double(step) / 100).hex
            if candidate.shortfalls().allSatisfy({ !$0.pair.keys.contains(key) }) { return candidate[keyPath: slot] }
        }
        return nil
    }

    /// The colour in `slot`; black for a colour that is not hex, which loading refuses first.
    func color(_ slot: KeyPath<Palette, String>) -> Contrast.Color { Contrast.Color(hex: self[keyPath: slot]) ?? .black }

    /// The colour of cards: white at `surfaceOpacity` over `background` (`--paper` in CSS).
    package var surface: Contrast.Color { Contrast.Color.white.over(color(\.background), opacity: Self.surfaceOpacity) }
}
