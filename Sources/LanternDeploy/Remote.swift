import Foundation
import LanternModel

/// Where a deploy uploads: any rclone remote path, as the user writes it (`name:bucket/site`, a
/// connection string such as `:webdav,url='https://dav.example.com':site`, or a local folder).
package struct Remote: Sendable, Equatable {
    /// Exactly what the user wrote; rclone reads it.
    package let path: String
    /// A remote configured with `rclone config` (`name` of `name:…`); nil for a connection string
    /// or a local folder.
    let configured: String?
    /// The backend named by a connection string (`webdav` of `:webdav,…:`), `local` for a folder.
    let backend: String?

    package init(_ path: String) {
        self.path = path
        if path.hasPrefix(":") {
            let name = path.dropFirst().prefix { $0 != "," && $0 != ":" }
            configured = nil
            backend = String(name)
        } else if let colon = path.firstIndex(of: ":"), !path[..<colon].contains("/") {
            // `name:` or `name,option=…:`, as rclone reads it (a `/` first makes it a folder).
            configured = String(path[..<colon].prefix { $0 != "," })
            backend = nil
        } else {
            configured = nil
            backend = "local"
        }
    }

    /// The file in `private/deploys/` that records what this remote holds: readable, and keyed by
    /// the whole remote path (a connection string may hold a password: it is not written out).
    var recordName: String {
        let label = (configured ?? backend ?? "remote").map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" ? $0 : "-" }
        return String(label.prefix(40)) + "-" + String(Digest.of(Data(path.utf8)).prefix(12))
    }

    /// `relative` under this remote path, as rclone reads it.
    func appending(_ relative: String) -> String {
        path.hasSuffix(":") || path.hasSuffix("/") ? path + relative : path + "/" + relative
    }

    /// Backends that keep headers given with `--header-upload` and serve them back: object stores
    /// that store them as the object's metadata.
    static let keepsHeaders: Set<String> = ["s3", "google cloud storage", "gcs"]

    /// The headers such a store serves back; the others of `_headers` (`X-Robots-Tag`, the CSP…)
    /// belong to the host or CDN in front of it.
    static let storedHeaders: Set<String> = ["cache-control", "content-disposition", "content-encoding", "content-language", "content-type"]
}
