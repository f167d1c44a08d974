import Foundation
import LanternModel

/// Reads `content/site.yaml`.
enum SiteConfigLoader {
    static let orderKeys = YAMLKeys("order", ["endpoint": .value, "email": .value])
    static let privacyKeys = YAMLKeys("privacy", ["encrypt": .value, "card_fields": .list])
    static let feedbackKeys = YAMLKeys("feedback", ["window": .value, "anonymous": .value])
    static let deployKeys = YAMLKeys("deploy", ["to": .value])
    static let keys = YAMLKeys("site.yaml", [
        "name": .value, "union": .value, "language": .value, "base_url": .value, "order": .group(orderKeys),
        "policy": .value, "privacy": .group(privacyKeys), "print_sheets": .value, "feedback": .group(feedbackKeys),
        "deploy": .group(deployKeys),
    ])

    package static let noOrderChannel = "no order.endpoint and no order.email: members can tick items on their storefronts "
        + "but have no way to send their choice"

    static func load(_ file: TextFile) throws(DiagnosticsError) -> (SiteConfig, [Diagnostic]) {
        var r = try YAMLReader(file.text, file: file.displayPath, keys: keys)
        let name = r.string("name", required: true)
        let union = r.string("union", required: true)
        let language = r.string("language").flatMap { $0.isEmpty ? nil : $0 } ?? "zh-CN"
        var baseURL = r.string("base_url").flatMap { $0.isEmpty ? nil : $0 }
        if let url = baseURL {
            if !(url.hasPrefix("https://") || url.hasPrefix("http://")) {
                r.error("bad base_url `\(url)`", at: r.root.valueLocation("base_url"),
                        hint: "write the full address where public/ is served, e.g. https://welfare.example.com/")
            }
            if !url.hasSuffix("/") { baseURL = url + "/" }
        }
        let order = r.group("order")
        let endpoint = order.flatMap { r.string("endpoint", in: $0) } ?? ""
        if let order, !endpoint.isEmpty, let problem = OrderEndpoint.problem(endpoint) {
            r.error("order endpoint `\(endpoint)` \(problem)", at: order.valueLocation("endpoint"),
                    hint: "members' choices travel over it: write the https:// address of the form service "
                        + "(http:// only to this machine, e.g. http://127.0.0.1:8080/orders, for local tests)")
        }
        let email = order.flatMap { r.string("email", in: $0) } ?? ""
        if let order, !email.isEmpty && (!email.contains("@") || email.contains(where: { " <>\"".contains($0) })) {
            r.error("bad order email `\(email)`", at: order.valueLocation("email"), hint: "write one address like fuli@example.com")
        }
        if endpoint.isEmpty && email.isEmpty {
            // Storefronts would let members tick items and give them nowhere to send them.
            r.warning(SiteConfigLoader.noOrderChannel, at: order.map { _ in r.root.keyLocation("order") } ?? SourceLocation(file: file.displayPath),
                      hint: "set order.endpoint (lantern collect's /orders, or your OA form's https:// address) "
                          + "or order.email (the union's mailbox) in site.yaml")
        }
        var encrypt = false
        var cardFields = SiteConfig.allCardFields
        if let privacy = r.group("privacy") {
            encrypt = r.flag("encrypt", in: privacy, default: false)
            if let fields = r.listItems("card_fields", in: privacy) {
                for (field, location) in fields where !SiteConfig.allCardFields.contains(field) {
                    r.error("unknown card field `\(field)`", at: location,
                            hint: "cards may show \(SiteConfig.allCardFields.sorted().joined(separator: ", ")); never birth years or tags")
                }
                cardFields = Set(fields.map(\.text))
            }
        }
        let policy = r.string("policy").flatMap { $0.isEmpty ? nil : $0 } ?? "policy.yaml"
        var printSheetsForAll = false
        switch r.string("print_sheets") ?? "missing-contact" {
        case "all": printSheetsForAll = true
        case "missing-contact", "": break
        case let other:
            r.error("bad `print_sheets` value `\(other)`", at: r.root.valueLocation("print_sheets"),
                    hint: "use missing-contact (the default: members with neither phone nor e-mail) or all")
        }
        var feedbackDays = 14, feedbackAnonymous = false
        if let feedback = r.group("feedback") {
            feedbackDays = r.int("window", in: feedback, range: 0...366) ?? 14
            feedbackAnonymous = r.flag("anonymous", in: feedback, default: false)
        }
        let deployTo = r.group("deploy").flatMap { r.string("to", in: $0) }.flatMap { $0.isEmpty ? nil : $0 }
        let warnings = try r.finish()
        var config = SiteConfig(name: name!, union: union!, language: language, baseURL: baseURL,
                                orderEndpoint: endpoint, orderEmail: email, policy: policy)
        config.printSheetsForAll = printSheetsForAll
        config.encrypt = encrypt
        config.cardFields = cardFields
        config.feedbackDays = feedbackDays
        config.feedbackAnonymous = feedbackAnonymous
        config.deployTo = deployTo
        return (config, warnings)
    }
}

extension SiteConfig {
    /// `content/site.yaml` of the site folder alone, for commands that need no other input
    /// (`lantern deploy` reads its default remote there).
    package static func load(site: URL) throws(DiagnosticsError) -> (SiteConfig, [Diagnostic]) {
        try SiteConfigLoader.load(TextFile.read(site.appending(path: "content/site.yaml"), displayPath: "content/site.yaml"))
    }
}
