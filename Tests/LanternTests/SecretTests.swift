import Foundation
import Testing
@testable import Lantern
@testable import LanternChecking
@testable import LanternLoading
@testable import LanternModel
@testable import LanternPlanning
@testable import LanternRendering
@testable import LanternWriting

/// The site secret is never replaced behind the admin's back (`SiteSecret`): a damaged, weak,
/// missing or different secret is an error naming the way out, and only `--rotate-secret`
/// changes the links, saying how many.
@Suite struct SecretTests {
    static let today = "2026-06-10"
    /// Another good secret, for LANTERN_SECRET.
    static let other = String(repeating: "fedcba9876543210", count: 4)
    /// The members of `minimal` with pages on `today` (T005 has left).
    static let withPages = ["T001", "T002", "T003", "T004", "T006"]

    static func keyFile(_ site: TestSite) -> URL { site.privateFolder.appending(path: "secret.key") }

    /// Builds `site` with `environment` as the whole environment (no LANTERN_SECRET unless given).
    static func build(_ site: TestSite, environment: [String: String] = [:], rotate: Bool = false) throws(DiagnosticsError) -> Build.Result {
        var options = BuildOptions(site: site.site, output: site.output, privateFolder: site.privateFolder,
                                   today: Day(today)!, environment: environment)
        options.rotateSecret = rotate
        return try Build(options).run()
    }

    static func failure(_ site: TestSite, environment: [String: String] = [:], rotate: Bool = false) -> [Diagnostic] {
        do { _ = try build(site, environment: environment, rotate: rotate); return [] } catch { return error.diagnostics }
    }

    /// The member folders of the output: `m/<token>`.
    static func tokens(_ site: TestSite) -> Set<String> {
        Set(site.outputFiles().keys.filter { $0.hasPrefix("m/") && $0 != "m/index.html" }.map { String($0.split(separator: "/")[1]) })
    }

    static func mode(_ url: URL) throws -> Int {
        try #require(FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int)
    }

    // MARK: - A damaged secret is an error, never replaced

    /// What can happen to `secret.key`: each is an error at the file, and the file, the output
    /// and the rest of the private folder stay as they were.
    static let damage: [(name: String, bytes: Data?, reason: String)] = [
        ("empty", Data(), "it is empty"),
        ("white space", Data(" \n\n".utf8), "it holds only white space"),
        ("truncated", Data("0a1b2c3d4e5f60718293a4b5c6d7e8f9\n".utf8), "it holds 16 bytes, fewer than the 32 a secret needs"),
        ("not UTF-8", Data([0xff, 0xfe, 0x30, 0x31] + Array(repeating: 0x9c, count: 60)), "it is not UTF-8 text"),
        ("a password", Data("correct horse battery staple, really long\n".utf8), "it is neither hex nor base64"),
        ("repetitive", Data((String(repeating: "0", count: 64) + "\n").utf8), "it repeats a few characters"),
        ("unreadable", nil, "it cannot be read"), // a folder where the file was
    ]

