/// Collects diagnostics across a stage so a user fixes every problem in one pass.
public struct Diagnostics: Sendable {
    public private(set) var all: [Diagnostic] = []

    public init() {}

    var hasErrors: Bool { all.contains { $0.severity == .error } }
    public var warnings: [Diagnostic] { all.filter { $0.severity == .warning } }

    public mutating func append(_ diagnostic: Diagnostic) { all.append(diagnostic) }
    public mutating func append(contentsOf other: [Diagnostic]) { all.append(contentsOf: other) }

    public mutating func error(_ message: String, at location: SourceLocation?, hint: String? = nil) {
        all.append(.error(message, at: location, hint: hint))
    }

    public mutating func warning(_ message: String, at location: SourceLocation?, hint: String? = nil) {
        all.append(.warning(message, at: location, hint: hint))
    }

    /// Throws everything gathered if any of it is an error; warnings alone pass.
    public func throwIfErrors() throws(DiagnosticsError) {
        if hasErrors { throw DiagnosticsError(all) }
    }
}
