/// Which members a theme is for. Empty rules admit every active member.
package struct Audience: Sendable, Equatable {
    package var gender: Member.Gender?
    package var departments: Set<String> = []
    /// Roster tags (`frontline`, `overseas`, …): a member needs at least one.
    package var tags: Set<String> = []

    package init(gender: Member.Gender? = nil, departments: Set<String> = [], tags: Set<String> = []) {
        self.gender = gender
        self.departments = departments
        self.tags = tags
    }

    package func admits(_ member: Member) -> Bool {
        if let gender, member.gender != gender { return false }
        if !departments.isEmpty && !departments.contains(member.department) { return false }
        if !tags.isEmpty && tags.isDisjoint(with: member.tags) { return false }
        return true
    }

    /// A short description for shop pages, e.g. `女职工`; empty means all members.
    package var note: String {
        var parts: [String] = []
        if let gender { parts.append(gender == .female ? "女职工" : "男职工") }
        if !departments.isEmpty { parts.append(departments.sorted().joined(separator: "、")) }
        if !tags.isEmpty { parts.append("指定人群") }
        return parts.joined(separator: " · ")
    }
}
