/// A date in the Chinese lunar calendar: 农历 year, month (1–12, with 闰 for a leap month), day (1–30).
package struct LunarDate: Hashable, Sendable, CustomStringConvertible {
    var year: Int
    var month: Int
    var isLeapMonth: Bool
    var day: Int

    init(year: Int, month: Int, isLeapMonth: Bool = false, day: Int) {
        self.year = year
        self.month = month
        self.isLeapMonth = isLeapMonth
        self.day = day
    }

    /// Parses the roster's form strictly: `1968-08-15` is 八月十五, `1968-L04-15` is 闰四月十五.
    /// Checks only the shape (month 1–12, day 1–30); whether that year has the month is
    /// `LunarCalendar.day(of:)`'s question, and a birthday never needs it.
    package init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3 else { return nil }
        let isLeap = parts[1].first == "L"
        let month = isLeap ? parts[1].dropFirst() : parts[1]
        guard parts[0].count == 4, month.count == 2, parts[2].count == 2,
              [parts[0], month, parts[2]].allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let y = Int(parts[0]), let m = Int(month), let d = Int(parts[2]),
              (1...12).contains(m), (1...30).contains(d) else { return nil }
        self.init(year: y, month: m, isLeapMonth: isLeap, day: d)
    }

    /// `1968-08-15`, or `1968-L04-15` for a leap month: the roster's form.
    package var description: String {
        let year = String(year).leftPadded(to: 4), month = String(month).leftPadded(to: 2)
        return "\(year)-\(isLeapMonth ? "L" : "")\(month)-\(String(day).leftPadded(to: 2))"
    }
}

private extension String {
    func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
