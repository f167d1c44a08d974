/// `content/site.yaml`: who publishes the site and where choices are sent.
public struct SiteConfig: Sendable {
    public var name: String
    public var union: String
    public var language: String
    /// When set, `links.csv` holds absolute links; pages always link relatively.
    public var baseURL: String?
    /// Where the storefront form POSTs a member's choice.
    public var orderEndpoint: String
    /// The `mailto:` fallback address.
    public var orderEmail: String
    /// The policy file, relative to `content/` (default `policy.yaml`).
    public var policy: String
}
