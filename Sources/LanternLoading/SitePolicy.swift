import Foundation
import LanternModel

extension Policy {
    /// The policy a site's `site.yaml` chooses, loaded on its own (for `lantern calendar`).
    package static func load(site: URL) throws(DiagnosticsError) -> Policy {
        let site = site.absoluteURL.standardizedFileURL
        let config = try SiteConfigLoader.load(TextFile.read(site.appending(path: "content/site.yaml"), displayPath: "content/site.yaml")).0
        let path = "content/\(config.policy)"
        return try PolicyLoader.load(TextFile.read(site.appending(path: path), displayPath: path)).0
    }
}
