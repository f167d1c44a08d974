/// A date question the checked calendar cannot answer.
package struct CalendarError: Error, Equatable, Sendable, CustomStringConvertible {
    enum Reason: Equatable, Sendable {
        /// A (Gregorian or lunar) year outside `LunarCalendar.years`, where no date is checked.
        case yearOutOfRange(Int)
        /// A Gregorian day outside `LunarCalendar.years`.
        case dayOutOfRange(Day)
        /// A lunar month outside 1–12.
        case noSuchLunarMonth(Int)
        /// A lunar day outside 1–30.
        case noSuchLunarDay(Int)
    }

    var reason: Reason

    init(_ reason: Reason) { self.reason = reason }

    package var description: String {
        let range = "\(LunarCalendar.years.lowerBound)–\(LunarCalendar.years.upperBound)"
        return switch reason {
        case .yearOutOfRange(let year):
            "year \(year) is outside \(range), the years Lantern's checked festival calendar covers"
        case .dayOutOfRange(let day):
            "\(day) is outside \(range), the years Lantern's checked festival calendar covers"
        case .noSuchLunarMonth(let month):
            "lunar month \(month) does not exist: months are 1–12 (a leap month is marked separately)"
        case .noSuchLunarDay(let day):
            "lunar day \(day) does not exist: days are 1–30"
        }
    }
}
