import LanternModel

/// A theme file as `lantern new theme` writes it: the occasion's date rule and day, the window,
/// a budget within the policy's cap (the cap named in a comment), the tags, the preset spelled
/// out in comments for the author to override, and a greeting in the occasion's tone.
struct ThemeDraft {
    var occasion: Occasion
    /// The festival's Gregorian year; nil for birthdays.
    var year: Int?
    /// The festival's day in `year`; nil for birthdays.
    var day: Day?
    var rule: Policy.Rule
    var policy: Policy
    /// The policy file, as the comments name it.
    var policyPath: String

    /// The budget a draft starts with, unless the policy's cap is lower.
    static let defaultBudget = Money(yuan: 200)

    var budget: Money { min(rule.cap ?? Self.defaultBudget, Self.defaultBudget) }

    /// Days the shop opens before and closes after the day: two weeks ahead for the festivals
    /// whose gifts are delivered, a week for 清明 and 三八, a week either side of a birthday.
    var window: (opens: Int, closes: Int) {
        switch occasion {
        case .birthday: (7, 7)
        case .qingming, .womensDay: (7, 3)
        default: (14, 7)
        }
    }

    var title: String {
        let draft = GreetingDraft.of(occasion)
        return occasion == .birthday ? "生日快乐 · \(draft.phrase)" : "\(year!) \(occasion.chineseName) · \(draft.phrase)"
    }

    var text: String {
        let draft = GreetingDraft.of(occasion)
        let preset = occasion.preset
        let (opens, closes) = window
        var lines = ["---", "# 由 lantern new theme 按「\(occasion.chineseName)」预设生成的草稿：改好标题、预算和贺卡文字后运行 lantern check。",
                     "title: \(title)"]
        if let year, let day {
            lines.append(pad("occasion: \(occasion.rawValue)", "\(Self.rule(occasion))；\(year) 年是 \(Self.date(day, year: year))（已核对的日历表）"))
            lines.append("year: \(year)")
            lines.append(pad("opens: \(opens)", "\(Self.date(day.adding(days: -opens), year: year)) 开放选礼 …"))
            lines.append(pad("closes: \(closes)", "… \(Self.date(day.adding(days: closes), year: year)) 关闭"))
        } else {
            lines.append(pad("occasion: \(occasion.rawValue)", Self.rule(occasion)))
            lines.append(pad("opens: \(opens)", "生日前 \(opens) 天开放选礼 …"))
            lines.append(pad("closes: \(closes)", "… 生日后 \(closes) 天关闭"))
        }
        lines.append(pad("budget: \(budget.plainYuan)", "元/人；\(capNote)"))
        if let annual = policy.annualCap, rule.festival {
            lines.append("# 年度上限：政策每人每年节日合计不超过 \(annual.plainYuan) 元（annual_cap），同一年各节日主题的 budget 相加计算。")
        }
        if occasion == .womensDay {
            lines += ["audience:", pad("  gender: F", "三八节面向女职工")]
        } else {
            lines.append("# audience: { gender: F, departments: [研发中心], tags: [frontline] }   # 可选：只面向部分会员")
        }
        lines.append(pad("tags: [\(occasion.rawValue)]", "catalog.csv 的 tags 列含此标签的商品进入本专区"))
        lines.append("summary: \(draft.summary)")
        lines.append("# 预设「\(preset.name)」：\(Self.tone(preset.tone))；插图：\(preset.motif)（templates/assets/art/\(preset.art)）。")
        lines.append("# 改色时取消注释并修改，未写的键沿用预设；文字对比度须达 WCAG AA，lantern check 会检查：")
        lines += ["# palette:", "#   primary: \"\(preset.palette.primary)\"", "#   accent: \"\(preset.palette.accent)\"",
                  "#   background: \"\(preset.palette.background)\"", "#   ink: \"\(preset.palette.ink)\"",
                  "# art: \(preset.art)   # 换成 templates/assets/art/ 下自己的 SVG；写 `art:` 不带值则不用插图"]
        lines += ["---", "", draft.greeting, ""]
        return lines.joined(separator: "\n")
    }

    private var capNote: String {
        let file = "政策「\(policy.name)」（\(policyPath)）"
        guard let cap = rule.cap else { return "\(file)对 \(occasion.rawValue) 未设单次上限" }
        return "上限 \(cap.plainYuan) 元：\(file)对 \(occasion.rawValue) 的 cap"
    }

    /// `key: value` with its comment in a column, as the sample themes align them.
    private func pad(_ entry: String, _ comment: String) -> String {
        let width = entry.unicodeScalars.reduce(0) { $0 + ($1.value > 0x2E7F ? 2 : 1) }
        return entry + String(repeating: " ", count: max(1, 24 - width)) + "# " + comment
    }

    /// How the calendar finds the occasion's day, in words.
    static func rule(_ occasion: Occasion) -> String {
        switch occasion {
        case .newYear: "公历 1月1日"
        case .womensDay: "公历 3月8日"
        case .labourDay: "公历 5月1日"
        case .nationalDay: "公历 10月1日"
        case .qingming: "节气清明（太阳到达黄经 15°）"
        case .springFestival: "农历正月初一"
        case .lanternFestival: "农历正月十五"
        case .dragonBoat: "农历五月初五"
        case .qixi: "农历七月初七"
        case .midAutumn: "农历八月十五"
        case .doubleNinth: "农历九月初九"
        case .newYearsEve: "除夕：春节的前一天"
        case .birthday: "每位会员自己的生日（公历或农历，见 roster.csv 的 birthday_calendar）"
        }
    }

    /// `9月25日`, with the year when it is not the festival's (元旦's window opens in December).
    static func date(_ day: Day, year: Int? = nil) -> String {
        (year == nil || day.year != year ? "\(day.year)年" : "") + "\(day.month)月\(day.day)日"
    }

    static func tone(_ tone: OccasionPreset.Tone) -> String {
        switch tone {
        case .festive: "喜庆（festive）"
        case .warm: "温馨（warm）"
        case .sober: "素雅（sober）：无页眉色带、无装饰"
        }
    }
}
