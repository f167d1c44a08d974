#!/usr/bin/env python3
"""Builds Sources/LanternModel/Calendar/LunarTable.swift from two independent implementations.

    python3 -m pip install -r scripts/lunar/requirements.txt
    python3 scripts/lunar/generate.py [--foundation DUMP.csv]

Lunar months: Foundation's Chinese calendar (ICU, through `swift scripts/lunar/foundation-dump.swift`)
and lunar-python (寿星 algorithms by 许剑伟, ported by 6tail) are compared on every Gregorian day
from 1949-01-01 to 2101-03-31. Any disagreement fails the run unless it lies in one of the DISPUTES
below. PyEphem's new moons are a third opinion: every month start must fall on the day (UTC+8) of a
new moon, again except at the DISPUTES.

清明: lunar-python's JieQi table and PyEphem (the moment the Sun's apparent longitude reaches 15°,
taken in UTC+8) must agree for every year 1950–2100; there is no dispute.

Besides the table, it writes two fixtures computed by lunar-python alone (never from the table),
which the Swift tests compare with the table: Tests/Fixtures/calendar/occasions-1950-2100.csv and
Tests/Fixtures/calendar/lunar-months-1949-2100.csv.

Exits non-zero, writing nothing, on any unexplained disagreement.
"""

import argparse
import datetime as dt
import math
import os
import subprocess
import sys
from dataclasses import dataclass

import ephem
import lunar_python
from lunar_python import Lunar, LunarYear, Solar

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
TABLE = os.path.join(ROOT, "Sources/LanternModel/Calendar/LunarTable.swift")
FIXTURES = os.path.join(ROOT, "Tests/Fixtures/calendar")

FIRST_LUNAR_YEAR = 1949  # its 正月初一 (1949-01-29) starts the table; 1950's Jan–Feb are in it
LAST_LUNAR_YEAR = 2100  # the table ends where lunar 2101 begins (2101-01-29)
COMPARE_FROM = dt.date(1949, 1, 1)
COMPARE_TO = dt.date(2101, 3, 31)  # just past 正月初一 2101, which closes the table
YEARS = range(1950, 2101)  # the Gregorian years Lantern serves


@dataclass(frozen=True)
class Dispute:
    """A lunar month whose first day is uncertain: its new moon falls within a minute of midnight
    UTC+8, closer than anyone can predict ΔT (the drift of the Earth's rotation) decades ahead."""

    year: int
    month: int
    chosen: dt.date  # the first day the table uses
    other: dt.date  # the first day other calendars print
    why: str


# Why these readings (also in scripts/lunar/README.md):
#
# 2057 九月: new moon at 2057-09-28 23:59:50 (PyEphem, ΔT 122 s) or 2057-09-29 00:00:25 (lunar-python,
#   ΔT 86 s). Foundation (ICU) labels 2057-09-28 "九月 day 0" and counts 九月初一 from 09-29, so its
#   own day numbers agree with lunar-python. We read 09-28 as 八月三十 and 九月初一 = 09-29, with
#   lunar-python, Foundation's numbering, .NET's ChineseLunisolarCalendar since its 2024 correction
#   (dotnet/runtime#107032, after the Calendrical Calculations erratum on ΔT after 2051) and
#   Y. T. Liu's pages (as quoted in 6tail/lunar-python#17). The Hong Kong Observatory dates the new
#   moon 09-28 and footnotes it as possibly a day off (as quoted in dotnet/coreclr#19480). ΔT has
#   grown more slowly lately than older forecasts assumed, and a smaller ΔT puts the new moon
#   further past midnight. Consequence: 重阳 2057 is 10-07.
#
# 2097 七月: new moon at 2097-08-07 23:59:18 (PyEphem, ΔT 218 s) or 23:59:57 (lunar-python, ΔT
#   179 s): both put 七月初一 on 08-07, and the Hong Kong Observatory dates the new moon 08-07 too
#   (same footnote). Foundation labels 08-07 "七月 day 0" and counts 七月初一 from 08-08, a whole
#   month a day later (08-07 … 09-05), as do Y. T. Liu's pages. We read 七月初一 = 08-07 with both
#   astronomical computations: ICU's own output is self-contradictory there (a month label with no
#   day), so it does not count as a vote.
#   Consequence: 七夕 2097 is 08-13 (not 08-14).
#
# Found and left outside the table: 2101-06-27 00:04 (UTC+8) new moon, which Foundation puts on
# 06-26. The table ends at 正月初一 2101, so extending it needs this settled first.
DISPUTES = [
    Dispute(2057, 9, dt.date(2057, 9, 29), dt.date(2057, 9, 28),
            "new moon within seconds of midnight; Foundation says 九月 day 0 on 09-28"),
    Dispute(2097, 7, dt.date(2097, 8, 7), dt.date(2097, 8, 8),
            "new moon within a minute of midnight; Foundation says 七月 day 0 on 08-07, then 初一 on 08-08"),
]

