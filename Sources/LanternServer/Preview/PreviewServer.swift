import Foundation
import Hummingbird
import Lantern
import LanternLoading
import LanternModel
import LanternRendering
import Logging
import ServiceLifecycle

/// `lantern serve`: the site as members will see it, rendered on demand from the files as they
/// are now, reloading open pages when what they show changes (`PreviewHub`), with the preview's
/// bar on every page and the errors in the browser while the site has any (`PreviewChrome`).
///
/// Routes: the site's own paths; `/_lantern/events` (server-sent events), `/_lantern/as`
/// (preview as a member, on a day), `/_lantern/members` (the picker's suggestions),
/// `/_lantern/audit` (the audit's themes, each with its members to open the site as),
/// `/_lantern/preview.js` and `.css`. The day chosen is kept in a cookie.
package struct PreviewServer: Sendable {
    package struct Settings: Sendable {
        package var site: URL
        package var host: String
        package var port: Int
        /// The day shown until a preview bar chooses another; nil: today in Asia/Shanghai.
        package var today: Day?

        package init(site: URL, host: String, port: Int, today: Day?) {
            self.site = site
            self.host = host
            self.port = port
            self.today = today
        }
    }

    let settings: Settings
    let hub: PreviewHub
    static let dayCookie = "lantern_day"
    /// How often the site's files are looked at.
    static let poll = Duration.milliseconds(200)

    package init(_ settings: Settings) {
        self.settings = settings
        hub = PreviewHub(site: settings.site, today: settings.today)
    }

    /// The errors of the site as first loaded, for the command to print.
    package var startupErrors: [Diagnostic] {
        if case .failure(let error) = hub.site { return error.errors }
        return []
    }

    /// Runs until SIGTERM or SIGINT; `running` gets the address once the socket listens.
    package func run(running: @escaping @Sendable (String) -> Void) async throws {
        let router = Router()
        router.get("/_lantern/events") { request, _ in self.events(request) }
        router.get("/_lantern/preview.js") { _, _ in Self.text(PreviewChrome.script, type: "text/javascript; charset=utf-8") }
        router.get("/_lantern/preview.css") { _, _ in Self.text(PreviewChrome.style, type: "text/css; charset=utf-8") }
        router.get("/_lantern/members") { request, _ in self.members(request) }
        router.get("/_lantern/as") { request, _ in self.previewAs(request) }
        router.get("/_lantern/audit") { request, _ in self.audit(request) }
        router.get("**") { request, _ in self.page(request) }
        router.get("/") { request, _ in self.page(request) }
        let app = Application(router: router, configuration: .init(address: .hostname(settings.host, port: settings.port),
                                                                  serverName: "lantern-serve"),
                              onServerRunning: { channel in
                                  running("http://\(self.settings.host):\(channel.localAddress?.port ?? self.settings.port)")
                              },
                              logger: Self.quietLogger)
        let group = ServiceGroup(configuration: .init(services: [.init(service: app), .init(service: Watcher(server: self))],
                                                      gracefulShutdownSignals: [.sigterm, .sigint], logger: Self.quietLogger))
        try await group.run()
    }

    /// The file watcher, as a service beside the HTTP server: on SIGTERM or SIGINT it ends the
    /// browsers' event streams (they never end by themselves, and the server waits for every
    /// answer to end before it stops) and stops watching.
    struct Watcher: Service {
        let server: PreviewServer

        func run() async throws {
            await withGracefulShutdownHandler {
                await cancelWhenGracefulShutdown { await server.watch() }
            } onGracefulShutdown: { [hub = server.hub] in
                hub.close()
            }
        }
    }

    /// Looks at the site's files every `poll`; after a change, waits until they stop changing
    /// (an editor saving several files, a spreadsheet written in parts), then reloads.
    func watch() async {
        var last = SiteStamps.scan(settings.site)
        while !Task.isCancelled {
            try? await Task.sleep(for: Self.poll)
            var now = SiteStamps.scan(settings.site)
            guard now != last else { continue }
            repeat {
                last = now
                try? await Task.sleep(for: .milliseconds(50))
                now = SiteStamps.scan(settings.site)
            } while now != last
            let (changed, errors) = hub.reload()
            // The terminal says it too, for an author without the page open.
            let said = errors.isEmpty
                ? "lantern serve: files changed; \(changed.count) of the files served since changed, their pages reload\n"
                : "lantern serve: the site has \(errors.count) error\(errors.count == 1 ? "" : "s"); every page shows \(errors.count == 1 ? "it" : "them") until fixed\n"
                    + errors.map { "\($0)\n" }.joined()
            FileHandle.standardError.write(Data(said.utf8))
        }
    }

    private static var quietLogger: Logger {
        var logger = Logger(label: "lantern-serve")
        logger.logLevel = .warning
        return logger
    }

    /// The day this browser looks at: its cookie's, else the server's.
    func day(_ request: Request) -> Day {
        request.cookies[Self.dayCookie].flatMap { Day($0.value) } ?? hub.defaultDay()
    }

    func page(_ request: Request) -> Response {
        let day = day(request)
        let path = request.uri.path.removingPercentEncoding ?? request.uri.path
        let answer = hub.answer(path, day: day)
        let relative = String(path.drop { $0 == "/" })
        // While the site has errors, whose page this was is known from its last good load.
        let member = answer.view?.member(at: relative)?.member
            ?? (answer.view == nil ? (try? hub.lastGood?.on(day).get())?.member(at: relative)?.member : nil)
        let bar = PreviewChrome.Bar(day: day, generation: hub.generation, member: member, warnings: answer.view?.warnings ?? [],
                                    loaded: answer.view != nil)
        switch answer.body {
        case .failed(let diagnostics):
            return Self.html(PreviewChrome.overlay(diagnostics, site: settings.site, bar: bar), status: .internalServerError)
        case .redirect(let to):
            // Not 301: a browser would keep it, and the preview's files change.
            return Response(status: .found, headers: [.location: to, .cacheControl: "no-store"])
        case .notFound:
            return Self.html(PreviewChrome.notice("Not found", "<p>The site has no page at <code>\(MustacheHTML.escape(path))</code> on \(day).</p>"
                                                  + "<p><a href=\"/\">The portal</a></p>", bar: bar), status: .notFound)
        case .file(let bytes):
            let type = Self.contentType(path)
            var response = type.hasPrefix("text/html")
                ? Self.html(PreviewChrome.page(bytes, bar: bar), status: .ok)
                : Response(status: .ok, headers: [.contentType: type, .cacheControl: "no-store"], body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
            if let headers = answer.view.flatMap({ try? $0.file(at: "_headers", site: settings.site) }) {
                for (name, value) in HostHeaders(String(decoding: headers, as: UTF8.self)).fields(for: String(path.drop { $0 == "/" })) {
                    // The preview never lets a browser keep a page: it must show the files as they are now.
                    guard let field = HTTPFields.Element.Name(name), field != .cacheControl else { continue }
                    response.headers[field] = value
                }
            }
            return response
        }
    }

    /// `/_lantern/as?q=…&day=…`: the day for this browser from now on, and the member's own
    /// home page that day (by id, or by a name only one member has), or the members to choose
    /// from, or why the member has no pages that day.
    func previewAs(_ request: Request) -> Response {
        let query = request.uri.queryParameters
        var day = day(request)
        var cookie: String? = nil
        if let text = query["day"].map(String.init), !text.isEmpty {
            guard let chosen = Day(text) else {
                return notice("Not a day", "<p><code>\(MustacheHTML.escape(text))</code> is not a day like 2026-03-05.</p>", day: day, status: .badRequest)
            }
            day = chosen
            cookie = "\(Self.dayCookie)=\(chosen); Path=/; SameSite=Strict"
        }
        func respond(_ response: Response) -> Response {
            var response = response
            if let cookie { response.headers[.setCookie] = cookie }
            return response
        }
        let wanted = (query["q"].map(String.init) ?? "").trimmingCharacters(in: .whitespaces)
        guard !wanted.isEmpty else { return respond(Response(status: .seeOther, headers: [.location: "/"])) }
        guard case .success(let site) = hub.site else { return respond(Response(status: .seeOther, headers: [.location: "/"])) }
        let found = PreviewMembers.find(wanted, in: site.content.roster)
        let e = MustacheHTML.escape
        guard found.count == 1, let member = found.first else {
            let list = found.prefix(50).map { "<li><a href=\"/_lantern/as?q=\(e($0.id.rawValue.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""))\">"
                + "\(e($0.name))</a> (\(e($0.id.rawValue)), \(e($0.department)))</li>" }.joined()
            let body = found.isEmpty ? "<p>No member's id or name matches <code>\(e(wanted))</code>.</p>"
                : "<p>\(found.count) members match <code>\(e(wanted))</code>:</p><ul>\(list)</ul>"
            return respond(notice(found.isEmpty ? "No such member" : "Choose a member", body, day: day, status: found.isEmpty ? .notFound : .ok))
        }
        switch site.on(day) {
        case .failure:
            return respond(Response(status: .seeOther, headers: [.location: "/"]))
        case .success(let view):
            if let pages = view.pages(of: member.id) {
                return respond(Response(status: .seeOther, headers: [.location: "/" + pages.paths[0].dropLast("index.html".count)]))
            }
            let why = member.status == .active
                ? "No theme open on \(day) is for them, and they have no letter and no feedback to give: members see no page of their own that day."
                : "They are marked as having left: they have no pages."
            return respond(notice("\(member.name) has no pages on \(day)", "<p>\(e(why))</p><p><a href=\"/\">The portal</a></p>",
                                  day: day, member: member, status: .ok))
        }
    }

    /// The audit's themes on this browser's day, each with its eligible count (as in
    /// `private/audit.html`) and the members who have its storefront that day, each a link
    /// that opens the site as them.
    func audit(_ request: Request) -> Response {
        let day = day(request)
        guard case .success(let site) = hub.site, case .success(let view) = site.on(day) else {
            return Response(status: .seeOther, headers: [.location: "/"])
        }
        let e = MustacheHTML.escape
        var body = "<p>Policy: \(e(view.audit.policyName)). Eligible: members the theme's audience admits, whatever the day "
            + "(the audit's count). With pages on \(day): members whose storefront for it is open that day.</p>"
        body += "<div class=\"lp-table\"><table class=\"lp-audit\"><thead><tr><th scope=\"col\">Theme</th><th scope=\"col\">Date</th><th scope=\"col\">Window</th>"
            + "<th scope=\"col\">Budget</th><th scope=\"col\">Eligible</th><th scope=\"col\">With pages on \(day)</th></tr></thead><tbody>"
        for line in view.audit.themes {
            let members = view.members(card: line.slug)
            var cell = "\(members.count)"
            if !members.isEmpty {
                let shown = members.prefix(Self.auditListLimit).map { plan in
                    let query = plan.member.id.rawValue.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
                    return "<li><a href=\"/_lantern/as?q=\(e(query))&amp;day=\(day)\">Open as \(e(plan.member.name))</a> "
                        + "(\(e(plan.member.id.rawValue)), \(e(plan.member.department)), \(e(plan.member.city)))</li>"
                }.joined()
                let more = members.count > Self.auditListLimit ? "<li>… and \(members.count - Self.auditListLimit) more: search the bar</li>" : ""
                cell = "<details><summary><span class=\"lp-count\">\(members.count)</span> · open as…</summary><ul>\(shown)\(more)</ul></details>"
            }
            body += "<tr><td>\(e(line.title)) <code>\(e(line.slug))</code></td><td>\(e(line.date))</td><td>\(e(line.window))</td>"
                + "<td>\(e(line.budget.description))</td><td>\(line.eligibleMembers)</td><td>\(cell)</td></tr>"
        }
        body += "</tbody></table></div>"
        return notice("Audit on \(day)", body, day: day, status: .ok)
    }

    /// Members listed per theme in the audit view; the bar's search finds the others.
    static let auditListLimit = 200

    /// The picker's suggestions: members whose id or name holds the text, at most 20.
    func members(_ request: Request) -> Response {
        guard case .success(let site) = hub.site else { return Self.text("[]", type: "application/json") }
        let wanted = (request.uri.queryParameters["q"].map(String.init) ?? "").trimmingCharacters(in: .whitespaces)
        let found = wanted.isEmpty ? [] : PreviewMembers.find(wanted, in: site.content.roster, exact: false).prefix(20)
        let list = found.map { ["id": $0.id.rawValue, "name": $0.name, "department": $0.department] }
        let json = (try? JSONSerialization.data(withJSONObject: Array(list))) ?? Data("[]".utf8)
        return Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store"],
                        body: .init(byteBuffer: ByteBuffer(bytes: json)))
    }

    func events(_ request: Request) -> Response {
        let since = request.uri.queryParameters["since"].flatMap { Int(String($0)) }
        let stream = hub.listen(since: since)
        return Response(status: .ok, headers: [.contentType: "text/event-stream", .cacheControl: "no-store"],
                        body: ResponseBody { writer in
                            for await message in stream { try await writer.write(ByteBuffer(string: message)) }
                            try await writer.finish(nil)
                        })
    }

    private func notice(_ title: String, _ body: String, day: Day, member: Member? = nil, status: HTTPResponse.Status) -> Response {
        let bar = PreviewChrome.Bar(day: day, generation: hub.generation, member: member, warnings: [])
        return Self.html(PreviewChrome.notice(title, body, bar: bar), status: status)
    }

    private static func html(_ bytes: Data, status: HTTPResponse.Status) -> Response {
        Response(status: status, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
                 body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    private static func text(_ text: String, type: String) -> Response {
        Response(status: .ok, headers: [.contentType: type, .cacheControl: "no-store"], body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    static func contentType(_ path: String) -> String {
        let name = path.hasSuffix("/") ? "index.html" : String(path.split(separator: "/").last ?? "")
        switch name.split(separator: ".").last.map({ $0.lowercased() }) ?? "" {
        case "html": return "text/html; charset=utf-8"
        case "css": return "text/css; charset=utf-8"
        case "js": return "text/javascript; charset=utf-8"
        case "json": return "application/json; charset=utf-8"
        case "svg": return "image/svg+xml"
        case "webp": return "image/webp"
        case "png": return "image/png"
        case "jpg", "jpeg": return "image/jpeg"
        case "txt": return "text/plain; charset=utf-8"
        default: return path.split(separator: "/").last?.contains(".") == false ? "text/html; charset=utf-8" : "application/octet-stream"
        }
    }
}
