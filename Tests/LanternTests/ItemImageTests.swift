import Foundation
import Testing
@testable import Lantern
@testable import LanternImaging
@testable import LanternLoading
@testable import LanternModel
@testable import LanternRendering
@testable import LanternWriting

/// Item pictures: the catalog names a photo in `content/images/` as a supplier sent it; the
/// build makes small WebP versions with hashed names, the pages show them with their real size,
/// and a rebuild remakes only the versions of a photo that changed.
@Suite struct ItemImageTests {
    static let catalog = "content/catalog.csv"

    /// `vips` (libvips-tools) makes a photo-sized file of noise: incompressible, like a detailed photo.
    static func photo(_ site: TestSite, _ name: String, width: Int, height: Int, sigma: Int = 40) throws {
        let vips = try QRScanner.tool("vips", package: "libvips-tools")
        let url = site.site.appending(path: "content/images/\(name)")
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let run = try QRScanner.run(vips, ["gaussnoise", url.path, String(width), String(height), "--sigma", String(sigma)])
        try #require(run.status == 0, "vips gaussnoise failed: \(run.error)")
    }

    /// Sets the `image` cell (the 10th column) of `sku`'s row in the minimal catalog.
    static func setImage(_ site: TestSite, _ sku: String, _ image: String) throws {
        let lines = try site.read(catalog).split(separator: "\n", omittingEmptySubsequences: false).map { line in
            guard line.hasPrefix(sku + ",") else { return String(line) }
            var fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            fields[9] = image
            return fields.joined(separator: ",")
        }
        try site.write(catalog, lines.joined(separator: "\n"))
    }

    /// Where `sku`'s `image` cell starts: its line, and the scalars before it plus one.
    static func imageCell(_ site: TestSite, _ sku: String) throws -> LanternModel.SourceLocation {
        let lines = try site.read(catalog).split(separator: "\n", omittingEmptySubsequences: false)
        let index = try #require(lines.firstIndex { $0.hasPrefix(sku + ",") })
        let before = lines[index].split(separator: ",", omittingEmptySubsequences: false).prefix(9).joined(separator: ",")
        return at(catalog, index + 1, before.unicodeScalars.count + 2)
    }

    /// The minimal site with a 3000 × 2000 JPEG on Z-1 (every city) and a 2000 × 3000 PNG on
    /// Z-2 (北京 and 上海 only).
    static func siteWithPhotos() throws -> TestSite {
        let site = try TestSite("minimal")
        try photo(site, "zongzi.jpg", width: 3000, height: 2000)
        try photo(site, "supplier/red-bean.png", width: 2000, height: 3000)
        try setImage(site, "Z-1", "zongzi.jpg")
        try setImage(site, "Z-2", "supplier/red-bean.png")
        return site
    }

    static func pictures(_ files: [String: Data]) -> [String: Data] {
        files.filter { $0.key.hasPrefix("assets/images/") }
    }

    /// Every `<img>` of a page that shows a version, with the file its `src` names.
    static func images(_ site: TestSite, _ page: String) -> [HTML.Element] {
        HTML.elements(site.text(page)).filter { $0.tag == "img" && ($0.value("src") ?? "").contains("assets/images/") }
    }

