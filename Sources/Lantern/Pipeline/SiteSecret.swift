import Crypto
import Foundation
import LanternModel
import LanternPlanning
import LanternWriting

/// The secret a build uses, and the one place where it may change.
///
/// Every member's link is made from the secret and handed out once (mail merge, printed
/// sheets), so the secret is never replaced behind the admin's back:
/// - it comes from `LANTERN_SECRET` when that is set, else from `private/secret.key`;
/// - `private/state/secret.id` records its `Secret.identity`. A secret that differs from the
///   record, a damaged or unreadable file, or no secret at all where a build already published
///   links, is an error whose hint says to restore the file or to rotate;
/// - the first build makes a secret of 256 random bits; `lantern build --rotate-secret` makes a
///   new one (or takes a new `LANTERN_SECRET`), keeps the old file beside it, and reports how
///   many links changed.
///
/// Nothing is written until the build publishes (`install`, just before the swap), so a build
/// that fails before then leaves the private folder as it was.
struct SiteSecret: Sendable {
    let secret: Secret
    /// Whether this build replaces the secret the current links were made with.
    let rotates: Bool
    /// The text of a new `secret.key` to write; nil when the file stays as it is.
    let newFile: String?
    /// Whether `secret.id` must be written (it is missing or names another secret).
    let recordsFingerprint: Bool
    let privateFolder: URL

    static let fileName = "secret.key"
    static let recordName = "state/secret.id"
    static let rotateFlag = "--rotate-secret"

    /// `rotate`: make a new secret, or take `LANTERN_SECRET` as the new one. `create: false`
    /// (commands that only read, like `links`): a site without a secret is an error.
    static func resolve(privateFolder: URL, environment: [String: String], rotate: Bool = false,
                               create: Bool = true) throws(DiagnosticsError) -> SiteSecret {
        let place = Place(privateFolder)
        let recorded = try place.recorded()
        let fromEnvironment = environment["LANTERN_SECRET"].flatMap { $0.isEmpty ? nil : $0 }
        let known = KnownSecret(recorded: recorded, place: place)

        if let text = fromEnvironment {
            let secret: Secret
            switch Secret.parse(text) {
            case .success(let parsed): secret = parsed
            case .failure(let weakness):
                throw DiagnosticsError([.error("LANTERN_SECRET cannot be used: \(weakness.description)", at: nil,
                                               hint: "a secret is \(Secret.formats); make one with \(Secret.howToMake). "
                                                   + (recorded == nil ? "" : "If it made the current links, set the new one and run `lantern build \(rotateFlag)` "
                                                       + "(\(place.linksChanging))."))])
            }
            if rotate {
                guard recorded != secret.identity else {
                    throw DiagnosticsError([.error("\(rotateFlag) needs a new secret, but LANTERN_SECRET is the one that made the current links",
                                                   at: nil, hint: "set LANTERN_SECRET to a new secret (\(Secret.howToMake)), or unset it to let Lantern make one")])
                }
                return SiteSecret(secret: secret, rotates: true, newFile: nil, recordsFingerprint: true, privateFolder: privateFolder)
            }
            // Without a record, a valid secret.key still tells which secret made the links.
            let expected = recorded ?? { if case .valid(let file) = place.read() { file.identity } else { nil } }()
            if let expected, expected != secret.identity {
                throw DiagnosticsError([.error("LANTERN_SECRET is not the secret that made the current links", at: nil,
                                               hint: "set it to the secret the last build used (fingerprint \(expected)), "
                                                   + "or change every link on purpose with `lantern build \(rotateFlag)` (\(place.linksChanging))")])
            }
            return SiteSecret(secret: secret, rotates: false, newFile: nil, recordsFingerprint: recorded == nil, privateFolder: privateFolder)
        }

        if rotate {
            let (secret, text) = Secret.generate()
            return SiteSecret(secret: secret, rotates: true, newFile: text, recordsFingerprint: true, privateFolder: privateFolder)
        }
        switch place.read() {
        case .valid(let secret):
            if let recorded, recorded != secret.identity {
                throw known.error("\(place.display) is not the secret that made the current links (it was replaced or damaged)")
            }
            return SiteSecret(secret: secret, rotates: false, newFile: nil, recordsFingerprint: recorded == nil, privateFolder: privateFolder)
        case .damaged(let reason):
            throw known.error("\(place.display) cannot be used: \(reason)")
        case .missing:
            if recorded != nil || place.hasBuilt {
                throw known.error("the secret that made the current links is missing")
            }
            guard create else {
                throw DiagnosticsError([.error("no site secret yet", at: SourceLocation(file: place.file.path),
                                               hint: "run `lantern build` first, or set LANTERN_SECRET")])
            }
            let (secret, text) = Secret.generate()
            return SiteSecret(secret: secret, rotates: false, newFile: text, recordsFingerprint: true, privateFolder: privateFolder)
        }
    }

