import Foundation

/// Turns the plan into output files: rendered pages, copied assets, robots.txt.
public struct Renderer: Sendable {
    let content: SiteContent
    let today: Day

    public init(content: SiteContent, today: Day) {
        self.content = content
        self.today = today
    }

    public func render(_ plan: SitePlan) throws(DiagnosticsError) -> [OutputFile] {
        let images = Set(content.assets.filter { $0.deletingLastPathComponent().lastPathComponent == "images" }
            .map(\.lastPathComponent))
        let contexts = PageContext(site: content.config, today: today, menu: content.menu, images: images)
        var files = plan.pages.map { page in
            OutputFile(path: page.path, bytes: Data(content.templates.render(page.kind, contexts.context(for: page)).utf8))
        }
        files.append(OutputFile(path: "robots.txt", bytes: Data("User-agent: *\nDisallow: /m/\n".utf8)))
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
