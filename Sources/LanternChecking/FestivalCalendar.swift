import LanternModel

/// One year's occasions with their days and whether the site's policy allows welfare on them:
/// what `lantern calendar` prints.
package struct FestivalCalendar: Sendable {
    struct Row: Sendable {
        var occasion: Occasion
        /// Nil for personal occasions (birthdays).
        var day: Day?
        var allowed: Bool
    }

    var year: Int
    var rows: [Row]

    package init(year: Int, policy: Policy) throws(CalendarError) {
        self.year = year
        var rows: [Row] = []
        for occasion in Occasion.allCases {
            rows.append(Row(occasion: occasion, day: try occasion.day(in: year),
                            allowed: policy.rule(for: occasion.rawValue)?.allowed ?? false))
        }
        // In date order; personal occasions last.
        self.rows = rows.sorted { ($0.day?.julianDay ?? .max) < ($1.day?.julianDay ?? .max) }
    }

    /// `occasion,date,allowed`, one line per occasion.
    package var csv: String {
        (["occasion,date,allowed"] + rows.map { "\($0.occasion.rawValue),\($0.day?.description ?? ""),\($0.allowed)" })
            .joined(separator: "\n") + "\n"
    }

    /// A table for people: date, Chinese and English name, whether welfare is allowed.
    package var text: String {
        var lines = ["\(year) 年节日 Occasions"]
        let width = rows.map(\.occasion.englishName.count).max() ?? 0
        for row in rows {
            let date = row.day?.description ?? "个人 personal"
            let allowed = row.allowed ? "可发放 allowed" : "不可 not allowed"
            let name = row.occasion.chineseName + String(repeating: "　", count: max(0, 5 - row.occasion.chineseName.count))
            lines.append("\(date.padding(toLength: 12, withPad: " ", startingAt: 0))  \(name) \(row.occasion.englishName.padding(toLength: width, withPad: " ", startingAt: 0)) \(allowed)")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
