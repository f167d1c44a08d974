import Foundation

/// A file the build produces: its path under the output folder and its exact bytes.
public struct OutputFile: Sendable, Equatable {
    public var path: String
    public var bytes: Data

    init(path: String, bytes: Data) {
        self.path = path
        self.bytes = bytes
    }
}
