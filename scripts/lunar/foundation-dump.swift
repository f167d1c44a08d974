// Prints Foundation's Chinese calendar for every Gregorian day 1949-01-01 … 2101-03-31, one line
// a day: `YYYY-MM-DD,lunarYear,month,leap,day` (leap is 0 or 1). `generate.py` runs it and compares
// every line with lunar-python. Run: swift scripts/lunar/foundation-dump.swift > foundation.csv
//
// Each day is taken at 12:00 in Asia/Shanghai, and both calendars use that zone: the Chinese
// calendar is defined for UTC+8, and noon keeps a day clear of any boundary error.
import Foundation

let zone = TimeZone(identifier: "Asia/Shanghai")!
var gregorian = Calendar(identifier: .gregorian)
gregorian.timeZone = zone
var chinese = Calendar(identifier: .chinese)
chinese.timeZone = zone

var date = gregorian.date(from: DateComponents(year: 1949, month: 1, day: 1, hour: 12))!
let end = gregorian.date(from: DateComponents(year: 2101, month: 3, day: 31, hour: 12))!
var out = ""
out.reserveCapacity(2_000_000)
while date <= end {
    let g = gregorian.dateComponents([.year, .month, .day], from: date)
    let c = chinese.dateComponents([.era, .year, .month, .day, .isLeapMonth], from: date)
    // ICU counts years in 60-year cycles from 2637 BC: cycle (era) 78, year 40 is 2023 (癸卯).
    let lunarYear = (c.era! - 1) * 60 + c.year! - 2637
    let leap = c.isLeapMonth == true ? 1 : 0
    out += String(format: "%04d-%02d-%02d,%d,%d,%d,%d\n", g.year!, g.month!, g.day!, lunarYear, c.month!, leap, c.day!)
    date = gregorian.date(byAdding: .day, value: 1, to: date)!
}
FileHandle.standardOutput.write(out.data(using: .utf8)!)
