/// Reads `content/site.yaml`.
enum SiteConfigLoader {
    static let keys = ["name", "union", "language", "base_url", "order", "policy", "privacy", "print_sheets"]
    static let orderKeys = ["endpoint", "email"]

    static func load(_ file: TextFile) throws(DiagnosticsError) -> (SiteConfig, [Diagnostic]) {
        var d = Diagnostics()
        let yaml = try YAMLMap.parse(file.text, file: file.displayPath)
        yaml.warnUnknownKeys(keys, context: "site.yaml", into: &d)
        let name = yaml.string("name", required: true, into: &d)
        let union = yaml.string("union", required: true, into: &d)
        var baseURL = yaml.string("base_url", into: &d).flatMap { $0.isEmpty ? nil : $0 }
        if let url = baseURL {
            if !(url.hasPrefix("https://") || url.hasPrefix("http://")) {
                d.error("bad base_url `\(url)`", at: yaml.location(of: yaml.entry("base_url")!.value),
                        hint: "write the full address where public/ is served, e.g. https://welfare.example.com/")
            }
            if !url.hasSuffix("/") { baseURL = url + "/" }
        }
        let order = yaml.map("order", into: &d)
        order?.warnUnknownKeys(orderKeys, context: "order", into: &d)
        let endpoint = order?.string("endpoint", into: &d) ?? ""
        if !endpoint.isEmpty && !(endpoint.hasPrefix("https://") || endpoint.hasPrefix("http://")) {
            d.error("bad order endpoint `\(endpoint)`", at: order!.location(of: order!.entry("endpoint")!.value),
                    hint: "write the full https:// address of the form service")
        }
        let email = order?.string("email", into: &d) ?? ""
        if !email.isEmpty && (!email.contains("@") || email.contains(where: { " <>\"".contains($0) })) {
            d.error("bad order email `\(email)`", at: order!.location(of: order!.entry("email")!.value),
                    hint: "write one address like fuli@example.com")
        }
        var encrypt = false
        var cardFields = SiteConfig.allCardFields
        if let privacy = yaml.map("privacy", into: &d) {
            privacy.warnUnknownKeys(["encrypt", "card_fields"], context: "privacy", into: &d)
            if let text = privacy.string("encrypt", into: &d), !text.isEmpty {
                if let flag = FieldParsers.bool(text) { encrypt = flag } else {
                    d.error("bad `encrypt` value `\(text)`", at: privacy.location(of: privacy.entry("encrypt")!.value),
                            hint: "use true or false")
                }
            }
            if let fields = privacy.stringList("card_fields", into: &d) {
                for field in fields where !SiteConfig.allCardFields.contains(field) {
                    d.error("unknown card field `\(field)`", at: privacy.location(of: privacy.entry("card_fields")!.value),
                            hint: "cards may show \(SiteConfig.allCardFields.sorted().joined(separator: ", ")); never birth years or tags")
                }
                cardFields = Set(fields)
            }
        }
        try d.throwIfErrors()
        var config = SiteConfig(name: name!, union: union!, language: yaml.string("language", into: &d) ?? "zh-CN",
                                baseURL: baseURL, orderEndpoint: endpoint, orderEmail: email,
                                policy: yaml.string("policy", into: &d).flatMap { $0.isEmpty ? nil : $0 } ?? "policy.yaml")
        switch yaml.string("print_sheets", into: &d) ?? "missing-contact" {
        case "all": config.printSheetsForAll = true
        case "missing-contact", "": break
        case let other:
            d.error("bad `print_sheets` value `\(other)`", at: yaml.location(of: yaml.entry("print_sheets")!.value),
                    hint: "use missing-contact (the default: members with neither phone nor e-mail) or all")
        }
        try d.throwIfErrors()
        config.encrypt = encrypt
        config.cardFields = cardFields
        return (config, d.warnings)
    }
}
