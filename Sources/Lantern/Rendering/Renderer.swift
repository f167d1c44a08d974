import Foundation

/// Turns the plan into output files: rendered pages, theme styles, host files, copied assets.
public struct Renderer: Sendable {
    let site: CheckedSite
    let today: Day
    var content: SiteContent { site.content }

    public init(site: CheckedSite, today: Day) {
        self.site = site
        self.today = today
    }

    /// `secret` is needed only when the site encrypts member pages.
    public func render(_ plan: SitePlan, secret: Secret) throws(DiagnosticsError) -> [OutputFile] {
        let images = Set(content.assets.filter { $0.deletingLastPathComponent().lastPathComponent == "images" }
            .map(\.lastPathComponent))
        let contexts = PageContext(site: content.config, today: today, menu: content.menu, images: images)
        var files = plan.pages.map { page in
            var html = content.templates.render(page.kind, contexts.context(for: page))
            if content.config.encrypt, let member = page.member {
                html = PageSealer.seal(html, key: MemberKey.key(for: member.id, secret: secret), root: page.root)
            }
            return OutputFile(path: page.path, bytes: Data(html.utf8))
        }
        files.append(OutputFile(path: "assets/themes.css", bytes: Data(ThemeStyles.css(site.themes).utf8)))
        files.append(OutputFile(path: "robots.txt", bytes: Data(HostFiles.robots.utf8)))
        files.append(OutputFile(path: "_headers", bytes: Data(HostFiles.headers(orderEndpoint: content.config.orderEndpoint).utf8)))
        files.append(OutputFile(path: "m/index.html", bytes: Data(HostFiles.memberIndex.utf8)))
        for asset in content.assets {
            let relative = String(asset.path.dropFirst(content.assetsFolder.path.count + 1))
            guard let bytes = FileManager.default.contents(atPath: asset.path) else {
                throw DiagnosticsError([.error("cannot read asset", at: SourceLocation(file: "templates/assets/\(relative)"))])
            }
            files.append(OutputFile(path: "assets/\(relative)", bytes: bytes))
        }
        return files
    }
}
