import Foundation
import LanternChecking
import LanternModel
import LanternPlanning

/// A rating (1–5) and an optional comment for a theme that closed, as the member's page sends
/// it: `member`, `theme`, `code`, `rating`, `comment`.
package struct FeedbackSubmission: Sendable, Equatable {
    package var member: String
    package var theme: String
    package var code: String
    package var rating: String
    package var comment: String

    package static let maxComment = 500
    static let fields: Set<String> = ["member", "theme", "code", "rating", "comment"]

    package static func parse(_ body: [UInt8]) -> Result<FeedbackSubmission, Refusal> {
        FormBody.fields(body, allowed: fields).flatMap { fields in
            guard let member = fields.single("member"), let theme = fields.single("theme"), let code = fields.single("code") else {
                return .failure(.missingField)
            }
            return .success(FeedbackSubmission(member: member, theme: theme, code: code, rating: fields["rating"]?.first ?? "",
                                               comment: fields["comment"]?.first ?? ""))
        }
    }
}

/// Feedback the desk accepted.
package struct Feedback: Sendable {
    package var member: Member
    package var theme: Theme
    package var rating: Int
    /// Trimmed; empty when the member wrote nothing.
    package var comment: String
}

extension OrderDesk {
    /// The code proves who sends it; the theme must have closed for the member within the
    /// site's feedback window (`feedback.window`, days).
    package func check(_ feedback: FeedbackSubmission, on today: Day) -> Result<Feedback, Refusal> {
        let memberID = MemberID(feedback.member), slug = Slug(feedback.theme)
        guard OrderCode.matches(feedback.code, member: memberID, theme: slug, secret: secret) else { return .failure(.badCode) }
        guard let member = members[memberID], member.status == .active else { return .failure(.unknownMember) }
        guard let theme = themes[slug] else { return .failure(.unknownTheme) }
        guard theme.audience.admits(member),
              theme.closedDay(for: member, on: today, within: site.content.config.feedbackDays) != nil else {
            return .failure(.notInFeedbackWindow)
        }
        guard let rating = Int(feedback.rating), (1...5).contains(rating) else { return .failure(.badRating) }
        let comment = feedback.comment.trimmingCharacters(in: .whitespacesAndNewlines)
        guard comment.count <= FeedbackSubmission.maxComment else { return .failure(.commentTooLong) }
        return .success(Feedback(member: member, theme: theme, rating: rating, comment: comment))
    }
}