    @Test func largePhotosBecomeSmallWebPVersions() throws {
        let site = try Self.siteWithPhotos()
        let result = try site.build(today: "2026-06-10")
        #expect(result.picturesMade == 2)
        let files = Self.pictures(site.outputFiles())
        let sources = ["zongzi.jpg", "supplier/red-bean.png"].map { site.site.appending(path: "content/images/\($0)") }
        let sourceBytes = try sources.map { try Data(contentsOf: $0).count }
        #expect(sourceBytes.allSatisfy { $0 > 2_000_000 }, "the test photos are supplier-sized: \(sourceBytes)")
        // Two widths each, WebP, named <16 hex>-<width>x<height>.webp after their real size.
        #expect(files.count == 4)
        var sizes: [String] = []
        for (path, bytes) in files {
            let name = String(path.dropFirst("assets/images/".count))
            #expect(name.wholeMatch(of: /[0-9a-f]{16}-[0-9]+x[0-9]+\.webp/) != nil, "\(name)")
            let header = try Vips.header(of: bytes)
            #expect(header.format == .webp)
            #expect(name.hasSuffix("-\(header.width)x\(header.height).webp"), "\(name) is \(header.width)×\(header.height)")
            sizes.append("\(header.width)x\(header.height)")
            // Noise is the worst case for a codec; a photo's versions are smaller still.
            #expect(bytes.count < (header.width == 240 ? 40_000 : 120_000), "\(name): \(bytes.count) bytes")
        }
        #expect(Set(sizes) == ["240x160", "480x320", "240x360", "480x720"])
        #expect(files.values.reduce(0) { $0 + $1.count } * 20 < sourceBytes.reduce(0, +))

        // The shop shows each with srcset over both, its real size, lazily.
        let shop = Self.images(site, "shop/dragon-boat/index.html")
        #expect(shop.count == 2)
        for img in shop {
            let src = try #require(img.value("src"))
            let file = try #require(files[String(src.dropFirst("../../".count))], "\(src) is not a version")
            let header = try Vips.header(of: file)
            #expect(img.value("width") == String(header.width) && img.value("height") == String(header.height))
            #expect(img.value("loading") == "lazy" && img.value("decoding") == "async" && img.value("alt") == "")
            #expect(img.value("sizes")?.isEmpty == false)
            let candidates = try #require(img.value("srcset")).split(separator: ",").map { $0.split(separator: " ") }
            #expect(candidates.count == 2)
            for candidate in candidates {
                let version = try #require(files[String(candidate[0].dropFirst("../../".count))], "\(candidate)")
                #expect(candidate[1] == "\(try Vips.header(of: version).width)w")
            }
        }
        // The item list's choices (which storefronts load) show them too; members' own pages never.
        let list = TestSite.itemList("dragon-boat", city: "北京")
        #expect(Self.images(site, list).count == 2) // its <section data-choices>, shown and loaded: each item once
        #expect(site.outputFiles().filter { $0.key.hasPrefix("m/") && String(decoding: $0.value, as: UTF8.self).contains("assets/images/") }.isEmpty)

        // Named after their bytes, they may be cached for good.
        #expect(site.text("_headers").contains("/assets/images/*\n  Cache-Control: public, max-age=31536000, immutable\n"))
        // The names are the same from scratch: source digest, width and settings decide them.
        #expect(Set(Self.pictures(try site.referenceFiles(today: "2026-06-10")).keys) == Set(files.keys))
    }

    @Test func aChangedPhotoRewritesOnlyItsOwnFilesAndThePagesThatNameThem() throws {
        let site = try Self.siteWithPhotos()
        try site.build(today: "2026-06-10")
        let before = try IncrementalTests.stamps(site)
        let old = Self.pictures(site.outputFiles())
        try Self.photo(site, "supplier/red-bean.png", width: 1800, height: 1800, sigma: 20)
        let result = try site.build(today: "2026-06-10")
        let after = try IncrementalTests.stamps(site)
        let files = site.outputFiles()
        let new = Set(Self.pictures(files).keys).subtracting(old.keys)
        #expect(new.count == 2 && new.allSatisfy { $0.hasSuffix("-240x240.webp") || $0.hasSuffix("-480x480.webp") })
        // The pages naming the new versions: the shop and the lists of 北京 and 上海 (Z-2's cities).
        let naming = Set(files.filter { page in new.contains { String(decoding: page.value, as: UTF8.self).contains($0) } }.keys)
        #expect(naming.contains("shop/dragon-boat/index.html"))
        #expect(naming.filter { $0.hasPrefix("lists/dragon-boat/") }.count == 2)
        #expect(changedPaths(before, after) == new.union(naming))
        // The old versions are gone, the JPEG's are untouched, and every member is carried over.
        #expect(Set(old.keys).subtracting(files.keys).count == 2)
        #expect(Set(old.keys).intersection(files.keys).count == 2)
        #expect(result.picturesMade == 1)
        #expect(result.membersReused == result.members)
        #expect(result.changes == "content/images/supplier/red-bean.png changed")
    }