    @Test(arguments: damage.indices)
    func aDamagedSecretIsAnErrorAndStaysAsItIs(index: Int) throws {
        let (name, bytes, reason) = Self.damage[index]
        let site = try TestSite("minimal")
        _ = try Self.build(site)
        let key = Self.keyFile(site)
        try FileManager.default.removeItem(at: key)
        if let bytes { try bytes.write(to: key) } else { try FileManager.default.createDirectory(at: key, withIntermediateDirectories: false) }
        let output = site.outputFiles(), privateFiles = site.privateFiles()

        let error = try only(.error, containing: "private/secret.key cannot be used", in: Self.failure(site))
        #expect(error.message.contains(reason), "\(name): \(error.message)")
        #expect(error.location == LanternModel.SourceLocation(file: key.path))
        let hint = try #require(error.hint)
        #expect(hint.contains("restore private/secret.key from your backup"), "\(name)")
        #expect(hint.contains("lantern build --rotate-secret") && hint.contains("the links of all 5 members change"), "\(name): \(hint)")
        if let bytes { #expect(try Data(contentsOf: key) == bytes, "\(name): the file was changed") }
        #expect(site.outputFiles() == output, "\(name): the output changed")
        #expect(site.privateFiles() == privateFiles, "\(name): the private folder changed")
    }

    @Test func aMissingSecretIsAnErrorOnceLinksWereMade() throws {
        let site = try TestSite("minimal")
        _ = try Self.build(site)
        try FileManager.default.removeItem(at: Self.keyFile(site))
        let error = try only(.error, containing: "the secret that made the current links is missing", in: Self.failure(site))
        #expect(error.hint?.contains("restore private/secret.key from your backup") == true)
        #expect(error.hint?.contains("lantern build --rotate-secret") == true)
        #expect(!FileManager.default.fileExists(atPath: Self.keyFile(site).path), "a new secret was made")

        // A build made before secrets were recorded (state, no record) counts as well.
        try FileManager.default.removeItem(at: site.privateFolder.appending(path: "state/secret.id"))
        _ = try only(.error, containing: "the secret that made the current links is missing", in: Self.failure(site))
        #expect(!FileManager.default.fileExists(atPath: Self.keyFile(site).path))
    }

    @Test func aSecretFileThatIsNotTheRecordedOneIsAnError() throws {
        let site = try TestSite("minimal")
        _ = try Self.build(site)
        let tokens = Self.tokens(site)
        try Data((Self.other + "\n").utf8).write(to: Self.keyFile(site))
        let error = try only(.error, containing: "private/secret.key is not the secret that made the current links", in: Self.failure(site))
        let recorded = try String(contentsOf: site.privateFolder.appending(path: "state/secret.id"), encoding: .utf8)
        #expect(error.hint?.contains("fingerprint \(recorded.trimmingCharacters(in: .newlines))") == true)
        #expect(Self.tokens(site) == tokens)
    }

    @Test func theRecordNamesTheSecretWithoutRevealingIt() throws {
        let site = try TestSite("minimal")
        _ = try Self.build(site)
        let secret = try String(contentsOf: Self.keyFile(site), encoding: .utf8).trimmingCharacters(in: .newlines)
        let record = try String(contentsOf: site.privateFolder.appending(path: "state/secret.id"), encoding: .utf8)
        #expect(record == Secret(secret).identity + "\n")
        #expect(record.count == 33 && !secret.contains(record.dropLast()) && !record.contains(secret))
        // The existing derivation: a good secret keeps its links.
        #expect(Self.tokens(site) == Set(Self.withPages.map { site.token($0, secret: secret) }))
    }

    // MARK: - LANTERN_SECRET

    @Test func anEnvironmentSecretOtherThanTheRecordedOneIsRefused() throws {
        let site = try TestSite("minimal")
        _ = try Self.build(site, environment: ["LANTERN_SECRET": TestSite.secret])
        let tokens = Self.tokens(site)
        let error = try only(.error, containing: "LANTERN_SECRET is not the secret that made the current links",
                             in: Self.failure(site, environment: ["LANTERN_SECRET": Self.other]))
        #expect(error.hint?.contains("lantern build --rotate-secret") == true && error.hint?.contains("5 members") == true)
        // Unset, with no file: the secret of the current links is missing.
        _ = try only(.error, containing: "the secret that made the current links is missing", in: Self.failure(site))
        #expect(!FileManager.default.fileExists(atPath: Self.keyFile(site).path))
        #expect(Self.tokens(site) == tokens)
        // `lantern links` refuses it as well: it would print links that open nothing.
        let options = BuildOptions(site: site.site, privateFolder: site.privateFolder, today: Day(Self.today)!,
                                   environment: ["LANTERN_SECRET": Self.other])
        #expect(throws: DiagnosticsError.self) { try Links.export(options, format: .csv) }
    }

    @Test func anEnvironmentSecretOtherThanTheFileIsRefusedWithoutARecord() throws {
        let site = try TestSite("minimal")
        _ = try Self.build(site)
        try FileManager.default.removeItem(at: site.privateFolder.appending(path: "state/secret.id"))
        _ = try only(.error, containing: "LANTERN_SECRET is not the secret that made the current links",
                     in: Self.failure(site, environment: ["LANTERN_SECRET": Self.other]))
    }

    @Test(arguments: ["test-secret", "0123456789abcdef0123456789abcdef", "c2hvcnQgYmFzZTY0IHNlY3JldA==",
                      String(repeating: "ab", count: 40)])
    func aWeakEnvironmentSecretIsRefused(text: String) throws {
        let site = try TestSite("minimal")
        let error = try only(.error, containing: "LANTERN_SECRET cannot be used", in: Self.failure(site, environment: ["LANTERN_SECRET": text]))
        #expect(error.hint?.contains("openssl rand -hex 32") == true)
        #expect(!FileManager.default.fileExists(atPath: site.privateFolder.path), "a failed build wrote the private folder")
    }

    @Test func acceptedFormats() {
        func weakness(_ text: String) -> Secret.Weakness? {
            if case .failure(let weakness) = Secret.parse(text) { weakness } else { nil }
        }
        let hex = String(repeating: "0123456789abcdef", count: 4)
        #expect(weakness(hex) == nil && weakness(hex.uppercased()) == nil && weakness(hex + "0a\n") == nil)
        #expect(weakness(String(hex.dropLast(2))) == .tooShort(bytes: 31))
        // `openssl rand -base64 32` (44 characters with padding), and base64url without it.
        #expect(weakness("q8x3J/2Vt+Hn0YpLwZ6bK1sD9mR4cE7uA5gT0iOvNfQ=") == nil)
        #expect(weakness("q8x3J_2Vt-Hn0YpLwZ6bK1sD9mR4cE7uA5gT0iOvNfQ") == nil)
        #expect(weakness("q8x3J/2Vt+Hn0YpLwZ6bK1sD9mR4cE7uA5gT0iOv") == .tooShort(bytes: 30))
        #expect(weakness("") == .empty && weakness(" \n") == .empty)
        #expect(weakness("a passphrase that is long enough but not random") == .notHexOrBase64)
        #expect(weakness(String(repeating: "a1", count: 32)) == .repetitive)
        // The stored text is the key, as before: what `secret.key` held makes the same tokens.
        if case .success(let secret) = Secret.parse(hex + "\n") { #expect(secret == Secret(hex)) } else { Issue.record("refused") }
    }

    // MARK: - Rotation

    @Test func rotationMakesANewSecretKeepsTheOldOneAndSaysHowManyLinksChanged() throws {
        let site = try TestSite("minimal")
        _ = try Self.build(site)
        let old = try Data(contentsOf: Self.keyFile(site))
        let tokens = Self.tokens(site)
        let links = site.privateFolder.appending(path: "links.csv")
        let oldLinks = try Data(contentsOf: links)

        let result = try Self.build(site, rotate: true)
        #expect(result.rotatedLinks == 5)
        let new = try Data(contentsOf: Self.keyFile(site))
        #expect(new != old && new.count == 65)
        #expect(try Self.mode(Self.keyFile(site)) == 0o600)
        let kept = try FileManager.default.contentsOfDirectory(atPath: site.privateFolder.path).filter { $0.hasPrefix("secret.key.replaced-") }
        #expect(kept.count == 1)
        #expect(try Data(contentsOf: site.privateFolder.appending(path: kept[0])) == old)
        let newTokens = Self.tokens(site)
        #expect(newTokens.count == 5 && newTokens.isDisjoint(with: tokens))
        #expect(try Data(contentsOf: links) != oldLinks)
        let record = try String(contentsOf: site.privateFolder.appending(path: "state/secret.id"), encoding: .utf8)
        #expect(record == Secret(String(decoding: new, as: UTF8.self).trimmingCharacters(in: .newlines)).identity + "\n")
        // The next build uses the new secret without being asked.
        let again = try Self.build(site)
        #expect(again.rotatedLinks == nil && Self.tokens(site) == newTokens)
    }

    @Test func rotationIsTheWayOutOfADamagedSecret() throws {
        let site = try TestSite("minimal")
        _ = try Self.build(site)
        try Data("0a1b2c".utf8).write(to: Self.keyFile(site))
        #expect(!Self.failure(site).isEmpty)
        let result = try Self.build(site, rotate: true)
        #expect(result.rotatedLinks == 5)
        let kept = try FileManager.default.contentsOfDirectory(atPath: site.privateFolder.path).filter { $0.hasPrefix("secret.key.replaced-") }
        #expect(kept.count == 1)
        #expect(try Data(contentsOf: site.privateFolder.appending(path: kept[0])) == Data("0a1b2c".utf8))
        _ = try Self.build(site)
    }

    @Test func aNewEnvironmentSecretIsARotation() throws {
        let site = try TestSite("minimal")
        _ = try Self.build(site, environment: ["LANTERN_SECRET": TestSite.secret])
        let result = try Self.build(site, environment: ["LANTERN_SECRET": Self.other], rotate: true)
        #expect(result.rotatedLinks == 5)
        #expect(Self.tokens(site) == Set(Self.withPages.map { site.token($0, secret: Self.other) }))
        #expect(!FileManager.default.fileExists(atPath: Self.keyFile(site).path), "a secret from the environment is not written")
        _ = try Self.build(site, environment: ["LANTERN_SECRET": Self.other])
        _ = try only(.error, containing: "LANTERN_SECRET is not the secret", in: Self.failure(site, environment: ["LANTERN_SECRET": TestSite.secret]))
        // Rotating to the secret already in use is a mistake, not a rotation.
        _ = try only(.error, containing: "--rotate-secret needs a new secret",
                     in: Self.failure(site, environment: ["LANTERN_SECRET": Self.other], rotate: true))
    }

    // MARK: - Files

    @Test func thePrivateFolderAndTheSecretAreClosedToOthers() throws {
        let site = try TestSite("minimal")
        let result = try CommandLineTests.lantern(["build", "--site", site.site.path, "--output", site.output.path,
                                                   "--private", site.privateFolder.path, "--today", Self.today],
                                                  environment: ["LANTERN_SECRET": ""])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try Self.mode(site.privateFolder) == 0o700)
        #expect(try Self.mode(Self.keyFile(site)) == 0o600)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: site.privateFolder.path).filter { $0.hasPrefix("secret.key.") }
        #expect(leftovers == [])
    }

    @Test func aFirstBuildThatFailsMakesNoSecret() throws {
        let site = try TestSite("minimal", overlay: "invalid/bad-prices")
        #expect(!Self.failure(site).isEmpty)
        #expect(!FileManager.default.fileExists(atPath: site.privateFolder.path))
    }

    @Test func theCommandLineSaysHowToRotateAndWhatARotationChanged() throws {
        let site = try TestSite("minimal")
        let noEnvironment = ["LANTERN_SECRET": ""]
        let arguments = ["build", "--site", site.site.path, "--output", site.output.path, "--private", site.privateFolder.path,
                         "--today", Self.today]
        #expect(try CommandLineTests.lantern(arguments, environment: noEnvironment).status == 0)
        try Data().write(to: Self.keyFile(site))
        let damaged = try CommandLineTests.lantern(arguments, environment: noEnvironment)
        #expect(damaged.status == 1)
        #expect(damaged.stderr.contains("\(Self.keyFile(site).path):1:1: error: private/secret.key cannot be used: it is empty"))
        #expect(damaged.stderr.contains("lantern build --rotate-secret"))
        let rotated = try CommandLineTests.lantern(arguments + ["--rotate-secret", "--quiet"], environment: noEnvironment)
        #expect(rotated.status == 0 && rotated.stdout.isEmpty)
        #expect(rotated.stderr.contains("the site secret was replaced: the links of all 5 members changed"))
    }
}
