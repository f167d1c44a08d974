import Foundation
import LanternModel

extension Policy {
    /// The policy a site's `site.yaml` chooses, loaded on its own (for `lantern calendar`).
    package static func load(site: URL) throws(DiagnosticsError) -> Policy {
        try loadWithPath(site: site).policy
    }

    /// The policy and its path as diagnostics name it (`content/policies/national.yaml`), for
    /// messages that send the user to the file (`lantern new theme`).
    package static func loadWithPath(site: URL) throws(DiagnosticsError) -> (policy: Policy, path: String) {
        let site = site.absoluteURL.standardizedFileURL
        let config = try SiteConfigLoader.load(TextFile.read(site.appending(path: "content/site.yaml"), displayPath: "content/site.yaml")).0
        let path = "content/\(config.policy)"
        return (try PolicyLoader.load(TextFile.read(site.appending(path: path), displayPath: path)).0, path)
    }

    /// Every policy file under `content/policies/` that loads, by its path as diagnostics name
    /// it: the alternatives `site.yaml` could choose (`lantern new theme` names those that allow
    /// an occasion the current one refuses).
    package static func available(site: URL) -> [(path: String, policy: Policy)] {
        let site = site.absoluteURL.standardizedFileURL
        let folder = site.appending(path: "content/policies")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted().compactMap { name in
            let path = "content/policies/\(name)"
            guard let file = try? TextFile.read(site.appending(path: path), displayPath: path),
                  let policy = try? PolicyLoader.load(file).0 else { return nil }
            return (path, policy)
        }
    }
}
