/// Collects diagnostics across a stage so a user fixes every problem in one pass.
package struct Diagnostics: Sendable {
    package private(set) var all: [Diagnostic] = []

    package init() {}

    var hasErrors: Bool { all.contains { $0.severity == .error } }
    package var warnings: [Diagnostic] { all.filter { $0.severity == .warning } }

    package mutating func append(_ diagnostic: Diagnostic) { all.append(diagnostic) }
    package mutating func append(contentsOf other: [Diagnostic]) { all.append(contentsOf: other) }

    package mutating func error(_ message: String, at location: SourceLocation?, hint: String? = nil) {
        all.append(.error(message, at: location, hint: hint))
    }

    package mutating func warning(_ message: String, at location: SourceLocation?, hint: String? = nil) {
        all.append(.warning(message, at: location, hint: hint))
    }

    /// Throws everything gathered if any of it is an error; warnings alone pass.
    package func throwIfErrors() throws(DiagnosticsError) {
        if hasErrors { throw DiagnosticsError(all) }
    }
}
