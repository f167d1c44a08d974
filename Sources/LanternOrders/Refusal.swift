/// Why a submission is not an order. Each is counted by the collector and shown in the report;
/// the member gets the message in their language.
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

    /// What the member reads: Chinese, and English for members whose `language` is `en`.
    package func message(english: Bool) -> String {
        switch (self, english) {
        case (.tooLarge, false): "提交的内容过大，请从您的专属页面重新提交。"
        case (.tooLarge, true): "The submission is too large. Please submit again from your own page."
        case (.malformed, false), (.unknownField, false), (.missingField, false): "提交的内容不完整或格式不正确，请从您的专属页面重新提交。"
        case (.malformed, true), (.unknownField, true), (.missingField, true): "The submission is incomplete or malformed. Please submit again from your own page."
        case (.badCode, false), (.unknownMember, false): "无法确认您的身份：请使用工会发给您的专属链接重新打开页面后提交。"
        case (.badCode, true), (.unknownMember, true): "We could not verify who you are. Please open the personal link the union sent you and submit again."
        case (.unknownTheme, false): "该福利专区不存在。"
        case (.unknownTheme, true): "This welfare shop does not exist."
        case (.themeNotOpen, false): "该福利专区尚未开放，请在开放后再提交。"
        case (.themeNotOpen, true): "This shop is not open yet. Please submit once it opens."
        case (.themeClosed, false): "该福利专区已截止，无法再提交或修改选择。"
        case (.themeClosed, true): "This shop has closed: choices can no longer be made or changed."
        case (.notForMember, false): "该福利专区不面向您开放。"
        case (.notForMember, true): "This shop is not open to you."
        case (.emptyChoice, false): "您还没有勾选任何礼品，请至少选择一项后提交。"
        case (.emptyChoice, true): "You have not ticked any gift. Please choose at least one."
        case (.repeatedItem, false): "同一礼品只能选择一次。"
        case (.repeatedItem, true): "Each gift can be chosen once."
        case (.ineligibleItem, false): "所选礼品中有您不能选择的商品，请从您的专属页面重新选择。"
        case (.ineligibleItem, true): "Your choice includes an item you cannot pick. Please choose again from your own page."
        case (.overBudget, false): "所选礼品合计超出预算，请取消部分选择后再提交。"
        case (.overBudget, true): "Your choice is over the budget. Please untick some items and submit again."
        case (.notInFeedbackWindow, false): "该专区的反馈时间已过或尚未开始。"
        case (.notInFeedbackWindow, true): "Feedback for this shop is not open now."
        case (.badRating, false): "请选择 1 到 5 之间的满意度评分。"
        case (.badRating, true): "Please choose a rating from 1 to 5."
        case (.commentTooLong, false): "意见请控制在 500 字以内。"
        case (.commentTooLong, true): "Please keep the comment under 500 characters."
        case (.unknownPackage, false): "慰问菜单中没有这项服务，请从您的专属页面重新选择。"
        case (.unknownPackage, true): "The care menu has no such service. Please choose again from your own page."
        case (.alreadyAnswered, false): "您已经提交过该专区的反馈，谢谢！"
        case (.alreadyAnswered, true): "You have already sent feedback for this shop. Thank you!"
        }
    }
}
