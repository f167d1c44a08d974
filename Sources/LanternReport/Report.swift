import Foundation
import Lantern
import LanternChecking
import LanternLoading
import LanternModel
import LanternOrders
import LanternPlanning

/// `lantern report`: what was collected, turned into what admins and auditors read
/// (`private/reports/`): per theme the orders, the purchase order per supplier and city, the
/// members to remind, and one page with the rates, the budget and the refusals.
package struct Report: Sendable {
    package var site: SiteConfig
    package var today: Day
    /// Every theme open or closed on `today` (upcoming ones have nothing to report), in portal order.
    package var themes: [ThemeReport]
    /// Refused submissions over all themes, those that named no theme (unreadable forms) too.
    package var allRefusals: [Refusal: Int]
    /// The links of reminders carry the page key when pages are encrypted (as `links.csv`).
    var linkKey: Secret?
    /// What each refusal told the member, in the site's language (its locale's `refusal.` strings).
    package var refusalMessages: [Refusal: String] = [:]
    /// Care-menu requests, with the member when the roster still has them.
    package var requests: [(request: StoredRequest, member: Member?, package: MenuPackage?)] = []

    /// The themes a report covers on `today`.
    package static func themes(of site: CheckedSite, on today: Day) -> [Theme] {
        site.themes.filter { $0.status(on: today) != .upcoming }
    }

    /// The report of `site` on `today` from what was collected.
    package static func make(_ site: LoadedSite, collected: Collected, today: Day) -> Report {
        let checked = site.checked
        let plan = SitePlan.make(checked, today: today, secret: site.secret)
        let themes = themes(of: checked, on: today).map { theme in
            var line = ThemeReport.make(theme, site: checked, plan: plan, today: today,
                                        choices: collected.choices[theme.slug] ?? [], refusals: collected.refusals[theme.slug] ?? [:])
            line.feedback = collected.feedback[theme.slug] ?? []
            return line
        }
        let config = checked.content.config
        let members = Dictionary(checked.content.roster.map { ($0.id.rawValue, $0) }, uniquingKeysWith: { a, _ in a })
        let packages = Dictionary(checked.content.menu.map { ($0.slug.rawValue, $0) }, uniquingKeysWith: { a, _ in a })
        return Report(site: config, today: today, themes: themes, allRefusals: collected.allRefusals,
                      linkKey: config.encrypt ? site.secret : nil,
                      refusalMessages: refusalMessages(checked.content),
                      requests: collected.requests.map { ($0, members[$0.member], packages[$0.package]) })
    }

    static func refusalMessages(_ content: SiteContent) -> [Refusal: String] {
        guard let locale = content.locales.first(where: { $0.language == content.config.language }) else { return [:] }
        return Dictionary(uniqueKeysWithValues: Refusal.allCases.map { ($0, locale.string("refusal.\($0.rawValue)")) })
    }

    /// Reads the store (when there is one), adds the exports of other form services, and makes
    /// the report.
    package static func collect(_ site: LoadedSite, from store: (any SubmissionStore)?, adding exported: [SubmissionExport.Row] = [],
                                today: Day) async throws -> Report {
        var collected = Collected()
        if let store { collected = try await Collected.gather(from: store, themes: themes(of: site.checked, on: today).map(\.slug)) }
        collected.add(exported, site: site)
        return make(site, collected: collected, today: today)
    }

    /// Every theme's notes, for the command to print as warnings.
    package var notes: [String] { themes.flatMap(\.notes) }
}