    @Test func aRebuildDecodesNoUnchangedPhotoAndANoOpRebuildWritesNoFile() throws {
        let site = try Self.siteWithPhotos()
        try site.build(today: "2026-06-10")
        let before = try IncrementalTests.stamps(site)
        let noOp = try site.build(today: "2026-06-10")
        #expect(noOp.changes == Build.noChanges && noOp.output.written == 0)
        #expect(try IncrementalTests.stamps(site) == before)
        // Another input changes: the pages are rendered again, the photos are not decoded.
        try site.setPrice("Z-1", "118.00")
        let rebuilt = try site.build(today: "2026-06-10")
        #expect(rebuilt.picturesMade == 0)
        let after = try IncrementalTests.stamps(site)
        #expect(changedPaths(before, after).allSatisfy { !$0.hasPrefix("assets/images/") })
        #expect(Set(Self.pictures(site.outputFiles()).keys) == Set(before.keys.filter { $0.hasPrefix("assets/images/") }))
    }

    /// The state keeps each photo's stamp and digest: an unchanged photo is not read to be
    /// digested again, and one changed too recently to trust its stamp is not recorded.
    @Test func photosAreDigestedFromTheirStampWhenItHolds() throws {
        let site = try Self.siteWithPhotos()
        let path = "content/images/zongzi.jpg"
        let url = site.site.appending(path: path)
        let stamp = try #require(OutputStamps.stamp(at: url.path))
        let fresh = Fingerprint.files(site.site, known: [:], now: Date())
        #expect(fresh.digests[path] == Digest.of(try Data(contentsOf: url)))
        #expect(fresh.stamps[path] == nil, "a file written just now is read again next time")
        let later = Fingerprint.files(site.site, known: [:], now: Date().addingTimeInterval(60))
        #expect(later.stamps[path] == "\(stamp) \(fresh.digests[path]!)")
        // A recorded digest with the file's stamp is taken as it is: the file is not read.
        let trusted = Fingerprint.files(site.site, known: [path: "\(stamp) 0123456789abcdef0123456789abcdef"], now: Date())
        #expect(trusted.digests[path] == "0123456789abcdef0123456789abcdef")
        let stale = Fingerprint.files(site.site, known: [path: "1:2:3.4 0123456789abcdef0123456789abcdef"], now: Date())
        #expect(stale.digests[path] == fresh.digests[path])
        // Text inputs are always read.
        #expect(trusted.stamps["content/catalog.csv"] == nil)
    }

