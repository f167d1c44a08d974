/// The look an occasion starts from: colours, art and type treatment. A theme wears its
/// occasion's preset with no other key; its `palette:` keys and `art:` override. A theme given
/// by `date:` (no occasion) wears `neutral`. The art files are the sample site's
/// `templates/assets/art/<name>.svg` and `<name>-ornament.svg`; `lantern new theme --occasion`
/// starts from this table too.
package struct OccasionPreset: Sendable, Equatable {
    /// How festive the page is. `festive`: double gold frame and ornaments; `warm`: a softer
    /// single frame; `sober`: no ornament on the frame, quiet colours (清明, letters).
    package enum Tone: String, Sendable, CaseIterable {
        case festive, warm, sober
    }

    /// The occasion's key, or `default`; the art files are named after it.
    package let name: String
    package let palette: Palette
    package let tone: Tone
    /// What the art shows, for people choosing a preset (README, `lantern new theme`).
    package let motif: String

    /// The header illustration, drawn across the top of the card and the shop.
    package var art: String { "\(name).svg" }
    /// The small ornament on the card's frame and the page's footer.
    package var ornament: String { "\(name)-ornament.svg" }

    init(_ name: String, _ tone: Tone, primary: String, accent: String, background: String, ink: String, motif: String) {
        self.name = name
        self.tone = tone
        palette = Palette(primary: primary, accent: accent, background: background, ink: ink)
        self.motif = motif
    }

    /// For a theme with a custom `date:`: calm slate blue, warm type.
    package static let neutral = OccasionPreset("default", .warm, primary: "#3d5a80", accent: "#98c1d9", background: "#f6f8fa",
                                                ink: "#1f2933", motif: "丝带与礼盒")

    /// The preset of `occasion`, or `neutral` for none.
    package static func of(_ occasion: Occasion?) -> OccasionPreset { occasion?.preset ?? neutral }
}

extension Occasion {
    package var preset: OccasionPreset {
        switch self {
        case .newYear:
            OccasionPreset(rawValue, .festive, primary: "#1f4e8c", accent: "#e0b44c", background: "#f7f9fd", ink: "#1a2233",
                           motif: "夜空烟花")
        case .springFestival:
            OccasionPreset(rawValue, .festive, primary: "#b3261e", accent: "#d9a441", background: "#fff6ea", ink: "#2b1d16",
                           motif: "红灯笼、梅花与中国结")
        case .lanternFestival:
            OccasionPreset(rawValue, .festive, primary: "#b8401c", accent: "#e5b03a", background: "#fff7ec", ink: "#2d1a12",
                           motif: "一串花灯、圆月与汤圆")
        case .womensDay:
            OccasionPreset(rawValue, .warm, primary: "#a23b5e", accent: "#e8a0b4", background: "#fbf1f4", ink: "#3b1f2b",
                           motif: "花束与丝带")
        case .qingming:
            OccasionPreset(rawValue, .sober, primary: "#3f5e55", accent: "#a9b8a6", background: "#f4f5f1", ink: "#26302c",
                           motif: "柳枝、细雨与远山")
        case .labourDay:
            OccasionPreset(rawValue, .festive, primary: "#a8461a", accent: "#f0b429", background: "#fff8ed", ink: "#2b1e14",
                           motif: "朝阳与麦穗")
        case .dragonBoat:
            OccasionPreset(rawValue, .festive, primary: "#1f6f5c", accent: "#d9a441", background: "#f6f1e3", ink: "#1d2a26",
                           motif: "龙舟、水波与粽子")
        case .qixi:
            OccasionPreset(rawValue, .warm, primary: "#5b3f8c", accent: "#e6a5c0", background: "#f7f3fb", ink: "#261d33",
                           motif: "银河、双星与鹊桥")
        case .midAutumn:
            OccasionPreset(rawValue, .warm, primary: "#2e4a7d", accent: "#e3b448", background: "#fbf6ea", ink: "#1f2533",
                           motif: "圆月、桂枝与月饼")
        case .doubleNinth:
            OccasionPreset(rawValue, .warm, primary: "#8c5a14", accent: "#e0a526", background: "#fdf8ec", ink: "#2e2414",
                           motif: "远山与菊花")
        case .nationalDay:
            OccasionPreset(rawValue, .festive, primary: "#c0262d", accent: "#f4c430", background: "#fff7f0", ink: "#2b1616",
                           motif: "灯笼、烟花与彩带")
        case .newYearsEve:
            OccasionPreset(rawValue, .festive, primary: "#9e1b1b", accent: "#d9a441", background: "#fff4e6", ink: "#2b1712",
                           motif: "鞭炮、饺子与烟花")
        case .birthday:
            OccasionPreset(rawValue, .warm, primary: "#b2432b", accent: "#f2a65a", background: "#fff6ec", ink: "#3a2418",
                           motif: "蛋糕、蜡烛与气球")
        }
    }
}
