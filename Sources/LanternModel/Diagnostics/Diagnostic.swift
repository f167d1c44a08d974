/// Everything a user can get wrong, in one type: where, how bad, what, and how to fix it.
package struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
    package enum Severity: String, Sendable, Comparable {
        case warning, error

        package static func < (a: Severity, b: Severity) -> Bool { a == .warning && b == .error }
    }

    package var severity: Severity
    package var location: SourceLocation?
    package var message: String
    package var hint: String?

    package init(_ severity: Severity, _ message: String, at location: SourceLocation?, hint: String? = nil) {
        self.severity = severity
        self.location = location
        self.message = message
        self.hint = hint
    }

    package static func error(_ message: String, at location: SourceLocation?, hint: String? = nil) -> Diagnostic {
        Diagnostic(.error, message, at: location, hint: hint)
    }

    package static func warning(_ message: String, at location: SourceLocation?, hint: String? = nil) -> Diagnostic {
        Diagnostic(.warning, message, at: location, hint: hint)
    }

    /// One tab-free line holding the whole diagnostic, for build state; `init(stateLine:)` reads it.
    package var stateLine: String {
        [severity.rawValue, location?.file ?? "", location.map { "\($0.line)" } ?? "", location.map { "\($0.column)" } ?? "",
         message, hint ?? ""].map { $0.replacingOccurrences(of: "\u{1F}", with: " ").replacingOccurrences(of: "\n", with: " ")
            .replacingOccurrences(of: "\t", with: " ") }.joined(separator: "\u{1F}")
    }

    package init?(stateLine: String) {
        let f = stateLine.split(separator: "\u{1F}", omittingEmptySubsequences: false).map(String.init)
        guard f.count == 6, let severity = Severity(rawValue: f[0]) else { return nil }
        let location = f[1].isEmpty ? nil : SourceLocation(file: f[1], line: Int(f[2]) ?? 1, column: Int(f[3]) ?? 1)
        self.init(severity, f[4], at: location, hint: f[5].isEmpty ? nil : f[5])
    }

    /// `path:line:column: error: message`, then `  hint: …` on its own line.
    package var description: String {
        var text = location.map { "\($0): " } ?? "lantern: "
        text += "\(severity.rawValue): \(message)"
        if let hint { text += "\n  hint: \(hint)" }
        return text
    }
}

/// Thrown when a stage ends with errors; carries every diagnostic gathered so far.
package struct DiagnosticsError: Error, CustomStringConvertible {
    package var diagnostics: [Diagnostic]
    /// The build failed after it had published the output: some of its private files are not
    /// in place yet (the diagnostics name them), and the next build puts them there. False:
    /// nothing was written.
    package var published = false

    package init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }

    package var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
    package var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
