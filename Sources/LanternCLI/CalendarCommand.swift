import ArgumentParser
import Foundation
import Lantern
import LanternChecking
import LanternLoading
import LanternModel
import LanternWriting

struct CalendarCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calendar", abstract: "Print a year's occasions, their dates, and whether the site's policy allows welfare on them.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, csv }

    @Argument(help: "The year (1950–2100). Default: this year in Asia/Shanghai.")
    var year: Int?

    @Option(help: "text (a table) or csv (occasion,date,allowed).")
    var format: Format = .text

    @Option(help: "The site folder whose policy decides `allowed`.")
    var site: String = "."

    func run() throws {
        let policy: Policy
        do { policy = try Policy.load(site: SiteOptions.url(site)) } catch { throw fail(error, "calendar") }
        do {
            let calendar = try FestivalCalendar(year: year ?? Day.today().year, policy: policy)
            print(format == .csv ? calendar.csv : calendar.text, terminator: "")
        } catch {
            FileHandle.standardError.write(Data("lantern: error: \(error)\n".utf8))
            throw ExitCode(1)
        }
    }
}