SHANGHAI = 8 * ephem.hour


def days(start, end):
    d = start
    while d <= end:
        yield d
        d += dt.timedelta(days=1)


def foundation_days(path):
    """{date: (lunar year, month, leap, day)} from foundation-dump.swift's output."""
    if path is None:
        script = os.path.join(ROOT, "scripts/lunar/foundation-dump.swift")
        text = subprocess.run(["swift", script], check=True, capture_output=True, text=True).stdout
    else:
        with open(path) as f:
            text = f.read()
    result = {}
    for line in text.splitlines():
        date, *values = line.split(",")
        result[dt.date.fromisoformat(date)] = tuple(int(v) for v in values)
    return result


def lunar_python_day(d):
    lunar = Solar.fromYmd(d.year, d.month, d.day).getLunar()
    month = lunar.getMonth()  # negative for a leap month
    return (lunar.getYear(), abs(month), 1 if month < 0 else 0, lunar.getDay())


def reading(d, dispute, start, agreed):
    """What day `d` is if the disputed month begins on `start`; `agreed` settles the days before."""
    if d >= start:
        return (dispute.year, dispute.month, 0, (d - start).days + 1)
    last = min(dispute.chosen, dispute.other) - dt.timedelta(days=1)  # both sources agree on it
    return agreed[last][:3] + (agreed[last][3] + (d - last).days,)


def month_end(dispute, agreed):
    """The first day after the disputed month: the next month start both sources agree on."""
    d = max(dispute.chosen, dispute.other) + dt.timedelta(days=1)
    while d <= COMPARE_TO and agreed.get(d, (0, 0, 0, 0))[3] != 1:
        d += dt.timedelta(days=1)
    return d


def compare(foundation, library, problems):
    """The day-by-day reading the table uses: both sources where they agree, DISPUTES elsewhere."""
    agreed = {}
    for d in days(COMPARE_FROM, COMPARE_TO):
        if foundation.get(d) is None:
            problems.append(f"{d}: Foundation's dump has no line for it")
        elif foundation[d] == library[d]:
            agreed[d] = library[d]
    seen = set()
    for d in days(COMPARE_FROM, COMPARE_TO):
        if d in agreed or d not in foundation:
            continue
        dispute = next((x for x in DISPUTES if min(x.chosen, x.other) <= d < month_end(x, agreed)), None)
        f, l = foundation[d], library[d]
        if dispute is None:
            problems.append(f"{d}: Foundation says {f}, lunar-python says {l} (year, month, leap, day)")
            continue
        chosen, other = reading(d, dispute, dispute.chosen, agreed), reading(d, dispute, dispute.other, agreed)
        day_zero = (dispute.year, dispute.month, 0, 0) if d == min(dispute.chosen, dispute.other) else None
        if f not in (chosen, other, day_zero) or l not in (chosen, other) or chosen not in (f, l):
            problems.append(f"{d}: Foundation says {f}, lunar-python says {l}; the dispute over "
                            f"{dispute.year} month {dispute.month} expected {chosen} or {other}")
            continue
        agreed[d] = chosen
        seen.add(dispute)
    for dispute in DISPUTES:
        if dispute in seen:
            continue
        if agreed.get(dispute.chosen) != (dispute.year, dispute.month, 0, 1):
            problems.append(f"{dispute.year} month {dispute.month}: both sources now start it on "
                            f"{dispute.other}, not the chosen {dispute.chosen}; revisit DISPUTES")
        else:
            print(f"note: {dispute.year} month {dispute.month} is no longer disputed; "
                  "consider removing it from DISPUTES", file=sys.stderr)
    return agreed


def months_from(agreed):
    """[(lunar year, month, leap, first day, length)] for lunar years FIRST…LAST_LUNAR_YEAR."""
    starts = [d for d in days(COMPARE_FROM, COMPARE_TO) if agreed.get(d, (0, 0, 0, 0))[3] == 1]
    months = []
    for start, end in zip(starts, starts[1:]):
        year, month, leap, _ = agreed[start]
        if FIRST_LUNAR_YEAR <= year <= LAST_LUNAR_YEAR:
            months.append((year, month, leap, start, (end - start).days))
    return months, next(s for s in starts if agreed[s][:3] == (LAST_LUNAR_YEAR + 1, 1, 0))


