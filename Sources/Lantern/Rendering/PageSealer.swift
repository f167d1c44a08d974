import Foundation
import Crypto

/// Encrypts the personal part of a member page (everything inside `<main id="main">`) with
/// AES-256-GCM. The page keeps its layout and shows, until `assets/unlock.js` decrypts it with
/// the key from the link's fragment, a message to open the page from the personal link.
///
/// The nonce is derived from the key and the plaintext, so the same page encrypts to the same
/// bytes on every build (deterministic output) while different pages never share a nonce.
enum PageSealer {
    static let open = "<main id=\"main\">"
    static let close = "</main>"

    static let lockedMessage = """
        <div class="locked" data-locked>
        <h1>请从您的专属链接打开此页面</h1>
        <p>这是一个加密的个人页面。请点击工会发给您的完整链接（含 # 之后的部分）打开。</p>
        <p lang="en">This page is private. Please open it from your personal link.</p>
        </div>
        """

    static func seal(_ html: String, key: SymmetricKey, root: String) -> String {
        guard let start = html.range(of: open), let end = html.range(of: close, options: .backwards),
              start.upperBound <= end.lowerBound else { return html }
        let plaintext = Data(html[start.upperBound..<end.lowerBound].utf8)
        let nonceBytes = HMAC<SHA256>.authenticationCode(for: plaintext, using: key).prefix(12)
        let sealed = try! AES.GCM.seal(plaintext, using: key, nonce: AES.GCM.Nonce(data: Data(nonceBytes)))
        let payload = sealed.combined!.base64EncodedString()
        let body = "\n\(lockedMessage)\n<div hidden id=\"sealed\" data-sealed=\"\(payload)\"></div>\n"
            + "<script src=\"\(root)assets/unlock.js\"></script>\n"
        return String(html[..<start.upperBound]) + body + String(html[end.lowerBound...])
    }
}
