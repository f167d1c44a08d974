import Foundation
import Testing
@testable import LanternModel

/// Every occasion has a preset (issue 12) whose colours meet WCAG AA for every pair of colours
/// lantern.css draws text and controls with, and lantern.css draws with no other.
@Suite struct PresetContrastTests {
    static let presets = Occasion.allCases.map(\.preset) + [OccasionPreset.neutral]
    static let art = TestSite.repository.appending(path: "templates/assets/art")
    static let css = TestSite.repository.appending(path: "templates/assets/lantern.css")

    /// The ratio formula, against values WCAG's own examples and common checkers give.
    @Test func theContrastFormulaIsWCAGs() throws {
        func ratio(_ a: String, _ b: String) throws -> Double {
            Contrast.ratio(try #require(Contrast.Color(hex: a)), try #require(Contrast.Color(hex: b)))
        }
        #expect(try ratio("#000", "#fff") == 21)
        #expect(try ratio("#fff", "#fff") == 1)
        #expect(try abs(ratio("#777777", "#ffffff") - 4.48) < 0.005)   // the classic just-fails grey
        #expect(try abs(ratio("#767676", "#ffffff") - 4.54) < 0.005)   // and the one that passes
        #expect(try abs(ratio("#c8553d", "#ffffff") - 4.35) < 0.005)   // the old birthday primary under white labels
        #expect(try ratio("#1f6f5c", "#f6f1e3") == ratio("#f6f1e3", "#1f6f5c"))
        #expect(Contrast.Color(hex: "#abc") == Contrast.Color(hex: "#aabbcc"))
        #expect(Contrast.Color(hex: "red") == nil && Contrast.Color(hex: "#12345") == nil)
        #expect(Contrast.Color.white.over(.black, opacity: 0.5).hex == "#808080")
    }

    @Test func everyOccasionHasItsOwnPreset() {
        #expect(Occasion.allCases.count == 13)
        for occasion in Occasion.allCases {
            #expect(occasion.preset.name == occasion.rawValue)
            #expect(OccasionPreset.of(occasion) == occasion.preset)
        }
        #expect(OccasionPreset.of(nil) == .neutral)
        #expect(Set(Self.presets.map(\.name)).count == Self.presets.count)
        #expect(Set(Self.presets.map(\.palette)).count == Self.presets.count, "two presets share a palette")
    }

    @Test(arguments: presets.map(\.name))
    func eachPresetMeetsAA(name: String) throws {
        let preset = try #require(Self.presets.first { $0.name == name })
        for pair in Palette.pairs {
            let ratio = pair.ratio(preset.palette)
            #expect(ratio >= pair.minimum, "\(name): \(pair.what) is \(ratio):1, needs \(pair.minimum)")
        }
        #expect(preset.palette.shortfalls().isEmpty)
    }

    /// 清明 is a day of remembrance: quiet colours, no red, no festive frame.
    @Test func qingmingIsRestrained() throws {
        let preset = Occasion.qingming.preset
        #expect(preset.tone == .sober)
        for color in [preset.palette.primary, preset.palette.accent] {
            let c = try #require(Contrast.Color(hex: color))
            let reddish = c.red > c.green * 1.25 && c.red > c.blue * 1.25
            #expect(!reddish, "\(color) is red")
            #expect(max(c.red, c.green, c.blue) - min(c.red, c.green, c.blue) < 60, "\(color) is not muted")
        }
        let ornament = try String(contentsOf: Self.art.appending(path: preset.ornament), encoding: .utf8)
        for festive in ["#b3261e", "#c8281e", "#d9a441", "#e0b44c", "#f2c14e"] { #expect(!ornament.lowercased().contains(festive)) }
        #expect(Self.presets.filter { $0.tone == .sober }.map(\.name) == ["qingming"])
    }

    /// Art is decoration: small hand-written SVG with no text, hidden from screen readers.
    @Test(arguments: presets.map(\.name))
    func eachPresetHasSmallDecorativeArt(name: String) throws {
        let preset = try #require(Self.presets.first { $0.name == name })
        for file in [preset.art, preset.ornament] {
            let data = try Data(contentsOf: Self.art.appending(path: file))
            let svg = try #require(String(data: data, encoding: .utf8))
            #expect(data.count < 3000, "\(file) is \(data.count) bytes")
            #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""), "\(file)")
            #expect(svg.contains("aria-hidden=\"true\""), "\(file)")
            for tag in ["<text", "<title", "<desc", "<script", "<image", "href=\"http", "<foreignObject"] {
                #expect(!svg.contains(tag), "\(file) has \(tag)")
            }
        }
    }

    /// The site's own colours (portal, care menu) are lantern.css's `:root`, and meet AA too; the
    /// constants the pairs are computed with are the ones lantern.css uses.
    @Test func theSiteColoursAreLanternCSSRootAndMeetAA() throws {
        let root = try #require(CSSRules.parse(try String(contentsOf: Self.css, encoding: .utf8)).first { $0.selector == ":root" })
        let palette = Palette()
        for key in Palette.keys { #expect(root["--\(key)"]?.split(separator: " ").first.map(String.init) == palette[key], "--\(key)") }
        #expect(root["--on-primary"] == Palette.onPrimary)
        #expect(root["--surface"] == "rgba(255, 255, 255, \(String(Palette.surfaceOpacity).dropFirst()))")
        #expect(root["--paper"] == palette.surface.hex)
        #expect(palette.shortfalls().isEmpty)
    }

    /// Every colour lantern.css draws text with is one the pairs check, and every transparency on
    /// text keeps `ink` at AA over every preset's page and cards. Print (ink on white) is left out.
    @Test func lanternCSSDrawsTextOnlyWithCheckedColours() throws {
        let rules = CSSRules.parse(try String(contentsOf: Self.css, encoding: .utf8)).filter { !$0.media.contains { $0.contains("print") } }
        let palettes = Self.presets.map(\.palette) + [Palette()]
        let checked: Set<String> = ["var(--ink)", "var(--primary)", "var(--on-primary)", "inherit", "currentcolor", Palette.alert]
        var texts = 0, fades = 0
        for rule in rules {
            if let color = rule["color"]?.lowercased() {
                texts += 1
                if rule.selector.contains(":disabled") { continue }  // WCAG exempts inactive controls
                if let own = (rule["background"] ?? rule["background-color"]).flatMap(Contrast.Color.init(hex:)),
                   let text = Contrast.Color(hex: color) {
                    #expect(Contrast.ratio(text, own) >= Contrast.text, "\(rule.selector): \(color) on its own background")
                } else {
                    #expect(checked.contains(color), "\(rule.selector) draws text in \(color), which no contrast pair checks")
                }
            }
            if let value = rule["opacity"], let opacity = Double(value), opacity < 1,
               !rule.selector.contains("::before"), !rule.selector.contains("::after"), !rule.selector.contains(":disabled") {
                fades += 1
                for palette in palettes {
                    for (name, below) in [("page", palette.color(\.background)), ("cards", palette.surface)] {
                        let ratio = Contrast.ratio(palette.color(\.ink).over(below, opacity: opacity), below)
                        #expect(ratio >= Contrast.text, "\(rule.selector): ink at \(value) on \(name) of \(palette.background) is \(ratio):1")
                    }
                }
            }
        }
        #expect(texts > 10 && fades > 2, "the parser found \(texts) text colours and \(fades) transparencies")
    }
}

/// Just enough of CSS to read lantern.css's rules: comments dropped, each innermost block with
/// its selector, declarations and the at-rules around it.
struct CSSRules {
    var selector: String
    var declarations: [String: String]
    var media: [String]

    subscript(property: String) -> String? { declarations[property] }

    static func parse(_ css: String) -> [CSSRules] {
        var text = css
        while let open = text.range(of: "/*"), let close = text.range(of: "*/", range: open.upperBound..<text.endIndex) {
            text.removeSubrange(open.lowerBound..<close.upperBound)
        }
        var rules: [CSSRules] = []
        var stack: [String] = []
        var buffer = ""
        for character in text {
            switch character {
            case "{":
                stack.append(buffer.trimmingCharacters(in: .whitespacesAndNewlines))
                buffer = ""
            case "}":
                let body = buffer.trimmingCharacters(in: .whitespacesAndNewlines)
                if let selector = stack.popLast(), !body.isEmpty {
                    var declarations: [String: String] = [:]
                    for declaration in body.split(separator: ";") {
                        guard let colon = declaration.firstIndex(of: ":") else { continue }
                        let value = declaration[declaration.index(after: colon)...].replacingOccurrences(of: "!important", with: "")
                        declarations[declaration[..<colon].trimmingCharacters(in: .whitespacesAndNewlines)] =
                            value.trimmingCharacters(in: .whitespacesAndNewlines)
                    }
                    rules.append(CSSRules(selector: selector, declarations: declarations, media: stack))
                }
                buffer = ""
            default:
                buffer.append(character)
            }
        }
        return rules
    }
}
