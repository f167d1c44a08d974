import ArgumentParser
import Foundation
import Lantern
import LanternServer
import LanternModel
import LanternSQLite

struct CollectCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "collect",
        abstract: "Receive members' choices (POST /orders), check each against the site, and keep them in SQLite.")

    @OptionGroup var siteOptions: SiteOptions

    @Option(name: .customLong("private"), help: "The private folder holding the secret. Default: SITE/private.")
    var privateFolder: String?

    @Option(help: "Address to listen on, HOST:PORT (port 0: any free port). Default: 127.0.0.1:8080.")
    var listen: String = "127.0.0.1:8080"

    @Option(help: "The SQLite file. Default: PRIVATE/collect.sqlite.")
    var db: String?

    func run() async throws {
        let site = SiteOptions.url(siteOptions.site)
        var options = BuildOptions(site: site, privateFolder: privateFolder.map(SiteOptions.url), today: try siteOptions.day())
        options.waitForLock = !siteOptions.noWait
        guard let colon = listen.lastIndex(of: ":"), let port = Int(listen[listen.index(after: colon)...]), (0...65535).contains(port) else {
            throw ValidationError("--listen must be HOST:PORT, e.g. 127.0.0.1:8080, not `\(listen)`")
        }
        let host = String(listen[..<colon]).trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        let loaded: LoadedSite
        do { loaded = try LoadedSite.load(options, waiting: showWaiting) } catch { throw fail(error, "collect") }
        let path = db.map { SiteOptions.url($0).path } ?? options.privateFolder.appending(path: "collect.sqlite").path
        let store = try SQLiteSubmissionStore(path: path)
        let collector = Collector(site: loaded, store: store,
                                  settings: .init(host: host, port: port, today: siteOptions.today == nil ? nil : options.today))
        try await collector.run { address in
            // One line on stdout once the socket listens: scripts and tests wait for it.
            FileHandle.standardOutput.write(Data("lantern collect: listening on \(address) (store: \(path))\n".utf8))
        }
    }
}
