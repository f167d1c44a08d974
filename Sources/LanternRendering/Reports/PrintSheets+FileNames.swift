import Foundation

extension PrintSheets {
    /// A safe file name per department, in the same order: `研发部.html`, `未分配部门.html` for
    /// the empty department, `R&D_Ops.html` for `R&D/Ops`. Names that would collide (also on a
    /// case-insensitive disk) get `-2`, `-3` … in the order given.
    static func fileNames(for departments: [String]) -> [String] {
        var taken: Set<String> = []
        return departments.map { department in
            let base = department.isEmpty ? unassigned : safeName(department)
            var name = base + ".html"
            var suffix = 1
            while !taken.insert(collisionKey(name)).inserted {
                suffix += 1
                name = "\(base)-\(suffix).html"
            }
            return name
        }
    }

    /// Keeps letters of any script (Chinese too), digits and most punctuation; replaces path
    /// separators, characters Windows refuses and control characters with `_`; drops leading and
    /// trailing dots and spaces, so no name is hidden, `.` or `..`.
    static func safeName(_ department: String) -> String {
        let refused = Set("/\\:*?\"<>|")
        var name = String(department.map { c in
            refused.contains(c) || c.unicodeScalars.contains { $0.properties.generalCategory == .control
                || $0.properties.generalCategory == .format || $0.properties.isWhitespace && $0 != " " } ? "_" : c
        })
        name = String(name.prefix(maxLength))
        while let first = name.first, first == "." || first == " " { name.removeFirst() }
        while let last = name.last, last == "." || last == " " { name.removeLast() }
        if name.isEmpty { return "部门" }
        // CON, NUL, COM1 … are devices on Windows, whatever follows the first dot.
        let stem = name.split(separator: ".", maxSplits: 1).first.map { $0.uppercased() } ?? ""
        if reservedOnWindows.contains(stem) { name += "_" }
        return name
    }

    /// 60 characters, even at 3 UTF-8 bytes each, stay far below the 255-byte limit of a file name.
    static let maxLength = 60
    static let reservedOnWindows: Set<String> = Set(["CON", "PRN", "AUX", "NUL"]
        + (1...9).flatMap { ["COM\($0)", "LPT\($0)"] })

    private static func collisionKey(_ name: String) -> String {
        name.precomposedStringWithCanonicalMapping.lowercased()
    }
}
