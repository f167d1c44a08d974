import CVips
import Foundation

/// Item pictures through libvips: the one file that imports it. Its pointers and GLib buffers
/// never leave this file, and everything it allocates is freed with `defer`.
///
/// Loading reads a picture's header (`header`) to check the file; the build makes the small
/// versions (`webp`). Both take the file's bytes: the caller reads them once, for their digest too.
package enum Vips {
    /// What a catalog may name; anything else libvips could read (SVG, GIF, TIFF, PDF…) is refused.
    package enum Format: String, Sendable {
        case jpeg = "JPEG", png = "PNG", webp = "WebP"
    }

    package struct Header: Sendable, Equatable {
        package var format: Format
        package var width: Int
        package var height: Int
    }

    /// One WebP file and its size in pixels.
    package struct Encoded: Sendable {
        package var width: Int
        package var height: Int
        package var bytes: Data
    }

    package struct Failure: Error, Sendable, CustomStringConvertible {
        package var description: String
    }

    /// `vips_init` runs once, on first use: a static `let` is initialised exactly once even when
    /// several threads reach it together.
    private static let started: Bool = lantern_vips_start() == 0

    /// The format and size, from the header alone (no pixel is decoded).
    package static func header(of data: Data) throws(Failure) -> Header {
        try start()
        let result: Result<Header, Failure> = data.withUnsafeBytes { raw in
            guard let base = raw.baseAddress, raw.count > 0 else { return .failure(Failure(description: "the file is empty")) }
            guard let loader = vips_foreign_find_load_buffer(base, raw.count) else { return .failure(unreadable()) }
            return header(loader: loader) { lantern_vips_header(base, raw.count) }
        }
        return try result.get()
    }

    /// The same, reading only the header's bytes of the file at `path`.
    package static func header(ofFile path: String) throws(Failure) -> Header {
        try start()
        guard let source = vips_source_new_from_file(path) else { throw lastError() }
        defer { g_object_unref(source) }
        guard let loader = vips_foreign_find_load_source(source) else { throw unreadable() }
        return try header(loader: loader) { lantern_vips_header_source(source) }.get()
    }

    /// The header `open` reads, when `loader` (the name libvips found) is one of the three formats'.
    private static func header(loader: UnsafePointer<CChar>, _ open: () -> UnsafeMutablePointer<VipsImage>?) -> Result<Header, Failure> {
        // `VipsForeignLoadJpegBuffer`, `VipsForeignLoadPngSource`…
        let name = String(cString: loader).dropFirst("VipsForeignLoad".count)
        let kind = ["Buffer", "Source", "File"].reduce(Substring(name)) { $0.hasSuffix($1) ? $0.dropLast($1.count) : $0 }
        guard let format = ["Jpeg": Format.jpeg, "Png": .png, "Webp": .webp][String(kind)] else {
            let shown = ["Nsgif": "GIF", "Heif": "HEIC/AVIF", "Jp2k": "JPEG 2000", "Jxl": "JPEG XL"][String(kind)] ?? kind.uppercased()
            return .failure(Failure(description: "a \(shown) image, not JPEG, PNG or WebP"))
        }
        guard let image = open() else { return .failure(lastError()) }
        defer { g_object_unref(image) }
        return .success(Header(format: format, width: Int(vips_image_get_width(image)), height: Int(vips_image_get_height(image))))
    }

    private static func unreadable() -> Failure {
        vips_error_clear()
        return Failure(description: "not an image libvips can read")
    }

    /// The picture decoded once, then at each width (never wider than it is, aspect kept) as WebP
    /// of `quality` (0–100) without metadata. Widths in any order; the result follows them.
    package static func webp(_ data: Data, widths: [Int], quality: Int, effort: Int = 4) throws(Failure) -> [Encoded] {
        try start()
        guard let widest = widths.max() else { return [] }
        let result: Result<[Encoded], Failure> = data.withUnsafeBytes { raw in
            guard let base = raw.baseAddress, raw.count > 0 else { return .failure(Failure(description: "the file is empty")) }
            // Decoded and shrunk to the widest once (JPEG and WebP shrink while decoding), held in
            // memory; the narrower ones are made from that, not from the file again.
            guard let shrunk = lantern_vips_thumbnail(base, raw.count, Int32(widest)) else { return .failure(lastError()) }
            defer { g_object_unref(shrunk) }
            guard let decoded = vips_image_copy_memory(shrunk) else { return .failure(lastError()) }
            defer { g_object_unref(decoded) }
            var encoded: [Encoded] = []
            for width in widths {
                do throws(Failure) {
                    if width >= Int(vips_image_get_width(decoded)) {
                        encoded.append(try encode(decoded, quality: quality, effort: effort))
                    } else {
                        guard let smaller = lantern_vips_shrink(decoded, Int32(width)) else { throw lastError() }
                        defer { g_object_unref(smaller) }
                        encoded.append(try encode(smaller, quality: quality, effort: effort))
                    }
                } catch {
                    return .failure(error)
                }
            }
            return .success(encoded)
        }
        return try result.get()
    }

    private static func encode(_ image: UnsafeMutablePointer<VipsImage>, quality: Int, effort: Int) throws(Failure) -> Encoded {
        var buffer: UnsafeMutableRawPointer?
        var length = 0
        guard lantern_vips_webp(image, Int32(quality), Int32(effort), &buffer, &length) == 0, let buffer else { throw lastError() }
        defer { g_free(buffer) }
        return Encoded(width: Int(vips_image_get_width(image)), height: Int(vips_image_get_height(image)),
                       bytes: Data(bytes: buffer, count: length))
    }

    private static func start() throws(Failure) {
        guard started else { throw Failure(description: "libvips did not start: \(lastError())") }
    }

    /// libvips's message for the last failure (its buffer is shared by all threads, and cleared).
    private static func lastError() -> Failure {
        guard let copy = vips_error_buffer_copy() else { return Failure(description: "libvips failed") }
        defer { g_free(copy) }
        let text = String(cString: copy).split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }.joined(separator: "; ")
        return Failure(description: text.isEmpty ? "libvips failed" : text)
    }
}
