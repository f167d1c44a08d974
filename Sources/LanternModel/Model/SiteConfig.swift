/// `content/site.yaml`: who publishes the site and where choices are sent.
package struct SiteConfig: Sendable {
    package var name: String
    package var union: String
    package var language: String
    /// When set, `links.csv` holds absolute links; pages always link relatively.
    package var baseURL: String?
    /// Where the storefront form POSTs a member's choice.
    package var orderEndpoint: String
    /// The `mailto:` fallback address.
    package var orderEmail: String
    /// The policy file, relative to `content/` (default `policy.yaml`).
    package var policy: String
    /// Encrypt member pages; the key travels only in the link's `#k=` fragment.
    package var encrypt: Bool = false
    /// Roster fields a card or letter may show besides the name (`department`, `city`,
    /// `years_of_service`). Birth years and roster tags are never available.
    package var cardFields: Set<String> = SiteConfig.allCardFields

    package init(name: String, union: String, language: String, baseURL: String? = nil, orderEndpoint: String, orderEmail: String, policy: String, encrypt: Bool = false, cardFields: Set<String> = SiteConfig.allCardFields) {
        self.name = name
        self.union = union
        self.language = language
        self.baseURL = baseURL
        self.orderEndpoint = orderEndpoint
        self.orderEmail = orderEmail
        self.policy = policy
        self.encrypt = encrypt
        self.cardFields = cardFields
    }
    /// `print_sheets: all`: a printed card for every member with pages, not only for those
    /// with neither phone nor e-mail.
    package var printSheetsForAll = false
    /// Days after a theme closes during which members' pages ask for a rating and a comment.
    package var feedbackDays = 14
    /// `feedback.anonymous: true`: ratings and comments are kept with no member id.
    package var feedbackAnonymous = false
    /// `deploy.to`: the rclone remote `lantern deploy` uploads to when `--to` is not given.
    package var deployTo: String?

    /// The collector's address for `route` (`feedback`, `requests`): the order endpoint's
    /// sibling, as `…/orders` → `…/feedback`; nil without an endpoint.
    package func collectorRoute(_ route: String) -> String? {
        guard !orderEndpoint.isEmpty, let slash = orderEndpoint.lastIndex(of: "/") else { return nil }
        return orderEndpoint[...slash] + route
    }

    package static let allCardFields: Set<String> = ["department", "city", "years_of_service"]
}
