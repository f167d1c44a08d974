import Foundation

/// Where the storefront form POSTs a member's choice (member id, theme, items): `https://`, or
/// `http://` to this machine only (`127.0.0.0/8`, `localhost`, `[::1]`), for local tests.
enum OrderEndpoint {
    /// Why `text` cannot be the order endpoint ("is not https://"), or nil when it can.
    static func problem(_ text: String) -> String? {
        guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased(),
              let host = components.host, !host.isEmpty else {
            return "is not a full address"
        }
        switch scheme {
        case "https": return nil
        case "http": return isLoopback(host) ? nil : "is not https:// (plain http:// is allowed only to this machine)"
        default: return "is not https://"
        }
    }

    /// `localhost`, `::1`, or a dotted IPv4 address in 127.0.0.0/8. Anything a browser might
    /// resolve elsewhere (`localhost.example.com`, `127.1`, octal forms) is not loopback here.
    static func isLoopback(_ host: String) -> Bool {
        let host = host.lowercased()
        if ["localhost", "::1", "[::1]"].contains(host) { return true }
        let parts = host.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4, parts[0] == "127" else { return false }
        return parts.allSatisfy { part in
            (1...3).contains(part.count) && part.allSatisfy { ("0"..."9").contains($0) } && Int(part)! <= 255
        }
    }
}
