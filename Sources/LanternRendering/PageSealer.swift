import Crypto
import Foundation
import LanternModel

/// Encrypts the personal part of a member page (`TemplateSet.Sealing`) with AES-256-GCM. The
/// page keeps its layout and shows, until `assets/unlock.js` decrypts the part with the key from
/// the link's fragment, a message to open the page from the personal link.
///
/// The nonce is derived from the key and the plaintext, so the same page encrypts to the same
/// bytes on every build (deterministic output) while different pages never share a nonce.
enum PageSealer {
    /// What a locked page says until it is opened, in the page's language; the reasons
    /// `unlock.js` may add (no secure context, a link cut short) ride along as attributes.
    static func lockedMessage(_ locale: SiteLocale) -> String {
        let t = { (key: String) in MustacheHTML.escape(locale.string("locked.\(key)")) }
        return """
            <div class="locked" data-locked data-https="\(t("https_title"))" data-https-detail="\(t("https_detail"))" \
            data-incomplete="\(t("incomplete_title"))" data-incomplete-detail="\(t("incomplete_detail"))">
            <h1>\(t("title"))</h1>
            <p>\(t("message"))</p>
            </div>
            """
    }

    /// The sealed part as it stands in the page: the ciphertext, with the locked message inside
    /// it (which `unlock.js` replaces by the part), and the script that opens it.
    static func seal(_ part: String, key: SymmetricKey, root: String, locale: SiteLocale) -> String {
        let plaintext = Data(part.utf8)
        let nonceBytes = HMAC<SHA256>.authenticationCode(for: plaintext, using: key).prefix(12)
        let sealed = try! AES.GCM.seal(plaintext, using: key, nonce: AES.GCM.Nonce(data: Data(nonceBytes))) // a 12-byte nonce cannot fail
        let payload = sealed.combined!.base64EncodedString()
        return "<div class=\"sealed\" id=\"sealed\" data-sealed=\"\(payload)\">\n\(lockedMessage(locale))\n</div>\n"
            + "<script src=\"\(root)assets/unlock.js\"></script>\n"
    }
}

/// Member page shells split where their sealed part goes. A shell's context holds nothing of
/// the member (`PageContext.shellContext`), so it is the same for every member with pages of
/// one kind, theme and depth: rendered once for each, with a marker in the slot.
final class SealedShells: Sendable {
    struct Shell: Sendable {
        let before: Data, after: Data
    }

    private let shells = Locked<[String: Shell]>([:])
    /// Unique per build, so no text of the site can be mistaken for it.
    private let marker = "lantern-sealed-part-\(UUID().uuidString)"

    /// The shell of `key`, rendered by `render` (given the slot's value) the first time.
    /// A layout that does not show the slot exactly once is an error: the part would be lost or
    /// doubled, and the page is not written at all.
    package func shell(_ key: String, kind: TemplateSet.Kind, layout: String,
               render: (String) -> String) throws(DiagnosticsError) -> Shell {
        if let shell = shells.value[key] { return shell }
        let pieces = render(marker).components(separatedBy: marker)
        guard pieces.count == 2 else {
            throw DiagnosticsError([.error("\(layout) shows the {{$content}} block of \(kind.rawValue) pages \(pieces.count - 1) times, "
                                               + "so their encrypted part cannot be placed", at: SourceLocation(file: layout),
                                           hint: "with `privacy.encrypt: true`, the layout shows {{$content}}{{/content}} once, outside any section")])
        }
        let shell = Shell(before: Data(pieces[0].utf8), after: Data(pieces[1].utf8))
        shells.update { $0[key] = shell }
        return shell
    }
}
