import Foundation
import Hummingbird
import Logging
import Lantern
import LanternModel
import LanternOrders
import LanternPlanning

/// `lantern collect`: receives what members' pages send, checks each submission again against
/// the site (`OrderDesk`), keeps it (`SubmissionStore`) and answers with a page the member reads.
///
/// Routes: `POST /orders` (the storefront form), `GET /status`. A plain form POST gets an HTML
/// page (confirmation, or why not) and works with JavaScript off; a request that asks for JSON
/// (`Accept: application/json`, the storefront's `fetch`) gets the same facts as JSON. An
/// answer is sent only after the store has made the submission durable.
package struct Collector: Sendable {
    package struct Settings: Sendable {
        package var host: String
        package var port: Int
        /// The day themes are judged open on; nil: today in Asia/Shanghai, at each request.
        package var today: Day?

        package init(host: String, port: Int, today: Day?) {
            self.host = host
            self.port = port
            self.today = today
        }
    }

    let desk: OrderDesk
    let store: any SubmissionStore
    let pages: CollectorPages
    let settings: Settings
    /// The site's origin (`base_url`'s scheme, host and port), the only one CORS lets read answers.
    let allowedOrigin: String?

    package init(site: LoadedSite, store: any SubmissionStore, settings: Settings) {
        desk = OrderDesk(site: site.checked, secret: site.secret)
        self.store = store
        self.settings = settings
        let config = site.checked.content.config
        pages = CollectorPages(site: config, locales: site.checked.content.locales, secret: site.secret)
        allowedOrigin = config.baseURL.flatMap(Self.origin)
    }

    /// Runs until SIGTERM or SIGINT; `running` gets the address once the socket listens (port 0
    /// picks a free one).
    package func run(running: @escaping @Sendable (String) -> Void) async throws {
        let router = Router()
        router.post("/orders") { request, _ in try await self.order(request) }
        router.on("/orders", method: .options) { request, _ in self.preflight(request) }
        router.post("/feedback") { request, _ in try await self.feedback(request) }
        router.post("/requests") { request, _ in try await self.careRequest(request) }
        router.get("/orders/status") { request, _ in try await self.status(request) }
        router.get("/orders/form") { request, _ in self.form(request) }
        router.get("/status") { _, _ in
            Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: "{\"ok\":true}\n")))
        }
        let app = Application(router: router, configuration: .init(address: .hostname(settings.host, port: settings.port),
                                                                  serverName: "lantern-collect"),
                              onServerRunning: { channel in
                                  let port = channel.localAddress?.port ?? self.settings.port
                                  running("http://\(self.settings.host):\(port)")
                              },
                              logger: Self.quietLogger)
        try await app.runService()
    }

    private static var quietLogger: Logger {
        var logger = Logger(label: "lantern-collect")
        logger.logLevel = .warning
        return logger
    }

    func order(_ request: Request) async throws -> Response {
        var request = request
        let wantsJSON = request.headers[.accept]?.contains("application/json") == true
        let origin = request.headers[.origin]
        let now = Date()
        let body: ByteBuffer
        do {
            body = try await request.collectBody(upTo: Submission.maxBytes)
        } catch {
            try await store.refuse(.tooLarge, member: nil, theme: nil, at: now)
            return answer(refused: .tooLarge, member: nil, json: wantsJSON, origin: origin)
        }
        let contentType = request.headers[.contentType]?.lowercased() ?? ""
        guard contentType.hasPrefix("application/x-www-form-urlencoded") else {
            try await store.refuse(.malformed, member: nil, theme: nil, at: now)
            return answer(refused: .malformed, member: nil, json: wantsJSON, origin: origin)
        }
        let submission: Submission
        switch Submission.parse(Array(buffer: body)) {
        case .failure(let refusal):
            try await store.refuse(refusal, member: nil, theme: nil, at: now)
            return answer(refused: refusal, member: nil, json: wantsJSON, origin: origin)
        case .success(let parsed): submission = parsed
        }
        switch desk.check(submission, on: settings.today ?? Day.today()) {
        case .failure(let refusal):
            try await store.refuse(refusal, member: submission.member, theme: submission.theme, at: now)
            // The member's language only once the code proves who sent it.
            let member = refusal == .badCode ? nil : desk.member(named: submission.member)
            return answer(refused: refusal, member: member, json: wantsJSON, origin: origin)
        case .success(let order):
            let receipt = try await store.accept(order, at: now)
            if wantsJSON {
                return json(pages.acceptedJSON(order, receipt: receipt), status: .ok, origin: origin)
            }
            return html(pages.accepted(order, receipt: receipt), status: .ok, origin: origin)
        }
    }

    /// A rating and comment from a member's page after a theme closed.
    func feedback(_ request: Request) async throws -> Response {
        var request = request
        let wantsJSON = request.headers[.accept]?.contains("application/json") == true
        let origin = request.headers[.origin]
        let now = Date()
        let parsed: Result<FeedbackSubmission, Refusal>
        do {
            let body = try await request.collectBody(upTo: Submission.maxBytes)
            let urlEncoded = request.headers[.contentType]?.lowercased().hasPrefix("application/x-www-form-urlencoded") == true
            parsed = urlEncoded ? FeedbackSubmission.parse(Array(buffer: body)) : .failure(.malformed)
        } catch {
            parsed = .failure(.tooLarge)
        }
        let submission: FeedbackSubmission
        switch parsed {
        case .failure(let refusal):
            try await store.refuse(refusal, member: nil, theme: nil, at: now)
            return answer(refused: refusal, member: nil, json: wantsJSON, origin: origin)
        case .success(let found): submission = found
        }
        switch desk.check(submission, on: settings.today ?? Day.today()) {
        case .failure(let refusal):
            try await store.refuse(refusal, member: submission.member, theme: submission.theme, at: now)
            let member = refusal == .badCode ? nil : desk.member(named: submission.member)
            return answer(refused: refusal, member: member, json: wantsJSON, origin: origin)
        case .success(let feedback):
            guard try await store.feedback(feedback, anonymous: desk.anonymousFeedback, at: now) else {
                return answer(refused: .alreadyAnswered, member: feedback.member, json: wantsJSON, origin: origin)
            }
            if wantsJSON { return json("{\"status\":\"thanks\"}\n", status: .ok, origin: origin) }
            return html(pages.thanks(feedback), status: .ok, origin: origin)
        }
    }

    /// A care-menu request from the member's own page.
    func careRequest(_ request: Request) async throws -> Response {
        var request = request
        let wantsJSON = request.headers[.accept]?.contains("application/json") == true
        let origin = request.headers[.origin]
        let now = Date()
        let parsed: Result<CareRequestSubmission, Refusal>
        do {
            let body = try await request.collectBody(upTo: Submission.maxBytes)
            let urlEncoded = request.headers[.contentType]?.lowercased().hasPrefix("application/x-www-form-urlencoded") == true
            parsed = urlEncoded ? CareRequestSubmission.parse(Array(buffer: body)) : .failure(.malformed)
        } catch {
            parsed = .failure(.tooLarge)
        }
        let submission: CareRequestSubmission
        switch parsed {
        case .failure(let refusal):
            try await store.refuse(refusal, member: nil, theme: nil, at: now)
            return answer(refused: refusal, member: nil, json: wantsJSON, origin: origin)
        case .success(let found): submission = found
        }
        switch desk.check(submission) {
        case .failure(let refusal):
            try await store.refuse(refusal, member: submission.member, theme: nil, at: now)
            let member = refusal == .badCode ? nil : desk.member(named: submission.member)
            return answer(refused: refusal, member: member, json: wantsJSON, origin: origin)
        case .success(let care):
            let receipt = try await store.request(care, at: now)
            if wantsJSON { return json("{\"status\":\"requested\",\"receipt\":\"\(receipt)\"}\n", status: .ok, origin: origin) }
            return html(pages.requested(care, receipt: receipt), status: .ok, origin: origin)
        }
    }

    /// The member's current choice for a theme, for the storefront to tick again: `chosen` with
    /// the SKUs, total and receipt, or `none`. The code proves who asks, as for a submission.
    func status(_ request: Request) async throws -> Response {
        let query = request.uri.queryParameters
        let origin = request.headers[.origin]
        guard let member = query["member"].map(String.init), let theme = query["theme"].map(String.init),
              let code = query["code"].map(String.init), desk.verifies(member: member, theme: theme, code: code) else {
            return json(pages.refusedJSON(.badCode, member: nil), status: .forbidden, origin: origin)
        }
        guard let choice = try await store.choice(member: member, theme: theme) else {
            return json("{\"status\":\"none\"}\n", status: .ok, origin: origin)
        }
        return json(pages.statusJSON(choice), status: .ok, origin: origin)
    }

    /// The choice without JavaScript: the member's storefront links here when it cannot load
    /// its list; the page lists the items that member may pick as a plain form to `/orders`.
    func form(_ request: Request) -> Response {
        let query = request.uri.queryParameters
        let offer = desk.offer(member: query["member"].map(String.init) ?? "", theme: query["theme"].map(String.init) ?? "",
                               code: query["code"].map(String.init) ?? "", on: settings.today ?? Day.today())
        switch offer {
        case .failure(let refusal):
            let member = refusal == .badCode ? nil : desk.member(named: query["member"].map(String.init) ?? "")
            return html(pages.refused(refusal, member: member), status: HTTPResponse.Status(code: refusal.status), origin: nil)
        case .success(let offer):
            var response = html(pages.form(offer, code: query["code"].map(String.init) ?? ""), status: .ok, origin: nil)
            response.headers[.contentSecurityPolicy] = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action \(pages.formAction)"
            return response
        }
    }

    func answer(refused refusal: Refusal, member: Member?, json wantsJSON: Bool, origin: String?) -> Response {
        let status = HTTPResponse.Status(code: refusal.status)
        if wantsJSON { return json(pages.refusedJSON(refusal, member: member), status: status, origin: origin) }
        return html(pages.refused(refusal, member: member), status: status, origin: origin)
    }

    func preflight(_ request: Request) -> Response {
        var headers = corsHeaders(request.headers[.origin])
        headers[.accessControlAllowMethods] = "POST"
        headers[.accessControlAllowHeaders] = "Content-Type, Accept"
        return Response(status: .noContent, headers: headers)
    }

    private func corsHeaders(_ origin: String?) -> HTTPFields {
        var headers = HTTPFields()
        if let origin, origin == allowedOrigin {
            headers[.accessControlAllowOrigin] = origin
            headers[.vary] = "Origin"
        }
        return headers
    }

    private func html(_ text: String, status: HTTPResponse.Status, origin: String?) -> Response {
        var headers = corsHeaders(origin)
        headers[.contentType] = "text/html; charset=utf-8"
        headers[.cacheControl] = "no-store"
        headers[.contentSecurityPolicy] = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"
        headers[.init("Referrer-Policy")!] = "no-referrer"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    private func json(_ text: String, status: HTTPResponse.Status, origin: String?) -> Response {
        var headers = corsHeaders(origin)
        headers[.contentType] = "application/json; charset=utf-8"
        headers[.cacheControl] = "no-store"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    /// `https://fuli.example.com` of `https://fuli.example.com/sub/`: what browsers send as `Origin`.
    static func origin(_ url: String) -> String? {
        guard let components = URLComponents(string: url), let scheme = components.scheme, let host = components.host else { return nil }
        return "\(scheme)://\(host)" + (components.port.map { ":\($0)" } ?? "")
    }
}
