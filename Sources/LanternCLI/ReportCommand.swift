import ArgumentParser
import Foundation
import Lantern
import LanternLoading
import LanternModel
import LanternReport
import LanternSQLite

struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Turn the collected choices into private/reports/: orders, supplier orders, reminders and index.html.")

    @OptionGroup var siteOptions: SiteOptions

    @Option(name: .customLong("private"), help: "The private folder holding the secret; the report goes to its reports/. Default: SITE/private.")
    var privateFolder: String?

    @Option(help: "The collector's SQLite file. Default: PRIVATE/collect.sqlite.")
    var db: String?

    @Option(name: .customLong("import"), help: "A form service's CSV export (member, theme, code, skus, time); may be repeated.")
    var imports: [String] = []

    func run() async throws {
        var options = BuildOptions(site: SiteOptions.url(siteOptions.site), privateFolder: privateFolder.map(SiteOptions.url),
                                   today: try siteOptions.day())
        options.waitForLock = !siteOptions.noWait
        let loaded: LoadedSite
        do { loaded = try LoadedSite.load(options, waiting: showWaiting) } catch { throw fail(error, "report") }
        let path = db.map { SiteOptions.url($0).path } ?? options.privateFolder.appending(path: "collect.sqlite").path
        var exported: [SubmissionExport.Row] = []
        do {
            for file in imports { exported += try SubmissionExport.load(SiteOptions.url(file), displayPath: file) }
        } catch { throw fail(error, "report") }
        let store: SQLiteSubmissionStore?
        do {
            // With exports and no collector of its own, the report is made from the exports.
            store = !imports.isEmpty && db == nil && !FileManager.default.fileExists(atPath: path)
                ? nil : try SQLiteSubmissionStore(path: path, create: false)
        } catch let missing as SQLiteSubmissionStore.Missing {
            throw fail(DiagnosticsError([.error("no collected choices: \(missing.path) does not exist", at: SourceLocation(file: missing.path),
                                                hint: "run `lantern collect` (it creates that file) or pass --db with the file your collector keeps")]),
                       "report")
        } catch {
            throw fail(DiagnosticsError([.error("cannot open the collector's database: \(error)", at: SourceLocation(file: path))]), "report")
        }
        let folder = options.privateFolder.appending(path: Report.folder)
        let made: Report
        do { made = try await Report.collect(loaded, from: store, adding: exported, today: options.today) } catch {
            throw fail(DiagnosticsError([.error("cannot read the collector's database: \(error)", at: SourceLocation(file: path))]), "report")
        }
        do { try made.write(into: folder) } catch {
            throw fail(DiagnosticsError([.error("cannot write the report: \(error)", at: SourceLocation(file: folder.path))]), "report")
        }
        report(made.notes.map { .warning($0, at: nil) })
        let chosen = made.themes.map { "\($0.theme.slug) \($0.overall.fraction)" }.joined(separator: ", ")
        let line = "lantern report: \(made.themes.count) theme\(made.themes.count == 1 ? "" : "s")"
            + (chosen.isEmpty ? "" : " (chosen: \(chosen))") + ", as of \(options.today) → \(folder.path)\n"
        FileHandle.standardOutput.write(Data(line.utf8))
    }
}
