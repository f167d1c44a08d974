import Foundation

/// A site build as a list of named stages: load → check → plan → render → write.
///
/// Nothing is written until every earlier stage has passed, so a build that fails on bad input
/// leaves the output folder exactly as it was.
public struct Build {
    public struct Result: Sendable {
        public var warnings: [Diagnostic]
        public var pages: Int
        public var members: Int
        public var output: OutputTree.Report
        /// Files written to `private/print/` (none without `base_url`).
        public var printSheets: Int
    }

    public let options: BuildOptions
    /// Called with `[i/n] stage` as each stage starts.
    public var progress: @Sendable (String) -> Void

    public init(_ options: BuildOptions, progress: @escaping @Sendable (String) -> Void = { _ in }) {
        self.options = options
        self.progress = progress
    }

    public static let stages = ["load content", "check", "plan pages", "render", "write"]

    public func run() throws(DiagnosticsError) -> Result {
        stage(1)
        let content = try SiteContent.load(site: options.site)
        stage(2)
        let checked = try CheckedSite.check(content)
        let secret = try Secret.load(privateFolder: options.privateFolder, environment: options.environment)
        stage(3)
        let plan = SitePlan.make(checked, today: options.today, secret: secret)
        stage(4)
        let files = try Renderer(site: checked, today: options.today).render(plan, secret: secret)
        let reports: [(String, Data)]
        do {
            reports = [("links.csv", try LinksFile.csv(plan.links, baseURL: content.config.baseURL, encryptedWith: content.config.encrypt ? secret : nil)),
                       ("audit.csv", try AuditFiles.csv(checked.audit)),
                       ("audit.html", AuditFiles.html(checked.audit, site: content.config))]
        } catch {
            throw DiagnosticsError([.error("cannot write the private reports: \(error)", at: nil)])
        }
        let printSheets = try PrintSheets.sheets(plan.links, site: content.config, secret: content.config.encrypt ? secret : nil)
        let warnings = checked.warnings + [PrintSheets.warning(plan.links, site: content.config)].compactMap { $0 }
        stage(5)
        do {
            let report = try OutputTree(output: options.output, privateFolder: options.privateFolder).write(files)
            for (name, data) in reports {
                try data.write(to: options.privateFolder.appending(path: name), options: .atomic)
            }
            try PrintSheets.write(printSheets, privateFolder: options.privateFolder)
            return Result(warnings: warnings, pages: plan.pages.count, members: plan.links.count, output: report,
                          printSheets: printSheets.count)
        } catch {
            throw DiagnosticsError([.error("cannot write the output: \(error.localizedDescription)",
                                           at: SourceLocation(file: options.output.path),
                                           hint: "check that the output and private folders are writable")])
        }
    }

    private func stage(_ number: Int) {
        progress("[\(number)/\(Self.stages.count)] \(Self.stages[number - 1])")
    }
}
