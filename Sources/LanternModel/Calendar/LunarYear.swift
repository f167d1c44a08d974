/// The committed lunar data, decoded once into years and months.
///
/// The rows live in the generated `LunarTable.swift` (see `scripts/lunar/README.md`); this file
/// only reads them, so the data and the code that trusts it can be reviewed apart.
enum LunarTable {
    /// One lunar year as the generator writes it.
    struct Row {
        let newYear: String
        let leapMonth: Int
        let sizes: String

        init(_ newYear: String, leap: Int, _ sizes: String) {
            self.newYear = newYear
            self.leapMonth = leap
            self.sizes = sizes
        }
    }

    /// Lunar years `firstYear`… in order; each ends where the next begins.
    static let years: [LunarYear] = {
        let starts = rows.map { Day($0.newYear)!.julianDay } + [Day(end)!.julianDay]
        return rows.enumerated().map { index, row in
            LunarYear(year: firstYear + index, leapMonth: row.leapMonth, sizes: row.sizes,
                      firstDay: starts[index], nextYearFirstDay: starts[index + 1])
        }
    }()

    static func year(_ year: Int) -> LunarYear? {
        years.indices.contains(year - firstYear) ? years[year - firstYear] : nil
    }

    /// The lunar year a Julian day falls in, by binary search on the years' first days.
    static func year(containing julianDay: Int) -> LunarYear? {
        guard let first = years.first, julianDay >= first.firstDay,
              let last = years.last, julianDay < last.nextYearFirstDay else { return nil }
        var low = 0, high = years.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if years[middle].firstDay <= julianDay { low = middle } else { high = middle - 1 }
        }
        return years[low]
    }
}

/// One lunar month: its number, whether it is the leap (闰) month, its first Julian day, 29 or 30 days.
struct LunarMonth: Sendable {
    let month: Int
    let isLeap: Bool
    let firstDay: Int
    let length: Int
}

/// One lunar year from 正月初一 to the day before the next 正月初一.
struct LunarYear: Sendable {
    let year: Int
    let leapMonth: Int?
    let months: [LunarMonth]
    let firstDay: Int
    let nextYearFirstDay: Int

    init(year: Int, leapMonth: Int, sizes: String, firstDay: Int, nextYearFirstDay: Int) {
        var months: [LunarMonth] = []
        var start = firstDay
        for (index, size) in sizes.enumerated() {
            // With a leap month n, the months run 1 … n, 闰n, n+1 … 12.
            let isLeap = leapMonth > 0 && index == leapMonth
            let month = leapMonth > 0 && index >= leapMonth ? index : index + 1
            let length = size == "大" ? 30 : 29
            months.append(LunarMonth(month: month, isLeap: isLeap, firstDay: start, length: length))
            start += length
        }
        precondition(start == nextYearFirstDay && months.count == (leapMonth > 0 ? 13 : 12),
                     "LunarTable.swift: lunar year \(year) does not add up; regenerate it")
        self.year = year
        self.leapMonth = leapMonth > 0 ? leapMonth : nil
        self.months = months
        self.firstDay = firstDay
        self.nextYearFirstDay = nextYearFirstDay
    }

    func month(_ month: Int, isLeap: Bool) -> LunarMonth? {
        months.first { $0.month == month && $0.isLeap == isLeap }
    }

    func month(containing julianDay: Int) -> LunarMonth? {
        months.last { $0.firstDay <= julianDay }.flatMap { julianDay < $0.firstDay + $0.length ? $0 : nil }
    }
}
