import ArgumentParser
import Foundation
import LanternModel
import LanternServer

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Preview the site in a browser while you edit it: pages made on demand, reloaded when their files change.",
        discussion: """
            Writes nothing: not public/, not private/ (the preview uses a secret of its own, so its member links \
            are not the real ones). Errors in the site show in the browser until they are fixed.
            """)

    @Option(help: "The site folder (holds content/ and templates/).")
    var site: String = "."

    @Option(help: "Address to listen on, HOST:PORT (port 0: any free port).")
    var listen: String = "127.0.0.1:1313"

    @Option(help: "The day the site is shown as of (YYYY-MM-DD), until the preview bar picks another. Default: today in Asia/Shanghai.")
    var today: String?

    @Flag(help: "Open the portal in the default browser (xdg-open, or open on macOS).")
    var open = false

    func run() async throws {
        let day: Day? = try today.map { text in
            guard let day = Day(text) else { throw ValidationError("--today must be a date like 2026-03-05, not `\(text)`") }
            return day
        }
        guard let colon = listen.lastIndex(of: ":"), let port = Int(listen[listen.index(after: colon)...]), (0...65535).contains(port) else {
            throw ValidationError("--listen must be HOST:PORT, e.g. 127.0.0.1:1313, not `\(listen)`")
        }
        let host = String(listen[..<colon]).trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        if !["127.0.0.1", "::1", "localhost"].contains(host) && !host.hasPrefix("127.") {
            // The bar finds any member of the roster and shows their pages: for the author alone.
            FileHandle.standardError.write(Data(("lantern serve: warning: listening on \(host), not loopback: anyone who can reach it "
                + "can open every member's pages and search the roster by name\n").utf8))
        }
        let server = PreviewServer(.init(site: SiteOptions.url(site).standardizedFileURL, host: host, port: port, today: day))
        for error in server.startupErrors { FileHandle.standardError.write(Data("\(error)\n".utf8)) }
        let open = open
        try await server.run { address in
            // One line on stdout once the socket listens: scripts and tests wait for it.
            FileHandle.standardOutput.write(Data("lantern serve: listening on \(address) (preview; writes nothing)\n".utf8))
            if open { Self.openBrowser(address + "/") }
        }
    }

    static func openBrowser(_ url: String) {
        let process = Process()
        #if os(macOS)
        process.executableURL = URL(filePath: "/usr/bin/open")
        #else
        process.executableURL = URL(filePath: "/usr/bin/env")
        #endif
        process.arguments = (process.executableURL?.lastPathComponent == "env" ? ["xdg-open"] : []) + [url]
        do { try process.run() } catch {
            FileHandle.standardError.write(Data("lantern serve: cannot open a browser (\(error)); open \(url) yourself\n".utf8))
        }
    }
}
