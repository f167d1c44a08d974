import ArgumentParser
import Foundation
import Lantern
import LanternModel

struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new", abstract: "Start a site folder, or a theme for an occasion, from Lantern's presets.",
        subcommands: [Site.self, Theme.self])

    struct Site: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "site",
            abstract: "Write a new site folder that checks and builds at once: templates, the national policy, a sample catalog and roster, one theme.")

        @Argument(help: "The folder to create; it must not exist, or be empty.")
        var folder: String

        @Option(help: "The day the first theme is chosen from (the next festival the policy allows). Default: today in Asia/Shanghai.")
        var today: String?

        func run() throws {
            var day = Day.today()
            if let today {
                guard let given = Day(today) else { throw ValidationError("--today must be a date like 2026-06-10, not `\(today)`") }
                day = given
            }
            do {
                let result = try NewSite.create(at: SiteOptions.url(folder), today: day)
                print("created \(folder): \(result.files) files, with the theme \(result.theme.path) under the policy「\(result.theme.policyName)」")
                print("next: edit content/site.yaml (names, and order: where members send their choice), content/catalog.csv and content/roster.csv (see content/README.txt), then")
                print("  lantern check --site \(folder)")
                print("  lantern build --site \(folder)")
            } catch {
                throw fail(error, "new site")
            }
        }
    }

    struct Theme: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "theme",
            abstract: "Write content/themes/NAME.md for an occasion the site's policy allows, from its preset: date, window, budget, colours, greeting.")

        @Argument(help: "The theme's name: its file name and URL (lower-case letters, digits, dashes), e.g. mid-autumn-2026.")
        var name: String

        @Option(help: "The occasion key, e.g. mid-autumn, qingming, birthday (lantern calendar lists them).")
        var occasion: String

        @Option(help: "The festival's year. Default: the year of its next day, from today in Asia/Shanghai.")
        var year: Int?

        @Option(help: "The site folder whose policy decides which occasions are allowed.")
        var site: String = "."

        func run() throws {
            do {
                let result = try NewTheme.create(site: SiteOptions.url(site), name: name, occasion: occasion, year: year, today: Day.today())
                let day = result.day.map { " on \($0)" } ?? ""
                print("created \(result.path): \(result.occasion.chineseName)\(day), budget \(result.budget.plainYuan) yuan per member")
                print("next: edit the title, budget and greeting, then lantern check --site \(site)")
            } catch {
                throw fail(error, "new theme")
            }
        }
    }
}
