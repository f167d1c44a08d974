import Foundation
import Crypto

/// The site secret behind every member token: from `LANTERN_SECRET`, or `private/secret.key`,
/// created with 256 random bits (mode 0600) on the first build.
public struct Secret: Sendable {
    private let bytes: Data

    public init(_ text: String) { bytes = Data(text.utf8) }

    var key: SymmetricKey { SymmetricKey(data: bytes) }

    /// With `create: false` a missing secret is an error (commands that only read, like `links`).
    public static func load(privateFolder: URL, environment: [String: String], create: Bool = true) throws(DiagnosticsError) -> Secret {
        if let text = environment["LANTERN_SECRET"], !text.isEmpty { return Secret(text) }
        let file = privateFolder.appending(path: "secret.key")
        if let data = FileManager.default.contents(atPath: file.path),
           let text = String(data: data, encoding: .utf8)?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty {
            return Secret(text)
        }
        guard create else {
            throw DiagnosticsError([.error("no site secret yet", at: SourceLocation(file: file.path),
                                           hint: "run `lantern build` first, or set LANTERN_SECRET")])
        }
        let text = SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) }.hex
        do {
            try FileManager.default.createDirectory(at: privateFolder, withIntermediateDirectories: true)
            guard FileManager.default.createFile(atPath: file.path, contents: Data((text + "\n").utf8),
                                                 attributes: [.posixPermissions: 0o600]) else { throw CocoaError(.fileWriteUnknown) }
        } catch {
            throw DiagnosticsError([.error("cannot create the site secret", at: SourceLocation(file: file.path),
                                           hint: "make the private folder writable, or set LANTERN_SECRET")])
        }
        return Secret(text)
    }
}
