import Foundation
import LanternModel
import LanternWriting

/// The one check that the folders a command is given stay apart: the site's inputs (`content/`,
/// `templates/`), the output (with the staging folder and lock file beside it, which a build
/// swaps and writes) and the private folder. A build swaps the output away and publishes what it
/// holds, so an output that holds the site, its inputs or the private folder would lose them or
/// publish the secret; a private folder inside the inputs would be read as content.
///
/// Paths are compared as the kernel will use them: symbolic links resolved (in the deepest part
/// that exists; what does not exist yet cannot be a link) and component by component, so
/// `/a/public2` is not inside `/a/public`. Nothing is created or written.
package enum SiteFolders {
    /// Throws one error per overlap. `output` nil: the command does not write an output (`links`).
    package static func check(site: URL, output: URL?, privateFolder: URL) throws(DiagnosticsError) {
        let problems = overlaps(site: site, output: output, privateFolder: privateFolder)
        if !problems.isEmpty { throw DiagnosticsError(problems) }
    }

    /// `check` for the folders of a build.
    static func check(_ options: BuildOptions) throws(DiagnosticsError) {
        try check(site: options.site, output: options.output, privateFolder: options.privateFolder)
    }

    /// A folder as given and as resolved, with what to call it in a message.
    struct Folder {
        var role: String
        var given: URL
        var components: [String]

        init(_ role: String, _ url: URL) {
            self.role = role
            given = url
            components = SiteFolders.resolve(url)
        }

        var name: String {
            let real = "/" + components.joined(separator: "/")
            return real == given.standardizedFileURL.path ? "\(role) \(real)" : "\(role) \(given.standardizedFileURL.path) (\(real))"
        }

        func isInside(_ other: Folder) -> Bool {
            components.count > other.components.count && Array(components.prefix(other.components.count)) == other.components
        }

        func overlaps(_ other: Folder) -> Bool { components == other.components || isInside(other) || other.isInside(self) }
    }

    static func overlaps(site: URL, output: URL?, privateFolder: URL) -> [Diagnostic] {
        let siteFolder = Folder("the site folder", site)
        let inputs = [Folder("the site's content folder", site.appending(path: "content")),
                      Folder("the site's templates folder", site.appending(path: "templates"))]
        let secret = Folder("the private folder", privateFolder)
        // What a build writes, in groups: the private folder; the output and what is beside it
        // (reported once per group, by its first folder that overlaps).
        var groups = [[secret]]
        if let output {
            groups.append([Folder("the output folder", output),
                           Folder("the output's staging folder", StagedOutput.stagingFolder(for: output)),
                           Folder("the output's lock file", SiteLock.outputLockFile(for: output))])
        }
        var problems: [Diagnostic] = []
        func problem(_ folder: Folder, _ other: Folder, _ consequence: String) {
            let relation = folder.components == other.components ? "is" : folder.isInside(other) ? "is inside" : "holds"
            problems.append(.error("\(folder.name) \(relation) \(other.name): \(consequence)",
                                   at: SourceLocation(file: folder.given.standardizedFileURL.path),
                                   hint: "keep the output and the private folder apart from each other and outside content/ and "
                                       + "templates/ (the defaults, SITE/public and SITE/private, are)"))
        }
        for group in groups {
            if let folder = group.first(where: { $0.components == siteFolder.components || siteFolder.isInside($0) }) {
                problem(folder, siteFolder, "a build would swap or mix the site itself")
                continue
            }
            for input in inputs {
                if let folder = group.first(where: { $0.overlaps(input) }) {
                    problem(folder, input, "a build would read what it writes, or publish or remove the site's inputs")
                }
            }
        }
        // The private folder against the output and what is beside it: the secret and every
        // member's link would be published, or the site swapped into the private folder.
        if let folder = groups.dropFirst().first?.first(where: { secret.overlaps($0) }) {
            problem(secret, folder, "the secret and every member's link could be published")
        }
        return problems
    }

    /// The absolute path's components with symbolic links resolved: the deepest ancestor that
    /// exists by `realpath`, the rest as written (`..` taken lexically, as the build uses it).
    static func resolve(_ url: URL) -> [String] {
        var rest: [String] = []
        var path = url.standardizedFileURL.path
        while true {
            if let real = realpath(path, nil) {
                defer { free(real) }
                let resolved = String(cString: real).split(separator: "/").map(String.init)
                var components = resolved
                for part in rest.reversed() {
                    if part == ".." { if !components.isEmpty { components.removeLast() } } else if part != "." { components.append(part) }
                }
                return components
            }
            let parent = (path as NSString).deletingLastPathComponent
            if parent == path || parent.isEmpty { return rest.reversed() }
            rest.append((path as NSString).lastPathComponent)
            path = parent
        }
    }
}
