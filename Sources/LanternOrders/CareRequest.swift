import Foundation
import LanternModel
import LanternPlanning

/// A member's request for a care-menu package, as their own page sends it: `member`, `code`,
/// `package` (a menu slug), `note` (optional). Sensitive: it goes only to the collector and the
/// private report.
package struct CareRequestSubmission: Sendable, Equatable {
    package var member: String
    package var code: String
    package var package: String
    package var note: String

    package static let maxNote = 300
    static let fields: Set<String> = ["member", "code", "package", "note"]

    package static func parse(_ body: [UInt8]) -> Result<CareRequestSubmission, Refusal> {
        FormBody.fields(body, allowed: fields).flatMap { fields in
            guard let member = fields.single("member"), let code = fields.single("code"), let package = fields.single("package") else {
                return .failure(.missingField)
            }
            return .success(CareRequestSubmission(member: member, code: code, package: package, note: fields["note"]?.first ?? ""))
        }
    }
}

/// A request the desk accepted.
package struct CareRequest: Sendable {
    package var member: Member
    package var package: MenuPackage
    /// Trimmed; empty when the member wrote nothing.
    package var note: String
}

extension OrderDesk {
    package func check(_ request: CareRequestSubmission) -> Result<CareRequest, Refusal> {
        let memberID = MemberID(request.member)
        guard OrderCode.matches(request.code, member: memberID, theme: OrderCode.requestPurpose, secret: secret) else {
            return .failure(.badCode)
        }
        guard let member = members[memberID], member.status == .active else { return .failure(.unknownMember) }
        guard let package = site.content.menu.first(where: { $0.slug.rawValue == request.package }) else { return .failure(.unknownPackage) }
        let note = request.note.trimmingCharacters(in: .whitespacesAndNewlines)
        guard note.count <= CareRequestSubmission.maxNote else { return .failure(.commentTooLong) }
        return .success(CareRequest(member: member, package: package, note: note))
    }
}
