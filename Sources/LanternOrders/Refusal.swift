/// Why a submission is not an order. Each is counted by the collector and shown in the report;
/// the member reads why in their language, from the locale file's `refusal.<reason>` string.
package enum Refusal: String, Error, Sendable, CaseIterable, Codable {
    case tooLarge = "too-large"
    case malformed
    case unknownField = "unknown-field"
    case missingField = "missing-field"
    /// The code does not match the member and theme: forged, altered, or from another member.
    case badCode = "bad-code"
    /// The code matches but the member is not (or no longer) in the roster as active.
    case unknownMember = "unknown-member"
    case unknownTheme = "unknown-theme"
    case themeNotOpen = "theme-not-open"
    case themeClosed = "theme-closed"
    /// The theme is open, but not for this member (audience, birthday window).
    case notForMember = "not-for-member"
    case emptyChoice = "empty-choice"
    case repeatedItem = "repeated-item"
    /// An item the member's storefront does not offer (policy, city, stock, budget, theme).
    case ineligibleItem = "ineligible-item"
    case overBudget = "over-budget"
    /// Feedback: the theme did not close for the member within the feedback window.
    case notInFeedbackWindow = "not-in-feedback-window"
    case badRating = "bad-rating"
    case commentTooLong = "comment-too-long"
    case alreadyAnswered = "already-answered"
    /// A care-menu request for a package the menu does not have.
    case unknownPackage = "unknown-package"

    /// The HTTP status the collector answers with.
    package var status: Int {
        switch self {
        case .tooLarge: 413
        case .malformed, .unknownField, .missingField: 400
        case .badCode, .unknownMember: 403
        case .unknownTheme, .unknownPackage: 404
        case .themeNotOpen, .themeClosed, .notForMember: 409
        case .emptyChoice, .repeatedItem, .ineligibleItem, .overBudget, .badRating, .commentTooLong: 422
        case .notInFeedbackWindow, .alreadyAnswered: 409
        }
    }
}
