import Foundation
import LanternChecking
import LanternLoading
import LanternModel
import LanternPlanning

/// Turns the plan into output files: shared pages, theme styles, host files and copied assets
/// at once; member pages one member at a time, so a build of any size keeps memory bounded.
package struct Renderer: Sendable {
    package let site: CheckedSite
    let templates: SiteTemplates
    let today: Day
    let secret: Secret
    let contexts: PageContext
    /// Member pages of one shape render once (see `StencilCache`), unless the templates forbid it.
    let stencils: StencilCache?
    /// Encrypted member pages around their sealed part, by kind, theme and depth.
    let shells = SealedShells()
    package var content: SiteContent { site.content }

    /// `stencils: false` renders every member page with Mustache (tests compare both ways);
    /// `pictures`: the item pictures' versions, made before (none: items show no picture).
    package init(site: CheckedSite, templates: SiteTemplates, today: Day, secret: Secret, stencils: Bool = true,
                 pictures: ItemPictures = ItemPictures()) {
        self.site = site
        self.templates = templates
        self.today = today
        self.secret = secret
        self.stencils = stencils && templates.pages.allowsStencils ? StencilCache() : nil
        var contexts = PageContext(site: site.content.config, today: today, menu: site.content.menu, pictures: pictures,
                                   locales: templates.locales, greetings: templates.greetings, letters: templates.letters, menuBodies: templates.menuBodies,
                                   secret: secret)
        contexts.stencils = self.stencils
        for theme in site.themes {
            guard case .fixed = theme.schedule else { continue }
            for locale in contexts.locales.values {
                contexts.festivalThemes["\(theme.slug)|\(locale.language)"] = contexts.makeTheme(theme, locale)
            }
        }
        self.contexts = contexts
    }

    /// Everything that is not a member page.
    package func renderShared(_ plan: SitePlan) throws(DiagnosticsError) -> [OutputFile] {
        // Few pages, but lists of a few thousand items each: on all cores too.
        var files: [OutputFile]
        do {
            files = try Parallel.map(plan.shared) { page in render(shared: page) }
        } catch {
            throw DiagnosticsError([.error("cannot render the shared pages: \(error)", at: nil)])
        }
        return files + (try hostFiles())
    }

    /// One page every visitor may see (portal, shop, item list, care menu).
    package func render(shared page: Page) -> OutputFile {
        OutputFile(path: page.path, bytes: Data(templates.pages(page.language).render(page.kind, contexts.context(for: page)).utf8))
    }

    /// The files beside the pages: the themes' styles, the host's files and the template assets.
    package func hostFiles() throws(DiagnosticsError) -> [OutputFile] {
        var files = [OutputFile(path: "assets/themes.css", bytes: Data(ThemeStyles.css(site.themes, locales: Array(templates.locales.values)).utf8)),
                     OutputFile(path: "robots.txt", bytes: Data(HostFiles.robots.utf8)),
                     OutputFile(path: "_headers", bytes: Data(HostFiles.headers(orderEndpoint: content.config.orderEndpoint).utf8)),
                     OutputFile(path: "m/index.html", bytes: Data(HostFiles.memberIndex.utf8))]
        for asset in content.assets {
            let relative = String(asset.path.dropFirst(content.assetsFolder.path.count + 1))
            guard let bytes = FileManager.default.contents(atPath: asset.path) else {
                throw DiagnosticsError([.error("cannot read asset", at: SourceLocation(file: "templates/assets/\(relative)"))])
            }
            files.append(OutputFile(path: "assets/\(relative)", bytes: bytes))
        }
        return files
    }

    /// One member's home page and storefronts, encrypted when the site says so. Each greeting
    /// is rendered once and shown on both pages. Throws only for an encrypted page whose layout
    /// cannot hold its sealed part.
    /// `only`: the one page wanted (the preview's request), else all of the member's pages.
    package func render(_ member: MemberPlan, only: String? = nil) throws(DiagnosticsError) -> [OutputFile] {
        var greetings: [Slug: String] = [:]
        let language = member.member.language
        let locale = contexts.locales[language] ?? contexts.locales[content.config.language]!
        for card in member.cards { greetings[card.theme.slug] = contexts.greeting(card, member.member, locale) }
        let key = content.config.encrypt ? MemberKey.key(for: member.member.id, secret: secret) : nil
        let (templates, contexts) = (self.templates.pages(language), contexts)
        return try member.pages.filter { only == nil || $0.path == only }.map { page throws(DiagnosticsError) in
            let context = contexts.context(for: page, greetings: greetings)
            // One stencil and one shell per language: the templates differ.
            var kind = "\(page.kind.rawValue)@\(page.language)"
            var constant = Self.memberConstants
            var theme = ""
            if case .storefront(_, let card) = page.content {
                theme = card.theme.slug.rawValue
                kind += ":\(theme)"
                if case .fixed = card.theme.schedule { constant.insert("theme") }
            }
            guard let key else {
                let render = { templates.render(page.kind, $0) }
                return OutputFile(path: page.path, bytes: stencils?.renderData(kind, context, constant: constant, render)
                                                       ?? Data(render(context).utf8))
            }
            // Two outputs: the part, from the member's context, sealed whole; the shell around
            // it, from a context without the member (the same for every member: made once).
            let renderPart = { templates.renderSealedPart(page.kind, $0) }
            let part = stencils?.render(kind + "|sealed", context, constant: constant, renderPart) ?? renderPart(context)
            let shell = try shells.shell("\(page.kind.rawValue)|\(theme)|\(page.root)|\(page.language)", kind: page.kind,
                                         layout: templates.sealing?.layouts[page.kind] ?? "templates/layout.mustache") { slot in
                var shellContext = contexts.shellContext(for: page)
                shellContext[TemplateSet.Sealing.slot] = slot
                return templates.renderShell(page.kind, shellContext)
            }
            let sealed = PageSealer.seal(part, title: context["page_title"] as? String, key: key, root: page.root, locale: locale)
            return OutputFile(path: page.path, bytes: shell.before + Data(sealed.utf8) + shell.after)
        }
    }

    /// Top-level keys of a member page's context that hold the same value on every member's
    /// (not `page_title`: it names the member).
    private static let memberConstants: Set<String> = ["site", "root", "today", "lang", "money_format", "zero_money", "ui_lang", "member_page", "home_url"]
}
