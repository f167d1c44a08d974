import Testing
@testable import Lantern
@testable import LanternChecking
@testable import LanternLoading
@testable import LanternModel
@testable import LanternPlanning
@testable import LanternRendering
@testable import LanternWriting

/// Every bad `content/catalog.csv` is refused with an error at the exact line and column.
///
/// Columns count Unicode scalars, so the Chinese names before a field are one column a character.
@Suite struct CatalogErrorTests {
    static let catalog = "content/catalog.csv"

    @Test func missingRequiredColumnIsReportedAtTheHeader() throws {
        let site = try TestSite("minimal", overlay: "invalid/missing-price-column")
        let errors = site.failure()
        let error = try only(.error, containing: "missing required column `price`", in: errors)
        #expect(error.location == at(Self.catalog, 1, 1))
        #expect(error.hint?.contains("add a column named `price`") == true)
        #expect(errors.count == 1)
    }

    @Test func misspeltRequiredColumnIsNamedInTheHint() throws {
        let site = try TestSite("minimal")
        try site.write(Self.catalog, """
            sku,name,category,prcie,tags
            Z-1,粽香礼盒,节令食品,128.00,dragon-boat

            """)
        let error = try only(.error, containing: "missing required column `price`", in: site.failure())
        #expect(error.location == at(Self.catalog, 1, 1))
        #expect(error.hint?.contains("`prcie`") == true)
    }

    @Test func everyBadPriceIsReportedAtItsField() throws {
        let site = try TestSite("minimal", overlay: "invalid/bad-prices")
        let errors = site.failure()
        // (text, line, column): "Z-2,咸蛋,节令食品," is 12 scalars, so price starts at column 13.
        let expected: [(String, Int, Int)] = [("12.345", 3, 13), ("abc", 4, 14), ("-1", 5, 13), ("", 6, 13), ("１２８", 7, 14)]
        for (text, line, column) in expected {
            let error = try only(.error, containing: "bad price `\(text)`", in: errors)
            #expect(error.location == at(Self.catalog, line, column), "price `\(text)`")
        }
        #expect(errors.count == expected.count)
        #expect(try only(.error, containing: "bad price `-1`", in: errors).hint?.contains("negative") == true)
        let fullWidth = try only(.error, containing: "bad price `１２８`", in: errors)
        #expect(fullWidth.hint?.contains("full-width") == true)
    }

    @Test func collectsEveryBadRowBeforeFailing() throws {
        let site = try TestSite("minimal", overlay: "invalid/three-bad-rows")
        let errors = site.failure()
        #expect(errors.count == 3)
        #expect(try only(.error, containing: "bad price `¥12`", in: errors).location == at(Self.catalog, 3, 13))
        #expect(try only(.error, containing: "unknown kind `gift`", in: errors).location == at(Self.catalog, 4, 22))
        #expect(try only(.error, containing: "bad stock `十`", in: errors).location == at(Self.catalog, 5, 43))
    }

    @Test func duplicateSkuIsReportedAtTheSecondOccurrence() throws {
        // The sku is the second column here, after a quoted name holding a comma.
        let site = try TestSite("minimal", overlay: "invalid/duplicate-sku")
        let errors = site.failure()
        let error = try only(.error, containing: "duplicate sku `Z-1`", in: errors)
        #expect(error.location == at(Self.catalog, 4, 11))
        #expect(error.hint?.contains("line 2") == true)
        #expect(errors.count == 1)
    }

    @Test func linesCountThroughQuotedNewlines() throws {
        // Row 2's description spans lines 2–3, so the Z-2 row stands on line 4.
        let site = try TestSite("minimal", overlay: "invalid/quoted-newline")
        let errors = site.failure()
        #expect(try only(.error, containing: "bad price `12.345`", in: errors).location == at(Self.catalog, 4, 13))
        #expect(errors.count == 1)
    }

    @Test func crlfLinesAreCountedOnce() throws {
        let site = try TestSite("minimal")
        let lines = ["sku,name,category,price,description", "Z-1,粽香礼盒,节令食品,128.00,\"两种口味：\r\n甜粽与咸粽\"",
                     "Z-2,咸蛋,节令食品,abc,咸蛋", ""]
        try site.write(Self.catalog, lines.joined(separator: "\r\n"))
        let errors = site.failure()
        #expect(try only(.error, containing: "bad price `abc`", in: errors).location == at(Self.catalog, 4, 13))
        #expect(errors.count == 1)
    }

    @Test func textAfterAClosingQuoteIsReportedAtTheOpeningQuote() throws {
        let site = try TestSite("minimal", overlay: "invalid/malformed-quote")
        let errors = site.failure()
        let error = try only(.error, containing: "malformed quoted field", in: errors)
        #expect(error.location == at(Self.catalog, 3, 5))
        #expect(errors.count == 1)
    }

    @Test func unclosedQuoteIsReportedAtTheOpeningQuote() throws {
        let site = try TestSite("minimal", overlay: "invalid/unclosed-quote")
        let errors = site.failure()
        let error = try only(.error, containing: "malformed quoted field", in: errors)
        #expect(error.location == at(Self.catalog, 3, 8))
        #expect(errors.count == 1)
    }

    @Test func failedBuildLeavesTheOutputUntouched() throws {
        let site = try TestSite("minimal")
        let errors = try expectFailedBuildLeavesOutputUntouched(site) { try $0.apply(overlay: "invalid/bad-prices") }
        #expect(errors.allSatisfy { $0.location?.file == Self.catalog })
    }
}
