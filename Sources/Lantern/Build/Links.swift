import Foundation

/// `lantern links`: the personal links a build for `today` gives, without building.
public enum Links {
    public enum Format: String, CaseIterable, Sendable { case csv, json }

    public static func export(_ options: BuildOptions, format: Format) throws(DiagnosticsError) -> Data {
        let content = try SiteContent.load(site: options.site)
        let checked = try CheckedSite.check(content, today: options.today)
        let secret = try SiteSecret.resolve(privateFolder: options.privateFolder, environment: options.environment, create: false).secret
        let plan = SitePlan.make(checked, today: options.today, secret: secret)
        let key = content.config.encrypt ? secret : nil
        do {
            switch format {
            case .csv: return try LinksFile.csv(plan.links, baseURL: content.config.baseURL, encryptedWith: key)
            case .json: return try LinksFile.json(plan.links, baseURL: content.config.baseURL, encryptedWith: key)
            }
        } catch {
            throw DiagnosticsError([.error("cannot write the links: \(error)", at: nil)])
        }
    }
}