def check_months(months, problems):
    by_year = {}
    for m in months:
        by_year.setdefault(m[0], []).append(m)
        if m[4] not in (29, 30):
            problems.append(f"lunar {m[0]} month {m[1]}{' (leap)' if m[2] else ''} has {m[4]} days")
    for year in range(FIRST_LUNAR_YEAR, LAST_LUNAR_YEAR + 1):
        ms = by_year.get(year, [])
        leaps = [m[1] for m in ms if m[2]]
        expected = list(range(1, 13))
        if leaps:
            expected.insert(expected.index(leaps[0]) + 1, leaps[0])
        if [m[1] for m in ms] != expected or len(leaps) > 1:
            problems.append(f"lunar {year}: months run {[m[1] for m in ms]}")
        library_leap = LunarYear.fromYear(year).getLeapMonth()
        if (leaps[0] if leaps else 0) != library_leap:
            problems.append(f"lunar {year}: leap month {leaps} but lunar-python says {library_leap}")


def check_new_moons(months, problems):
    """PyEphem's new moons (UTC+8 dates) against the table's month starts."""
    first, last = months[0][3], months[-1][3]
    moon = ephem.Date(first - dt.timedelta(days=2))
    moons = []
    while True:
        moon = ephem.next_new_moon(moon)
        local = ephem.Date(moon + SHANGHAI).datetime().date()
        if local > last:
            break
        moons.append(local)
        moon = ephem.Date(moon + 1)
    if len(moons) != len(months):
        problems.append(f"PyEphem finds {len(moons)} new moons, the table has {len(months)} months")
        return
    disputed = {(x.year, x.month): x for x in DISPUTES}
    for moon, (year, month, leap, start, _) in zip(moons, months):
        dispute = disputed.get((year, month)) if not leap else None
        if moon != start and not (dispute and moon in (dispute.chosen, dispute.other)):
            problems.append(f"lunar {year} month {month}: starts {start}, PyEphem's new moon is on {moon}")


def ephem_qingming(year):
    """The UTC+8 moment the Sun's apparent geocentric longitude (of date) reaches 15°."""
    def offset(t):
        sun = ephem.Sun()
        sun.compute(t, epoch=t)
        lon = ephem.Ecliptic(ephem.Equatorial(sun.ra, sun.dec, epoch=t), epoch=t).lon
        return (lon - math.radians(15) + math.pi) % (2 * math.pi) - math.pi
    moment = ephem.newton(offset, ephem.Date(f"{year}/4/3"), ephem.Date(f"{year}/4/4"))
    return ephem.Date(moment + SHANGHAI).datetime()


def library_qingming(year):
    solar = Lunar.fromYmd(year, 1, 1).getJieQiTable()["清明"]
    return dt.date(solar.getYear(), solar.getMonth(), solar.getDay())


def qingming_days(problems):
    result = []
    for year in YEARS:
        library, moment = library_qingming(year), ephem_qingming(year)
        if moment.date() != library:
            problems.append(f"清明 {year}: lunar-python says {library}, PyEphem {moment:%Y-%m-%d %H:%M:%S}")
        result.append(library)
    return result


def library_solar(year, month, day):
    s = Lunar.fromYmd(year, month, day).getSolar()
    return dt.date(s.getYear(), s.getMonth(), s.getDay())


def occasion_rows():
    """Every dated occasion 1950–2100 by lunar-python alone, in `Occasion`'s order."""
    rows = []
    for year in YEARS:
        spring = library_solar(year, 1, 1)
        rows += [(key, year, date) for key, date in [
            ("new-year", dt.date(year, 1, 1)),
            ("spring-festival", spring),
            ("lantern-festival", library_solar(year, 1, 15)),
            ("womens-day", dt.date(year, 3, 8)),
            ("qingming", library_qingming(year)),
            ("labour-day", dt.date(year, 5, 1)),
            ("dragon-boat", library_solar(year, 5, 5)),
            ("qixi", library_solar(year, 7, 7)),
            ("mid-autumn", library_solar(year, 8, 15)),
            ("double-ninth", library_solar(year, 9, 9)),
            ("national-day", dt.date(year, 10, 1)),
            ("new-years-eve", spring - dt.timedelta(days=1)),
        ]]
    return rows


