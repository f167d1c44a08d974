import Testing
@testable import Lantern
@testable import LanternChecking
@testable import LanternLoading
@testable import LanternModel
@testable import LanternPlanning
@testable import LanternRendering
@testable import LanternWriting

/// Every bad `content/roster.csv` row is refused with an error at the exact line and column.
@Suite struct RosterErrorTests {
    static let roster = "content/roster.csv"

    @Test func badDatesAreReportedAtTheirFields() throws {
        let site = try TestSite("minimal", overlay: "invalid/bad-roster-values")
        let errors = site.failure()
        // "T001,李静,研发部,F," is 14 scalars; adding "1990-13-01," makes 25.
        let expected: [(String, Int, Int)] = [
            ("bad birthday `1990-13-01`", 2, 15), ("bad birthday `1990/01/01`", 3, 15),
            ("bad hire_date `1990-13-01`", 4, 26), ("bad hire_date `1990/01/01`", 5, 26),
        ]
        for (message, line, column) in expected {
            let error = try only(.error, containing: message, in: errors)
            #expect(error.location == at(Self.roster, line, column), "\(message)")
            #expect(error.hint?.contains("YYYY-MM-DD") == true)
        }
    }

    @Test func unknownGenderAndStatusAreReportedAtTheirFields() throws {
        let site = try TestSite("minimal", overlay: "invalid/bad-roster-values")
        let errors = site.failure()
        let gender = try only(.error, containing: "unknown gender `X`", in: errors)
        #expect(gender.location == at(Self.roster, 6, 13))
        #expect(gender.hint?.contains("F, M") == true)
        let status = try only(.error, containing: "unknown status `retired`", in: errors)
        #expect(status.location == at(Self.roster, 7, 37))
        #expect(status.hint?.contains("active or left") == true)
        // Six rows, one problem each, all reported by the one build.
        #expect(errors.count == 6)
    }

    @Test func duplicateIdIsReportedAtTheSecondOccurrence() throws {
        let site = try TestSite("minimal", overlay: "invalid/duplicate-member-id")
        let errors = site.failure()
        let error = try only(.error, containing: "duplicate id `T001`", in: errors)
        #expect(error.location == at(Self.roster, 4, 7))
        #expect(error.hint?.contains("line 2") == true)
        #expect(errors.count == 1)
    }

    @Test func catalogAndRosterProblemsComeFromOneBuild() throws {
        let site = try TestSite("minimal", overlay: "invalid/bad-roster-values")
        try site.apply(overlay: "invalid/duplicate-sku")
        let errors = site.failure()
        #expect(errors.filter { $0.location?.file == Self.roster }.count == 6)
        #expect(errors.filter { $0.location?.file == "content/catalog.csv" }.count == 1)
    }

    @Test func failedBuildLeavesTheOutputUntouched() throws {
        let site = try TestSite("minimal")
        let errors = try expectFailedBuildLeavesOutputUntouched(site) { try $0.apply(overlay: "invalid/duplicate-member-id") }
        #expect(errors.map(\.location) == [at(Self.roster, 4, 7)])
    }
}
