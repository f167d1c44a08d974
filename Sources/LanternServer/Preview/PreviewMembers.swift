import LanternModel

/// The preview bar's member picker: members found by what an author types.
enum PreviewMembers {
    /// With `exact`, a member whose id is the text (any case) or whose name is the text is the
    /// only answer; else, and for suggestions, every member whose id or name holds it, in roster order.
    static func find(_ text: String, in roster: [Member], exact: Bool = true) -> [Member] {
        let wanted = text.lowercased()
        if exact, let member = roster.first(where: { $0.id.rawValue.lowercased() == wanted }) { return [member] }
        if exact, case let named = roster.filter({ $0.name == text }), !named.isEmpty { return named }
        return roster.filter { $0.id.rawValue.lowercased().contains(wanted) || $0.name.lowercased().contains(wanted) }
    }
}
