import CCmark
import Foundation

/// CommonMark to HTML through libcmark. The only file that imports the C library.
///
/// Raw HTML in the Markdown is left out (cmark's safe default): themes are written by comms
/// staff and end up on every member's page, so markup comes from templates, not content.
enum Markdown {
    static func html(_ markdown: String) -> String {
        let options = CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8
        let length = markdown.utf8.count
        guard let rendered = cmark_markdown_to_html(markdown, length, options) else { return "" }
        defer { free(rendered) }
        return String(cString: rendered)
    }
}
