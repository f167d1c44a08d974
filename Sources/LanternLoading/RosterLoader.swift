import Foundation
import LanternModel

/// Reads `content/roster.csv` into members, reporting every bad row before failing.
enum RosterLoader {
    static let columns = ["id", "name", "department", "gender", "birthday", "birthday_calendar", "hire_date",
                          "city", "email", "phone", "language", "status", "tags"]
    static let required = ["id", "name"]

    /// The file's bytes as Excel saved them (UTF-8, GB18030 or UTF-16; comma or tab): members,
    /// or every problem found.
    static func load(_ data: Data, displayPath: String = "content/roster.csv") throws(DiagnosticsError) -> (members: [Member], warnings: [Diagnostic]) {
        try load(TextFile.decode(data, displayPath: displayPath, encodings: .spreadsheet))
    }

    static func load(_ file: TextFile) throws(DiagnosticsError) -> (members: [Member], warnings: [Diagnostic]) {
        let table = try CSVTable.parse(file)
        var diagnostics = Diagnostics()
        let c = CSVColumns(table, required: required, known: columns, diagnostics: &diagnostics)
        guard c.headerIsUsable else { throw DiagnosticsError(diagnostics.all) }
        if table.rows.isEmpty {
            diagnostics.warning("the roster has a header line but no members", at: SourceLocation(file: table.path),
                                hint: "add one row per member below the header line; with no members no member pages are made")
        }

        var members: [Member] = []
        var seen: [String: SourceLocation] = [:]
        for row in table.rows where !c.rejectsOverflow(row, into: &diagnostics) {
            let before = diagnostics.all.count
            let id = MemberID(c.uniqueKey("id", row, seen: &seen, noun: "member", into: &diagnostics))
            if c.value("name", row).isEmpty {
                diagnostics.error("empty name", at: c.location("name", row), hint: "every member needs a name")
            }
            let genderText = c.value("gender", row)
            let gender = Member.Gender(rawValue: genderText.uppercased())
            if !genderText.isEmpty && gender == nil {
                diagnostics.error("unknown gender `\(genderText)`", at: c.location("gender", row),
                                  hint: "use F, M, or leave the field empty")
            }
            let hireDate = optionalDay("hire_date", row, c, &diagnostics)
            let calendarText = c.value("birthday_calendar", row)
            let calendar = calendarText.isEmpty ? .solar : Member.BirthdayCalendar(rawValue: calendarText.lowercased())
            if calendar == nil {
                diagnostics.error("unknown birthday_calendar `\(calendarText)`", at: c.location("birthday_calendar", row),
                                  hint: "use solar, lunar, or leave it empty for solar")
            }
            let birthday = self.birthday(row, c, calendar ?? .solar, &diagnostics)
            let statusText = c.value("status", row)
            let status = statusText.isEmpty ? .active : Member.Status(rawValue: statusText.lowercased())
            if status == nil {
                diagnostics.error("unknown status `\(statusText)`", at: c.location("status", row),
                                  hint: "use active or left")
            }
            let language = c.value("language", row)
            guard diagnostics.all.count == before, let status else { continue }
            members.append(Member(
                id: id, name: c.value("name", row), department: c.value("department", row), gender: gender,
                birthday: birthday, hireDate: hireDate, city: c.value("city", row),
                email: c.value("email", row), phone: c.value("phone", row),
                language: language.isEmpty ? "zh-CN" : language, status: status,
                tags: Set(c.list("tags", row)), location: row.location,
                birthdayLocation: birthday.map { _ in c.location("birthday", row) },
                hireDateLocation: hireDate.map { _ in c.location("hire_date", row) }, cityLocation: c.location("city", row)))
            members[members.count - 1].languageLocation = c.location("language", row)
        }
        try diagnostics.throwIfErrors()
        return (members, diagnostics.warnings)
    }

    private static func birthday(_ row: CSVTable.Row, _ c: CSVColumns, _ calendar: Member.BirthdayCalendar,
                                 _ diagnostics: inout Diagnostics) -> Member.Birthday? {
        let text = c.value("birthday", row)
        if text.isEmpty { return nil }
        switch calendar {
        case .solar:
            return optionalDay("birthday", row, c, &diagnostics).map { .solar($0) }
        case .lunar:
            if let lunar = LunarDate(text) { return .lunar(lunar) }
            diagnostics.error("bad lunar birthday `\(text)`", at: c.location("birthday", row),
                              hint: "write the lunar date as YYYY-MM-DD (1968-08-15 = 八月十五), or YYYY-LMM-DD for a leap month (1968-L04-15)")
            return nil
        }
    }

    private static func optionalDay(_ column: String, _ row: CSVTable.Row, _ c: CSVColumns,
                                    _ diagnostics: inout Diagnostics) -> Day? {
        let text = c.value(column, row)
        if text.isEmpty { return nil }
        return FieldParsers.day(text, field: column, at: c.location(column, row), into: &diagnostics)
    }
}
