import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing
@testable import LanternModel
@testable import LanternPlanning
@testable import LanternSQLite

/// A real `lantern collect` on loopback, started by the test on a free port (`--listen
/// 127.0.0.1:0`; it prints the address once it listens), for one built `TestSite`.
final class CollectorProcess {
    let process = Process()
    /// Held so that its folder (the store's file among it) lives as long as the process.
    let site: TestSite
    let address: URL
    let database: URL
    private let output = Pipe()

    init(_ site: TestSite, today: String, database: URL? = nil) throws {
        let database = database ?? site.privateFolder.appending(path: "collect.sqlite")
        self.database = database
        self.site = site
        try #require(FileManager.default.isExecutableFile(atPath: KillTests.binary.path),
                     "build the binary first: swift build --product lantern (make test does)")
        process.executableURL = KillTests.binary
        process.arguments = ["collect", "--site", site.site.path, "--private", site.privateFolder.path, "--today", today,
                             "--listen", "127.0.0.1:0", "--db", database.path]
        process.environment = ["LANTERN_SECRET": TestSite.secret]
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        // The one line it prints once the socket listens.
        var line = Data()
        let handle = output.fileHandleForReading
        while !line.contains(UInt8(ascii: "\n")) {
            let chunk = handle.availableData
            if chunk.isEmpty { break }
            line.append(chunk)
        }
        let text = String(decoding: line, as: UTF8.self)
        guard let range = text.range(of: #"http://127\.0\.0\.1:\d+"#, options: .regularExpression) else {
            process.terminate()
            throw CollectorError.didNotStart(text)
        }
        address = URL(string: String(text[range]))!
    }

    deinit { stop() }

    enum CollectorError: Error { case didNotStart(String) }

    /// SIGKILL: the process gets no chance to flush or close anything.
    func kill() {
        guard process.isRunning else { return }
        Foundation.kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    func stop() {
        guard process.isRunning else { return }
        process.terminate()
        process.waitUntilExit()
    }

    struct Answer {
        var status: Int
        var body: String
        var json: [String: Any] { (try? JSONSerialization.jsonObject(with: Data(body.utf8))) as? [String: Any] ?? [:] }
    }

    /// POSTs `body` to `path` as the storefront's form does (`Accept: application/json` for `fetch`).
    func post(_ body: String, to path: String = "/orders", json: Bool = false,
              contentType: String = "application/x-www-form-urlencoded") async throws -> Answer {
        var request = URLRequest(url: address.appending(path: path))
        request.httpMethod = "POST"
        request.setValue(contentType, forHTTPHeaderField: "Content-Type")
        if json { request.setValue("application/json", forHTTPHeaderField: "Accept") }
        request.httpBody = Data(body.utf8)
        let (data, response) = try await URLSession.shared.data(for: request)
        return Answer(status: (response as! HTTPURLResponse).statusCode, body: String(decoding: data, as: UTF8.self))
    }

    /// The storefront form's fields for `member` and `theme`, with the code a build puts there.
    static func form(_ member: String, _ theme: String, skus: [String], code: String? = nil) -> String {
        let code = code ?? OrderCode.code(member: MemberID(member), theme: Slug(theme), secret: Secret(TestSite.secret))
        return (["member=\(member)", "theme=\(theme)", "code=\(code)"] + skus.map { "sku=\($0)" }).joined(separator: "&")
    }

    /// The store as the collector left it, opened anew from the file.
    func store() throws -> SQLiteSubmissionStore { try SQLiteSubmissionStore(path: database.path) }
}
