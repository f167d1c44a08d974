import Foundation

/// WCAG 2.x contrast between sRGB colours, computed from their hex codes.
package enum Contrast {
    /// A colour as 0–255 sRGB channels; fractions come from mixing colours as browsers draw
    /// transparency (in sRGB, not in linear light).
    package struct Color: Sendable, Equatable {
        package var red, green, blue: Double

        package init(red: Double, green: Double, blue: Double) {
            (self.red, self.green, self.blue) = (red, green, blue)
        }

        /// `#rgb` or `#rrggbb`; nil for anything else.
        package init?(hex: String) {
            guard Palette.isColor(hex) else { return nil }
            var digits = Array(hex.dropFirst())
            if digits.count == 3 { digits = digits.flatMap { [$0, $0] } }
            let value = Int(String(digits), radix: 16)!
            self.init(red: Double(value >> 16 & 0xff), green: Double(value >> 8 & 0xff), blue: Double(value & 0xff))
        }

        package static let white = Color(red: 255, green: 255, blue: 255)
        package static let black = Color(red: 0, green: 0, blue: 0)

        /// This colour drawn at `opacity` over `below`.
        package func over(_ below: Color, opacity: Double) -> Color {
            Color(red: red * opacity + below.red * (1 - opacity), green: green * opacity + below.green * (1 - opacity),
                  blue: blue * opacity + below.blue * (1 - opacity))
        }

        /// Lowercase `#rrggbb`, channels rounded.
        package var hex: String {
            let digits = Array("0123456789abcdef")
            return "#" + [red, green, blue].map { channel in
                let byte = Int(channel.rounded())
                return String([digits[byte >> 4], digits[byte & 15]])
            }.joined()
        }

        /// WCAG 2.x relative luminance.
        package var luminance: Double {
            func linear(_ channel: Double) -> Double {
                let c = channel / 255
                return c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
            }
            return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)
        }
    }

    /// `(L1 + 0.05) / (L2 + 0.05)`, lighter over darker: 1 to 21.
    package static func ratio(_ a: Color, _ b: Color) -> Double {
        let (la, lb) = (a.luminance, b.luminance)
        return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
    }

    /// WCAG 2.x AA: body text 4.5:1; large text and the parts of controls 3:1.
    package static let text = 4.5
    package static let nonText = 3.0
}
