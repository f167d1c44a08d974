import Foundation

/// Decodes a QR code the way a phone would see a printout: the SVG is rasterised by
/// `rsvg-convert` (Debian librsvg2-bin) and read by `zbarimg` (Debian zbar-tools).
/// `scripts/install-deps.sh` installs both; a missing tool fails the test, naming the package.
enum QRScanner {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// The text of the one QR code in `svg`.
    static func decode(svg: String) throws -> String {
        let rsvg = try tool("rsvg-convert", package: "librsvg2-bin")
        let zbar = try tool("zbarimg", package: "zbar-tools")
        let folder = FileManager.default.temporaryDirectory.appending(path: "lantern-qr-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let svgFile = folder.appending(path: "code.svg"), png = folder.appending(path: "code.png")
        try Data(svg.utf8).write(to: svgFile)
        // About 10 pixels a module: sharp edges, well within what zbar reads.
        let raster = try run(rsvg, ["--width", "400", "--background-color", "white", "--output", png.path, svgFile.path])
        guard raster.status == 0 else { throw Failure(description: "rsvg-convert failed: \(raster.error)") }
        let scan = try run(zbar, ["--raw", "-q", png.path])
        guard scan.status == 0 else { throw Failure(description: "zbarimg found no QR code (status \(scan.status)): \(scan.error)") }
        // `--raw` prints each symbol's data followed by a newline.
        guard scan.output.hasSuffix("\n") else { throw Failure(description: "unexpected zbarimg output: \(scan.output)") }
        let text = String(scan.output.dropLast())
        guard !text.contains("\n") else { throw Failure(description: "more than one symbol: \(text)") }
        return text
    }

    /// The executable `name` on `PATH` (or the usual Debian folders), else a failure naming the package.
    static func tool(_ name: String, package: String) throws -> URL {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        for folder in path.split(separator: ":").map(String.init) + ["/usr/local/bin", "/usr/bin", "/bin"] where !folder.isEmpty {
            let candidate = URL(filePath: folder).appending(path: name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        throw Failure(description: "`\(name)` is not installed: the print-sheet tests need it. "
                      + "Run scripts/install-deps.sh (Debian package \(package)).")
    }

    static func run(_ tool: URL, _ arguments: [String]) throws -> (status: Int32, output: String, error: String) {
        let process = Process()
        process.executableURL = tool
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let output = out.fileHandleForReading.readDataToEndOfFile()
        let error = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self), String(decoding: error, as: UTF8.self))
    }
}
