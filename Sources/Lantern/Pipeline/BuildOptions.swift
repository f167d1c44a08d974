import Foundation
import LanternModel
import LanternWriting

/// What `lantern build` was asked to do.
package struct BuildOptions: Sendable {
    package var site: URL
    package var output: URL
    package var privateFolder: URL
    /// Decides which themes are open.
    package var today: Day
    var environment: [String: String]
    /// Workers rendering member pages; default: the core count.
    package var jobs: Int = Parallel.cores
    /// Render member pages through stencils when the templates allow it (tests turn it off to
    /// compare).
    var stencils = true
    /// Replace the site secret on purpose (`--rotate-secret`): every member's link changes.
    package var rotateSecret = false
    /// When another build holds the site's lock: wait for it (true), or fail at once.
    package var waitForLock = true
    /// Where a test stops the build to kill it (`Checkpoint`); none by default.
    package var checkpoint = Checkpoint.none

    /// Defaults as the CLI documents them: output `SITE/public`, private `SITE/private`, today in Asia/Shanghai.
    package init(site: URL, output: URL? = nil, privateFolder: URL? = nil, today: Day = .today(),
                environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.site = site.absoluteURL.standardizedFileURL
        self.output = (output ?? site.appending(path: "public")).absoluteURL.standardizedFileURL
        self.privateFolder = (privateFolder ?? site.appending(path: "private")).absoluteURL.standardizedFileURL
        self.today = today
        self.environment = environment
    }
}
