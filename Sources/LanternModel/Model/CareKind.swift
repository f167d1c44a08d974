/// A 慰问 occasion in a member's own life, outside festival welfare: what a personal letter's
/// gift is for. The policy's `care:` section gives each kind's cap.
package enum CareKind: String, CaseIterable, Sendable, Comparable {
    case marriage, childbirth, hospital, bereavement, retirement

    var chineseName: String {
        switch self {
        case .marriage: "结婚"
        case .childbirth: "生育"
        case .hospital: "住院"
        case .bereavement: "直系亲属去世"
        case .retirement: "退休"
        }
    }

    package static func < (a: CareKind, b: CareKind) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}
