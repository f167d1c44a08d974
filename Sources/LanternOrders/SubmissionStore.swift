import Foundation

/// Where the collector keeps what members send: every submission as history, accepted or not,
/// and for each member and theme the latest accepted one as the current choice. The one place
/// that knows how it is stored; nothing outside an implementation assumes SQLite, so another
/// (PostgreSQL for several collectors behind a load balancer) can take its place.
package protocol SubmissionStore: Sendable {
    /// Keeps an accepted order as the member's current choice for its theme (earlier ones stay
    /// in the history) and returns its receipt number. Returns only once the record is durable.
    func accept(_ order: Order, at time: Date) async throws -> String
    /// Counts a refused submission: why, and whom and which theme it named (as sent; unverified).
    func refuse(_ refusal: Refusal, member: String?, theme: String?, at time: Date) async throws
    /// The current choice of each member who chose, for one theme.
    func choices(theme: String) async throws -> [StoredChoice]
    /// One member's current choice for one theme, if any.
    func choice(member: String, theme: String) async throws -> StoredChoice?
    /// Refused submissions by reason, over all themes (those that named none included).
    func refusals() async throws -> [Refusal: Int]
    /// Refused submissions by reason that named `theme` (as sent: a forged one can name any).
    func refusals(theme: String) async throws -> [Refusal: Int]
    /// Keeps a rating and comment; with `anonymous`, with no member id: only that the member
    /// answered is remembered, apart from the answer, to refuse a second one. False when the
    /// member has answered for this theme already (nothing is kept then).
    func feedback(_ feedback: Feedback, anonymous: Bool, at time: Date) async throws -> Bool
    /// Every answer for a theme: the rating, the comment, and the member id unless anonymous.
    func feedback(theme: String) async throws -> [StoredFeedback]
    /// Keeps a care-menu request and returns its receipt number.
    func request(_ request: CareRequest, at time: Date) async throws -> String
    /// Every care-menu request, oldest first.
    func requests() async throws -> [StoredRequest]
}

/// One care-menu request as the store returns it.
package struct StoredRequest: Sendable, Equatable {
    package var member: String
    package var package: String
    package var note: String
    package var receipt: String
    package var time: Date

    package init(member: String, package: String, note: String, receipt: String, time: Date) {
        self.member = member
        self.package = package
        self.note = note
        self.receipt = receipt
        self.time = time
    }
}

/// One answer as the store returns it.
package struct StoredFeedback: Sendable, Equatable {
    package var theme: String
    package var rating: Int
    package var comment: String
    /// Nil for anonymous feedback.
    package var member: String?

    package init(theme: String, rating: Int, comment: String, member: String?) {
        self.theme = theme
        self.rating = rating
        self.comment = comment
        self.member = member
    }
}

/// A member's current choice for a theme, as the store returns it.
package struct StoredChoice: Sendable, Equatable {
    package var member: String
    package var theme: String
    package var skus: [String]
    package var totalFen: Int64
    package var receipt: String
    package var time: Date
    /// How many accepted submissions the member made for the theme (changes of mind + 1).
    package var submissions: Int

    package init(member: String, theme: String, skus: [String], totalFen: Int64, receipt: String, time: Date, submissions: Int) {
        self.member = member
        self.theme = theme
        self.skus = skus
        self.totalFen = totalFen
        self.receipt = receipt
        self.time = time
        self.submissions = submissions
    }
}
