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
}
