import Foundation
import LanternModel

/// Files for the static host rather than for people: robots.txt, `_headers` (Netlify and
/// Cloudflare Pages), and an empty `m/index.html` so a host that lists folders shows nothing.
enum HostFiles {
    static let robots = "User-agent: *\nDisallow: /m/\n"

    /// Member pages: not indexed, no referrer, never kept by shared caches. Item pictures' versions
    /// are named after their bytes (`ItemPictures`): cached for good. Everywhere: only
    /// same-origin scripts and styles, forms and `fetch` only to the site itself and the order
    /// endpoint (the collector).
    static func headers(orderEndpoint: String) -> String {
        var formAction = "'self'"
        if let url = URL(string: orderEndpoint), let scheme = url.scheme, let host = url.host {
            formAction += " \(scheme)://\(host)\(url.port.map { ":\($0)" } ?? "")"
        }
        let connect = formAction
        return """
        /m/*
          X-Robots-Tag: noindex, nofollow
          Referrer-Policy: no-referrer
          Cache-Control: private, no-store
        /assets/images/*
          Cache-Control: public, max-age=31536000, immutable
        /*
          Content-Security-Policy: default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src \(connect); form-action \(formAction); base-uri 'none'; frame-ancestors 'none'; object-src 'none'
          X-Content-Type-Options: nosniff

        """
    }

    /// Deliberately empty: `public/m/` must not reveal its folders.
    static let memberIndex = """
        <!doctype html>
        <html lang="zh-CN"><head><meta charset="utf-8"><meta name="robots" content="noindex,nofollow">
        <meta name="referrer" content="no-referrer"><title>Lantern</title></head><body></body></html>

        """
}
