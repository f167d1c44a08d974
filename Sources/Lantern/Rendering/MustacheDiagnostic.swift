import Mustache

/// Turns swift-mustache's parser errors into diagnostics at the template's own line and column.
enum MustacheDiagnostic {
    static func parse(_ text: String, file: String, firstLine: Int = 1) -> Result<MustacheTemplate, DiagnosticsError> {
        do {
            return .success(try MustacheTemplate(string: text))
        } catch let error as MustacheTemplate.ParserError {
            let location = SourceLocation(file: file, line: error.context.lineNumber + firstLine - 1,
                                          column: max(1, error.context.columnNumber))
            return .failure(DiagnosticsError([.error("template syntax error: \(describe(error.error))", at: location,
                                   hint: "every {{#section}} needs a matching {{/section}}, and tags close with }}")]))
        } catch {
            return .failure(DiagnosticsError([.error("template error: \(error)", at: SourceLocation(file: file, line: firstLine))]))
        }
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
        case nil: "\(error)"
        }
    }
}