    /// Makes the secret this build uses the site's: writes a new `secret.key` (mode 0600 from
    /// its first byte; a replaced one is kept as `secret.key.replaced-<time>`) and records the
    /// fingerprint. Called just before the swap: a build killed after it publishes with this
    /// secret next time (a rotation finishes then) and never loses a secret that made links.
    func install() throws {
        guard newFile != nil || recordsFingerprint else { return }
        let place = Place(privateFolder)
        try FileSystem.makePrivateFolder(privateFolder.path)
        if let newFile {
            if rotates { try FileSystem.keepCopy(of: place.file.path) }
            try FileSystem.createSecret(Data((newFile + "\n").utf8), at: place.file.path, replacing: rotates)
        }
        let record = privateFolder.appending(path: Self.recordName)
        try FileManager.default.createDirectory(at: record.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileSystem.replace(Data((secret.identity + "\n").utf8), at: record.path)
    }

    /// The private folder's secret file and record, read without changing anything.
    struct Place {
        let folder: URL
        init(_ folder: URL) { self.folder = folder }

        var file: URL { folder.appending(path: SiteSecret.fileName) }
        var display: String { "private/\(SiteSecret.fileName)" }

        enum File { case missing, damaged(String), valid(Secret) }

        func read() -> File {
            switch FileSystem.readSmall(file.path, limit: 4096) {
            case .missing: return .missing
            case .failed(let reason): return .damaged(reason)
            case .tooLarge: return .damaged("it is larger than 4 KB, which no secret is")
            case .data(let data):
                guard let text = String(data: data, encoding: .utf8) else { return .damaged("it is not UTF-8 text") }
                switch Secret.parse(text) {
                case .success(let secret): return .valid(secret)
                case .failure(.empty): return .damaged(data.isEmpty ? "it is empty" : "it holds only white space")
                case .failure(let weakness): return .damaged(weakness.description + " (\(Secret.formats))")
                }
            }
        }

        /// The fingerprint `secret.id` records; nil when there is none.
        func recorded() throws(DiagnosticsError) -> String? {
            let path = folder.appending(path: SiteSecret.recordName).path
            switch FileSystem.readSmall(path, limit: 256) {
            case .missing: return nil
            case .data(let data):
                let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
                if text.count == 32, text.unicodeScalars.allSatisfy(\.properties.isASCIIHexDigit) { return text }
                fallthrough
            default:
                throw DiagnosticsError([.error("the record of the site secret cannot be read", at: SourceLocation(file: path),
                                               hint: "restore private/\(SiteSecret.recordName) from your backup; only if you are sure that "
                                                   + "the secret is the one that made the current links, delete the record")])
            }
        }

        /// Whether a build has published from this private folder (before secrets were recorded).
        var hasBuilt: Bool {
            BuildState.names.contains { name in
                [name, name + ".next"].contains { FileManager.default.fileExists(atPath: folder.appending(path: "state/\($0)").path) }
            }
        }

        /// "the links of all 1,234 members change", counted in the last build's state
        /// (`members.tsv` has a line per member with pages).
        var linksChanging: String {
            let members = folder.appending(path: "state/members.tsv")
            guard let data = FileManager.default.contents(atPath: members.path) else { return "every member's link changes" }
            let count = data.reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
            return "the links of all \(count.formatted()) members change"
        }
    }

    /// The error for a secret file that does not hold the secret of the current links.
    struct KnownSecret {
        let recorded: String?
        let place: Place

        func error(_ message: String) -> DiagnosticsError {
            DiagnosticsError([.error(message, at: SourceLocation(file: place.file.path),
                                     hint: "restore \(place.display) from your backup (or set LANTERN_SECRET as before)"
                                         + (recorded.map { "; the right secret has fingerprint \($0)" } ?? "")
                                         + ". To make a new secret on purpose, run `lantern build \(rotateFlag)`: "
                                         + "\(place.linksChanging), and must be handed out again")])
        }
    }
}
