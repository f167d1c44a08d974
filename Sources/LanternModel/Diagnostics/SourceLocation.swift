/// A place in a user's file, printed like a compiler does: `path:line:column`.
///
/// Lines and columns start at 1; columns count Unicode scalars, so a Chinese character is one column.
package struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
    package var file: String
    package var line: Int
    package var column: Int

    package init(file: String, line: Int = 1, column: Int = 1) {
        self.file = file
        self.line = line
        self.column = column
    }

    package var description: String { "\(file):\(line):\(column)" }
}
