import Foundation
import LanternImaging
import LanternModel
import LanternPlanning

/// The small versions of the item pictures the pages show: WebP at each of `widths` the picture
/// reaches (never enlarged), in `public/assets/images/`, each named after the digest of its
/// source, its width and the encoder's settings, with its size in pixels:
/// `assets/images/<16 hex>-480x360.webp`.
///
/// A name changes exactly when its bytes would, so a changed photo gets new files (and its
/// pages new names) and every other file stays; the build finds the versions of an unchanged
/// photo among the last build's files by name (`earlier`) and carries them over without
/// decoding anything. The size in the name is what the pages' `width`/`height` say.
package struct ItemPictures: Sendable {
    /// One version of a picture.
    package struct Version: Sendable, Equatable {
        package var path: String
        package var width: Int
        package var height: Int
    }

    /// Each source's versions, narrowest first, by the source's digest (two files with the same
    /// bytes have the same versions).
    private let versions: [String: [Version]]

    package init(_ versions: [String: [Version]] = [:]) {
        self.versions = versions
    }

    /// The versions of `image`, narrowest first; nil without a picture (or before it was made).
    package func versions(of image: ItemImage?) -> [Version]? {
        image.flatMap { versions[$0.digest] }
    }

    /// Cards are at most about 20rem wide and the storefront's thumbnails 4.5rem: 240 pixels
    /// serve phones at 1–2×, 480 the wider cards and sharper screens.
    package static let widths = [240, 480]
    static let quality = 80
    static let effort = 4
    /// Part of every name: changing how versions are made renames, and so remakes, all of them.
    static let settings = "webp q\(quality) effort\(effort) strip 1"
    static let folder = "assets/images/"

    /// The widths made of a picture `width` pixels wide: each of `widths` it reaches, and its
    /// own width when it is narrower than one of them.
    package static func widths(for width: Int) -> [Int] {
        Array(Set(widths.map { min($0, width) })).sorted()
    }

    /// The part of a version's name that its source, width and the settings decide.
    package static func stem(_ image: ItemImage, width: Int) -> String {
        String(Digest.of(Data("\(image.digest)\u{0}\(width)\u{0}\(settings)".utf8)).prefix(16))
    }

    static func path(stem: String, width: Int, height: Int) -> String {
        "\(folder)\(stem)-\(width)x\(height).webp"
    }

    /// The versions `make` would make of `images`, with the height the header predicts, made
    /// without decoding: the preview names them on its pages and makes one when it is asked for
    /// (by its stem, `stem(_:width:)`), so a site with many photos is browsable at once.
    package static func predicted(_ images: [ItemImage]) -> ItemPictures {
        var versions: [String: [Version]] = [:]
        for image in images where versions[image.digest] == nil {
            versions[image.digest] = widths(for: image.width).map { width in
                let height = max(1, Int((Double(image.height) * Double(width) / Double(max(image.width, 1))).rounded()))
                return Version(path: path(stem: stem(image, width: width), width: width, height: height), width: width, height: height)
            }
        }
        return ItemPictures(versions)
    }

    /// The versions among an earlier build's files, by stem: what `path` wrote, read back.
    package static func earlier(in paths: some Sequence<String>) -> [String: Version] {
        var found: [String: Version] = [:]
        for path in paths where path.hasPrefix(folder) && path.hasSuffix(".webp") {
            let name = path.dropFirst(folder.count).dropLast(".webp".count)
            let parts = name.split(separator: "-")
            guard parts.count == 2, parts[0].count == 16 else { continue }
            let size = parts[1].split(separator: "x")
            guard size.count == 2, let width = Int(size[0]), let height = Int(size[1]) else { continue }
            found[String(parts[0])] = Version(path: path, width: width, height: height)
        }
        return found
    }

    /// The pictures of the items the shared pages show, each once (the member pages show none;
    /// files with the same bytes are one picture).
    package static func shown(in plan: SitePlan) -> [ItemImage] {
        var seen = Set<String>()
        var images: [ItemImage] = []
        for page in plan.shared {
            let items: [Product]
            switch page.content {
            case .shop(_, let shown), .itemList(_, let shown): items = shown
            default: continue
            }
            for case let image? in items.map(\.image) where seen.insert(image.digest).inserted { images.append(image) }
        }
        return images
    }

    /// Decodes the picture (in the site folder `site`) and makes its versions. A file that libvips
    /// cannot decode after all (cut short, damaged) is an error at the catalog's `image` cell.
    package static func make(_ image: ItemImage, site: URL) throws(DiagnosticsError) -> [(Version, OutputFile)] {
        guard let bytes = FileManager.default.contents(atPath: site.appending(path: image.path).path) else {
            throw DiagnosticsError([.error("cannot read `\(image.path)`", at: image.location, hint: "check that the file is readable")])
        }
        guard Digest.of(bytes) == image.digest else {
            throw DiagnosticsError([.error("`\(image.path)` changed while the site was being built", at: image.location,
                                           hint: "build again once the file is saved")])
        }
        let widths = widths(for: image.width)
        let encoded: [Vips.Encoded]
        do {
            encoded = try Vips.webp(bytes, widths: widths, quality: quality, effort: effort)
        } catch {
            throw DiagnosticsError([.error("`\(image.path)` cannot be decoded (\(error))", at: image.location,
                                           hint: "the file is damaged or cut short: save or export it again as JPEG, PNG or WebP")])
        }
        return zip(widths, encoded).map { width, file in
            let version = Version(path: path(stem: stem(image, width: width), width: file.width, height: file.height),
                                  width: file.width, height: file.height)
            return (version, OutputFile(path: version.path, bytes: file.bytes))
        }
    }
}
