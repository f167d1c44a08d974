import LanternModel
import Mustache

/// Turns swift-mustache's parser errors into diagnostics at the `{{` of the tag at fault.
///
/// The library reports where its parser stopped: inside or just after the bad tag, or at the end
/// of the file for a section never closed, with a column that counts Characters back to the last
/// "\n" (which a CRLF break is not). Lantern points at the tag itself, in scalars, as its other
/// tag diagnostics do, and at the line of `text` (the parser also read `MustacheHTML.pragma`).
enum MustacheDiagnostic {
    static func parse(_ text: String, file: String, firstLine: Int = 1) -> Result<MustacheTemplate, DiagnosticsError> {
        do {
            return .success(try MustacheHTML.template(text))
        } catch let error as MustacheTemplate.ParserError {
            let unclosed = error.error as? MustacheTemplate.Error == .expectedSectionEnd ? unclosedSection(text) : nil
            let (line, column) = unclosed.map { ($0.line, $0.column) } ?? tagAtStop(of: error, in: text)
            let location = SourceLocation(file: file, line: line + firstLine - 1, column: column)
            return .failure(DiagnosticsError([.error("template syntax error: \(describe(error.error))", at: location,
                                   hint: unclosed.map { "close it with {{/\($0.name)}}" }
                                       ?? "every {{#section}} needs a matching {{/section}}, and tags close with }}")]))
        } catch {
            return .failure(DiagnosticsError([.error("template error: \(error)", at: SourceLocation(file: file, line: firstLine))]))
        }
    }

    /// The innermost section still open at the end of the text.
    static func unclosedSection(_ text: String) -> MustacheTags.Tag? {
        var open: [MustacheTags.Tag] = []
        for tag in MustacheTags.scan(text) {
            if let sigil = tag.sigil, "#^$<".contains(sigil) { open.append(tag) }
            if tag.sigil == "/", !open.isEmpty { open.removeLast() }
        }
        return open.last
    }

    /// The last tag starting at or before where the parser stopped, else that point itself.
    static func tagAtStop(of error: MustacheTemplate.ParserError, in text: String) -> (line: Int, column: Int) {
        let context = text.unicodeScalars.contains(where: isOtherBreak) ? lfContext(text) ?? error.context : error.context
        let column = context.line.prefix(max(0, context.columnNumber - 1)).unicodeScalars.count + 1
        let stop = (context.lineNumber - MustacheHTML.pragmaLines, column)
        let tag = MustacheTags.scan(text).last { ($0.line, $0.column) <= stop }
        return tag.map { ($0.line, $0.column) } ?? stop
    }

    /// Breaks the library counts as new lines (`Character.isNewline`) but Lantern's positions do not.
    private static func isOtherBreak(_ scalar: Unicode.Scalar) -> Bool {
        ["\r", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}"].contains(scalar)
    }

    /// The error's context from the same text with LF breaks only (CR LF made LF, every other
    /// break a space, so no column moves), where the library's lines and columns hold.
    private static func lfContext(_ text: String) -> MustacheParserContext? {
        var scalars = String.UnicodeScalarView()
        for scalar in text.replacing("\r\n", with: "\n").unicodeScalars { scalars.append(isOtherBreak(scalar) ? " " : scalar) }
        do { _ = try MustacheHTML.template(String(scalars)) } catch {
            return (error as? MustacheTemplate.ParserError)?.context
        }
        return nil
    }

    static func describe(_ error: Error) -> String {
        switch error as? MustacheTemplate.Error {
        case .sectionCloseNameIncorrect: "a closing tag {{/…}} does not match the open section"
        case .unfinishedName: "a tag is not finished"
        case .expectedSectionEnd: "a section is never closed"
        case .invalidSetDelimiter: "bad set-delimiter tag"
        case .transformAppliedToInheritanceSection: "a transform cannot apply to an inherited section"
        case .illegalTokenInsideInheritSection: "only {{$block}} tags may stand inside {{<parent}}"
        case .textInsideInheritSection: "only {{$block}} tags may stand inside {{<parent}}"
        case .invalidConfigVariableSyntax, .unrecognisedConfigVariable: "bad {{% pragma}}"
        case nil where "\(error)" == "overflow": "the text ends inside a tag, or with a `{` the parser takes for the start of one"
        case nil: "\(error)"
        }
    }
}
