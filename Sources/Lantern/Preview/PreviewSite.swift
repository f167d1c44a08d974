import Foundation
import LanternChecking
import LanternLoading
import LanternModel
import LanternPlanning
import LanternRendering

/// The site as `lantern serve` shows it: loaded and compiled once per change of its files, and
/// rendered a page at a time when a browser asks, so that a site of any size is browsable at
/// once. Nothing is written: not `public/`, not `private/` (the secret is a throw-away one,
/// `Secret.generate()`, and the pages are not encrypted: the preview shows them unlocked).
package final class PreviewSite: Sendable {
    package let site: URL
    package let content: SiteContent
    let templates: SiteTemplates
    let secret: Secret
    /// Loading's and the templates' warnings (checking's depend on the day: `Day.warnings`).
    let loadWarnings: [Diagnostic]
    /// The site as of each day asked for (the default day, and those a preview bar chose).
    private let days = Locked<[Day: PreviewDay]>([:])

    private init(site: URL, content: SiteContent, templates: SiteTemplates, secret: Secret) {
        self.site = site
        self.content = content
        self.templates = templates
        self.secret = secret
        loadWarnings = templates.warnings
    }

    /// Loads and compiles the site as a build does; the diagnostics of a site that does not
    /// load (every error, as `lantern check` gives them).
    package static func load(site: URL, secret: Secret) -> Result<PreviewSite, DiagnosticsError> {
        do {
            var content = try SiteContent.load(site: site)
            content.config.encrypt = false
            let templates = try SiteTemplates.compile(content)
            return .success(PreviewSite(site: site, content: content, templates: templates, secret: secret))
        } catch {
            return .failure(error)
        }
    }

    /// The site on `day`: checked and planned once per day, kept for the next requests. A site
    /// whose check fails on that day (a theme window against that day's calendar) gives its errors.
    package func on(_ day: Day) -> Result<PreviewDay, DiagnosticsError> {
        if let known = days.value[day] { return .success(known) }
        let checked: CheckedSite
        do { checked = try CheckedSite.check(content, today: day) } catch { return .failure(error) }
        let view: PreviewDay
        do {
            view = try PreviewDay(checked: checked, templates: templates, day: day, secret: secret, loadWarnings: loadWarnings)
        } catch { return .failure(error) }
        days.update { known in
            // A few days at most: each holds a plan of every member.
            if known.count >= 4 { known.removeAll() }
            known[day] = view
        }
        return .success(view)
    }
}

/// The site on one day: its plan, and each page found by its path.
package struct PreviewDay: Sendable {
    package let day: Day
    package let plan: SitePlan
    package let warnings: [Diagnostic]
    /// What `private/audit.html` says on this day: per theme its eligible members and budget.
    package let audit: Audit
    let renderer: Renderer
    private let shared: [String: Page]
    /// Each member with pages by folder (`m/<token>/`), as an index into `plan.members`.
    private let folders: [String: Int]
    /// Host files and assets by path, made once.
    private let files: [String: Data]
    /// Each item picture's version by its stem, with the width it is made at.
    private let pictures: [String: (ItemImage, Int)]

    init(checked: CheckedSite, templates: SiteTemplates, day: Day, secret: Secret, loadWarnings: [Diagnostic]) throws(DiagnosticsError) {
        self.day = day
        plan = SitePlan.make(checked, today: day, secret: secret)
        warnings = checked.warnings + loadWarnings
        audit = checked.audit
        let images = ItemPictures.shown(in: plan)
        renderer = Renderer(site: checked, templates: templates, today: day, secret: secret, pictures: ItemPictures.predicted(images))
        shared = Dictionary(plan.shared.map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
        folders = Dictionary(plan.members.enumerated().map { (String($0.element.paths[0].dropLast("index.html".count)), $0.offset) }, uniquingKeysWith: { a, _ in a })
        files = Dictionary(try renderer.hostFiles().map { ($0.path, $0.bytes) }, uniquingKeysWith: { a, _ in a })
        var pictures: [String: (ItemImage, Int)] = [:]
        for image in images {
            for width in ItemPictures.widths(for: image.width) { pictures[ItemPictures.stem(image, width: width)] = (image, width) }
        }
        self.pictures = pictures
    }

    /// What a browser gets for `path` (under the site root, without the leading `/`; a folder's
    /// path ends in `/` and means its `index.html`): nil when the site has no such file.
    package func file(at path: String, site: URL) throws(DiagnosticsError) -> Data? {
        let path = path.isEmpty || path.hasSuffix("/") ? path + "index.html" : path
        if let page = shared[path] { return renderer.render(shared: page).bytes }
        if let bytes = files[path] { return bytes }
        if path.hasPrefix("m/"), let member = member(at: path) {
            return try renderer.render(member, only: path).first?.bytes
        }
        if path.hasPrefix("assets/images/"), let stem = path.split(separator: "/").last?.split(separator: "-").first,
           let (image, width) = pictures[String(stem)] {
            return try ItemPictures.make(image, site: site).first { $0.0.width == width }?.1.bytes
        }
        return nil
    }

    /// The member whose pages are under `path` (`m/<token>/…`).
    package func member(at path: String) -> MemberPlan? {
        let parts = path.split(separator: "/", maxSplits: 2)
        guard parts.count >= 2, let index = folders["m/\(parts[1])/"] else { return nil }
        return plan.members[index]
    }

    /// The members with a card of `theme` (its storefront) on this day, in roster order.
    package func members(card theme: String) -> [MemberPlan] {
        plan.members.filter { $0.cards.contains { $0.theme.slug.rawValue == theme } }
    }

    /// The member's pages on this day, by their id; nil when they have none on this day.
    package func pages(of id: MemberID) -> MemberPlan? {
        plan.members.first { $0.member.id == id }
    }
}