    @Test func anUndecodableMissingOrUnsafePictureIsAnErrorAtItsCell() throws {
        let site = try TestSite("minimal")
        try Self.photo(site, "zongzi.jpg", width: 800, height: 600)
        try site.write("content/images/text.jpg", "这不是图片\n")
        let vips = try QRScanner.tool("vips", package: "libvips-tools")
        _ = try QRScanner.run(vips, ["copy", site.site.appending(path: "content/images/zongzi.jpg").path,
                                     site.site.appending(path: "content/images/anim.gif").path])
        try Self.setImage(site, "Z-1", "text.jpg")
        try Self.setImage(site, "Z-2", "Zongzi.jpg")
        try Self.setImage(site, "Z-3", "../roster.csv")
        try Self.setImage(site, "Z-5", "anim.gif")
        try Self.setImage(site, "O-1", "nowhere.png")
        let errors = site.failure()
        let text = try only(.error, containing: "`content/images/text.jpg` cannot be decoded as a picture", in: errors)
        #expect(text.location == (try Self.imageCell(site, "Z-1")))
        #expect(text.hint?.contains("JPEG, PNG or WebP") == true)
        let misspelt = try only(.error, containing: "no picture `Zongzi.jpg` in content/images/", in: errors)
        #expect(misspelt.location == (try Self.imageCell(site, "Z-2")))
        #expect(misspelt.hint == "did you mean `zongzi.jpg`?")
        let unsafe = try only(.error, containing: "`../roster.csv` is not a file name in content/images/", in: errors)
        #expect(unsafe.location == (try Self.imageCell(site, "Z-3")))
        let gif = try only(.error, containing: "a GIF image, not JPEG, PNG or WebP", in: errors)
        #expect(gif.location == (try Self.imageCell(site, "Z-5")))
        let missing = try only(.error, containing: "no picture `nowhere.png`", in: errors)
        #expect(missing.location == (try Self.imageCell(site, "O-1")))
        #expect(missing.hint?.contains("leave the image cell empty") == true)
        #expect(errors.filter { $0.severity == .error }.count == 5)
        // `lantern check` says the same.
        let options = BuildOptions(site: site.site, output: site.output, privateFolder: site.privateFolder,
                                   today: Day("2026-06-10")!, environment: ["LANTERN_SECRET": TestSite.secret])
        let check = try #require(throws: DiagnosticsError.self) {
            try SiteCheck.run(options, strict: false, today: Day("2026-06-10")!, wait: false, waiting: { _ in })
        }
        #expect(check.diagnostics.filter { $0.severity == .error }.count == 5)
    }

    /// A file whose header reads but whose data is cut short is found when the build decodes
    /// it: an error at the cell, and the output stays as the last build left it.
    @Test func aPhotoCutShortIsAnErrorAtItsCellAndTheOutputStays() throws {
        let site = try Self.siteWithPhotos()
        let errors = try expectFailedBuildLeavesOutputUntouched(site) { site in
            let url = site.site.appending(path: "content/images/zongzi.jpg")
            try Data(contentsOf: url).prefix(40_000).write(to: url)
        }
        let error = try only(.error, containing: "`content/images/zongzi.jpg` cannot be decoded", in: errors)
        #expect(error.location == (try Self.imageCell(site, "Z-1")))
        #expect(error.hint?.contains("cut short") == true)
    }

    /// Pictures used to be named under the templates' assets: the hint says where they go now.
    @Test func aPictureLeftInTheTemplatesAssetsIsToldToMove() throws {
        let site = try TestSite("minimal")
        try site.write("templates/assets/images/zongzi.jpg", "x")
        try Self.setImage(site, "Z-1", "zongzi.jpg")
        let error = try only(.error, containing: "no picture `zongzi.jpg` in content/images/", in: site.failure())
        #expect(error.hint == "it is in templates/assets/images/: move it to content/images/ (the build makes its small versions there)")
    }

    @Test func namesInTheFolderAreChecked() {
        for name in ["zongzi.jpg", "supplier-a/tea.png", "粽子 礼盒.webp"] { #expect(ItemImageFolder.unsafety(of: name) == nil, "\(name)") }
        for name in ["/etc/passwd", "../x.jpg", "a/../../x.jpg", "a//b.jpg", "./a.jpg", ".hidden.jpg", "a/.git/x.png",
                     "C:\\photos\\a.jpg", "https://example.com/a.jpg", "a\u{7}.jpg", "folder/"] {
            #expect(ItemImageFolder.unsafety(of: name) != nil, "\(name)")
        }
    }

    @Test func picturesAreNeverEnlarged() throws {
        #expect(ItemPictures.widths(for: 3000) == [240, 480])
        #expect(ItemPictures.widths(for: 300) == [240, 300])
        #expect(ItemPictures.widths(for: 120) == [120])
        let site = try TestSite("minimal")
        try Self.photo(site, "small.png", width: 300, height: 200)
        let bytes = try Data(contentsOf: site.site.appending(path: "content/images/small.png"))
        let versions = try Vips.webp(bytes, widths: ItemPictures.widths(for: 300), quality: 80)
        #expect(versions.map { "\($0.width)x\($0.height)" } == ["240x160", "300x200"])
        #expect(try versions.map { try Vips.header(of: $0.bytes).width } == [240, 300])
    }

    /// The sample site: every item has a drawn picture, small, in each of the three formats.
    @Test func everySampleItemHasASmallPicture() throws {
        let folder = TestSite.repository.appending(path: "content/images")
        let site = try TestSite("sample")
        let content = try SiteContent.load(site: site.site)
        #expect(content.catalog.allSatisfy { $0.image != nil })
        let files = SiteFiles.all(folder)
        #expect(Set(files.map(\.pathExtension)) == ["jpg", "png", "webp"])
        #expect(try files.reduce(0) { $0 + (try Data(contentsOf: $1).count) } < 1_500_000)
        #expect(Set(content.catalog.compactMap { $0.image?.name }).count == files.count, "one picture per item, none unused")
    }
}
