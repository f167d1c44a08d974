import Foundation
import LanternRendering

extension PrintSheets {
    /// Stages the sheets whose bytes change into the commit (`PrivateCommit`), which then
    /// deletes the `*.html` files in `privateFolder/print/` that are not among `sheets`: sheets of
    /// departments that are gone, or all of them when `base_url` was removed. Other files an
    /// admin put there are left alone.
    package static func stage(_ sheets: [Sheet], privateFolder: URL, into commit: PrivateCommit) throws {
        let sheetsFolder = privateFolder.appending(path: folder)
        for sheet in sheets where FileManager.default.contents(atPath: sheetsFolder.appending(path: sheet.fileName).path) != sheet.html {
            try commit.stage(sheet.html, at: "\(folder)/\(sheet.fileName)")
        }
    }
}
