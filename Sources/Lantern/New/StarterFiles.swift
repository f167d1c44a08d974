import Foundation
import LanternModel

/// What `lantern new site` copies from the sample site: its templates (Mustache, locales, CSS,
/// JS, every preset's art) and its policies, so a new site builds as the sample does. They are
/// compiled into the binary (`StarterFiles+Embedded.swift`, written by `scripts/embed-starter`),
/// so `lantern new` works wherever the binary runs, with no folder of Lantern's beside it.
enum StarterFiles {
    /// The embedded files under `folder` (`templates`, `content/policies`).
    static func files(under folder: String) -> [(path: String, text: String)] {
        embedded.filter { $0.path.hasPrefix(folder + "/") }
    }

    /// One embedded file's text; the paths are the sample site's, so a missing one is a bug here.
    static func text(_ path: String) -> String {
        guard let file = embedded.first(where: { $0.path == path }) else { preconditionFailure("no starter file \(path)") }
        return file.text
    }
}
