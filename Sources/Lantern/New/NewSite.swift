import Foundation
import LanternLoading
import LanternModel

/// `lantern new site DIR`: a site folder that checks and builds at once: the sample's templates
/// and policies (`StarterFiles`), a `site.yaml` on the national default policy, a small catalog
/// and roster with every column (`StarterContent`), and one theme, for the next festival the
/// policy allows. The folder is written beside `DIR` and renamed into place, so a failure
/// leaves no half site.
package enum NewSite {
    package struct Result: Sendable {
        package var files: Int
        /// The theme written, e.g. `content/themes/mid-autumn-2026.md`.
        package var theme: NewTheme.Result
    }

    package static func create(at folder: URL, today: Day) throws(DiagnosticsError) -> Result {
        let folder = folder.absoluteURL.standardizedFileURL
        try refuseExisting(folder)
        let fm = FileManager.default
        let staging = folder.deletingLastPathComponent().appending(path: ".\(folder.lastPathComponent).lantern-new-\(UUID().uuidString)")
        defer { try? fm.removeItem(at: staging) }
        var files = StarterFiles.files(under: "templates") + StarterFiles.files(under: "content/policies")
        files += [("content/site.yaml", StarterContent.siteYAML), ("content/catalog.csv", StarterContent.catalogCSV),
                  ("content/roster.csv", StarterContent.rosterCSV), ("content/README.txt", StarterContent.readme)]
        do {
            for (path, text) in files {
                let url = staging.appending(path: path)
                try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(text.utf8).write(to: url)
            }
            try fm.createDirectory(at: staging.appending(path: "content/images"), withIntermediateDirectories: true)
            try StarterContent.picture.write(to: staging.appending(path: "content/images/\(StarterContent.pictureName)"))
        } catch {
            throw DiagnosticsError([.error("cannot write the new site beside \(folder.path): \(error.localizedDescription)", at: nil,
                                           hint: "check that the folder above it exists and is writable")])
        }
        // The theme is made as `lantern new theme` makes one, under the policy just written.
        let (occasion, year) = try nextFestival(policy: Policy.load(site: staging), today: today)
        let theme = try NewTheme.create(site: staging, name: "\(occasion.rawValue)-\(year)", occasion: occasion.rawValue,
                                        year: year, today: today)
        do {
            // An empty folder named on purpose (`mkdir` first) is replaced; a non-empty one was refused above.
            if fm.fileExists(atPath: folder.path) { try fm.removeItem(at: folder) }
            try fm.moveItem(at: staging, to: folder)
        } catch {
            throw DiagnosticsError([.error("cannot create \(folder.path): \(error.localizedDescription)", at: nil,
                                           hint: "check that the folder above it is writable")])
        }
        return Result(files: files.count + 2, theme: theme)
    }

    /// A folder that exists and holds anything (a hidden file too) is refused: `new site` never
    /// mixes its files with someone's.
    static func refuseExisting(_ folder: URL) throws(DiagnosticsError) {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder) else { return }
        guard isFolder.boolValue else {
            throw DiagnosticsError([.error("\(folder.path) exists and is a file, not a folder", at: nil,
                                           hint: "name a new folder: lantern new site my-site")])
        }
        let entries = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? ["?"]).sorted()
        guard entries.isEmpty else {
            let shown = entries.prefix(3).joined(separator: ", ") + (entries.count > 3 ? ", …" : "")
            throw DiagnosticsError([.error("\(folder.path) is not empty (\(shown)); lantern new site only writes into a new or empty folder",
                                           at: nil, hint: "name a new folder, or run `lantern check --site \(folder.path)` if it is a site already")])
        }
    }

    /// The allowed festival (not birthdays) whose next day on or after `today` comes first.
    static func nextFestival(policy: Policy, today: Day) throws(DiagnosticsError) -> (Occasion, Int) {
        var best: (Occasion, Int, Day)?
        for occasion in Occasion.allCases where occasion != .birthday && policy.rule(for: occasion.rawValue)?.allowed == true {
            guard let year = try? NewTheme.nextYear(of: occasion, from: today), let day = try? occasion.day(in: year)
            else { continue }
            if best.map({ day < $0.2 }) ?? true { best = (occasion, year, day) }
        }
        guard let best else {
            throw DiagnosticsError([.error("the policy allows no festival on or after \(today) the calendar covers", at: nil,
                                           hint: "the calendar covers 1950–2100")])
        }
        return (best.0, best.1)
    }
}
