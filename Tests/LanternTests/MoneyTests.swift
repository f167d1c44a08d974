import Testing
@testable import Lantern
@testable import LanternChecking
@testable import LanternLoading
@testable import LanternModel
@testable import LanternPlanning
@testable import LanternRendering
@testable import LanternWriting

@Suite struct MoneyTests {
    @Test(arguments: [("128", 12800), ("128.5", 12850), ("128.50", 12850), ("0.01", 1), ("0", 0), ("15.9", 1590)])
    func readsYuanExactly(text: String, fen: Int64) {
        #expect(Money(yuan: text)?.fen == fen)
    }

    @Test(arguments: ["12.345", "abc", "-1", "", "1,280", "¥128", "128.", ".5", "1e3", "１２８", " 128"])
    func refusesAnythingElse(text: String) {
        #expect(Money(yuan: text) == nil)
    }

    @Test func printsTwoDecimals() {
        #expect(Money(fen: 12850).description == "¥128.50")
        #expect(Money(fen: 5).description == "¥0.05")
        #expect(Money(yuan: 200).description == "¥200.00")
    }

    /// The reports' spreadsheet form: two decimals, no `¥`, so a column of amounts sums.
    @Test func printsDecimalYuanForSpreadsheets() {
        #expect(Money(fen: 12800).decimalYuan == "128.00")
        #expect(Money(fen: 8850).decimalYuan == "88.50")
        #expect(Money(fen: 5).decimalYuan == "0.05")
        #expect(Money(fen: 0).decimalYuan == "0.00")
    }
}
