import Foundation

/// A file the build produces: its path under the output folder and its exact bytes.
package struct OutputFile: Sendable, Equatable {
    package var path: String
    package var bytes: Data

    init(path: String, bytes: Data) {
        self.path = path
        self.bytes = bytes
    }
}
