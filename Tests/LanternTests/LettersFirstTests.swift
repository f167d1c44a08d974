import Foundation
import Testing
@testable import LanternModel

/// A personal letter (a hospital stay, a bereavement) is the first thing on the member's page,
/// before any festive card (issue 12). T002 of the minimal site has a letter and the 端午 card.
@Suite struct LettersFirstTests {
    @Test func theLetterComesBeforeTheCards() throws {
        let site = try TestSite("minimal")
        try site.build(today: "2026-06-10")
        let home = site.text("m/\(site.token("T002"))/index.html")
        let letter = try #require(home.range(of: "<article class=\"letter\">"))
        let card = try #require(home.range(of: "<section class=\"card-entry"))
        let lead = try #require(home.range(of: "<p class=\"lead\">"))
        #expect(letter.lowerBound < card.lowerBound)
        #expect(letter.lowerBound < lead.lowerBound)
        // Straight after the greeting line: nothing festive between.
        let heading = try #require(home.range(of: "</h1>"))
        #expect(home[heading.upperBound..<letter.lowerBound].trimmingCharacters(in: .whitespacesAndNewlines).isEmpty)
    }
}