def library_month_rows():
    """Every lunar month 1949–2100 by lunar-python's LunarYear alone."""
    rows = []
    for year in range(FIRST_LUNAR_YEAR, LAST_LUNAR_YEAR + 1):
        for m in LunarYear.fromYear(year).getMonthsInYear():
            first = Solar.fromJulianDay(m.getFirstJulianDay())
            rows.append((year, abs(m.getMonth()), 1 if m.isLeap() else 0,
                         dt.date(first.getYear(), first.getMonth(), first.getDay()), m.getDayCount()))
    return rows


def swift_version():
    out = subprocess.run(["swift", "--version"], capture_output=True, text=True).stdout
    return out.splitlines()[0].strip() if out else "unknown Swift"


def render_table(months, end, qingming, foundation_source):
    lines = [
        "// GENERATED by `python3 scripts/lunar/generate.py`: do not edit by hand.",
        f"// Lunar months: Foundation's Chinese calendar ({foundation_source}) and lunar-python "
        f"{lunar_python_version()} agree on every day",
        "// 1949-01-01…2101-03-31 except the disputes in scripts/lunar/README.md (2057 九月, 2097 七月),",
        f"// and every month starts on a new moon by PyEphem {ephem.__version__} (UTC+8).",
        f"// 清明: lunar-python and PyEphem agree on every year {YEARS[0]}–{YEARS[-1]}.",
        "",
        "extension LunarTable {",
        f"    static let firstYear = {FIRST_LUNAR_YEAR}",
        "",
        "    /// One row a lunar year from `firstYear`: 正月初一, the leap month (0: none), and the months",
        "    /// in order, a leap month right after its namesake: 大 = 30 days, 小 = 29.",
        "    static let rows: [Row] = [",
    ]
    by_year = {}
    for m in months:
        by_year.setdefault(m[0], []).append(m)
    for year in sorted(by_year):
        ms = by_year[year]
        leap = next((m[1] for m in ms if m[2]), 0)
        sizes = "".join("大" if m[4] == 30 else "小" for m in ms)
        lines.append(f'        Row("{ms[0][3]}", leap: {leap:2}, "{sizes}"),  // {year}')
    lines += [
        "    ]",
        "",
        f"    /// 正月初一 of {LAST_LUNAR_YEAR + 1}, where the table's last month ends.",
        f'    static let end = "{end}"',
        "",
        f"    static let qingmingFirstYear = {YEARS[0]}",
        "",
        f"    /// 清明's day in April for each Gregorian year from `qingmingFirstYear`, ten a line.",
        "    static let qingmingDayInApril: [Int] = [",
    ]
    for i in range(0, len(qingming), 10):
        chunk = qingming[i:i + 10]
        if any(q.month != 4 for q in chunk):
            raise SystemExit("清明 outside April")
        lines.append("        " + ", ".join(str(q.day) for q in chunk) + f",  // {YEARS[0] + i}")
    lines += ["    ]", "}", ""]
    return "\n".join(lines)


def lunar_python_version():
    try:
        from importlib.metadata import version
        return version("lunar_python")
    except Exception:
        return getattr(lunar_python, "__version__", "?")


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    print(f"wrote {os.path.relpath(path, ROOT)} ({len(text.encode())} bytes)")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--foundation", help="a saved foundation-dump.swift output (default: run it)")
    args = parser.parse_args()

    problems = []
    foundation = foundation_days(args.foundation)
    library = {d: lunar_python_day(d) for d in days(COMPARE_FROM, COMPARE_TO)}
    agreed = compare(foundation, library, problems)
    months, end = months_from(agreed)
    check_months(months, problems)
    check_new_moons(months, problems)
    library_months = library_month_rows()
    if library_months != months:
        problems.append("lunar-python's LunarYear months differ from its own day-by-day reading")
    qingming = qingming_days(problems)

    if problems:
        print(f"{len(problems)} disagreement(s); nothing written:", file=sys.stderr)
        for p in problems:
            print(f"  {p}", file=sys.stderr)
        sys.exit(1)

    write(TABLE, render_table(months, end, qingming, f"{swift_version()}, Linux"
                              if sys.platform.startswith("linux") else swift_version()))
    write(os.path.join(FIXTURES, "occasions-1950-2100.csv"),
          "occasion,year,date\n" + "".join(f"{k},{y},{d}\n" for k, y, d in occasion_rows()))
    write(os.path.join(FIXTURES, "lunar-months-1949-2100.csv"),
          "year,month,leap,first_day,days\n" + "".join(f"{y},{m},{l},{d},{n}\n" for y, m, l, d, n in library_months))


if __name__ == "__main__":
    main()
