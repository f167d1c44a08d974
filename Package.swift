// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "Lantern",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "lantern", targets: ["LanternCLI"]),
    ],
    dependencies: [
        // CLI parsing for the thin `lantern` executable.
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        // HMAC-SHA256 for member tokens (and later AES-GCM for encrypted pages).
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        // YAML for site.yaml and front matter, with line/column marks for diagnostics.
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        // Mustache templates, partials and inheritance.
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        // RFC 4180 CSV: quoted fields, embedded newlines, CRLF.
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
        // `lantern collect` only: the HTTP server and the SQLite store. The generator's targets
        // never import them (`scripts/check-layers`).
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        // Hummingbird's logger, set to warnings only so stdout stays for the collector's own line.
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        // The preview server's file watcher runs beside Hummingbird in one service group, so that
        // SIGTERM ends the browsers' event streams and the server stops.
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmark",
            path: "Sources/CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        .systemLibrary(
            name: "CQRencode",
            path: "Sources/CQRencode",
            pkgConfig: "libqrencode",
            providers: [.apt(["libqrencode-dev"])]
        ),
        .systemLibrary(
            name: "CVips",
            path: "Sources/CVips",
            pkgConfig: "vips",
            providers: [.apt(["libvips-dev"])]
        ),
        // Item pictures through libvips, behind one file: loading reads their headers, rendering
        // makes their small WebP versions. It uses no other Lantern target.
        .target(name: "LanternImaging", dependencies: ["CVips"]),
        // The generator, one target per stage of the pipeline; each may use only the ones
        // above it (`scripts/check-layers` fails the tests otherwise). ARCHITECTURE.md has the
        // graph and what each holds.
        .target(
            name: "LanternModel",
            dependencies: [.product(name: "Crypto", package: "swift-crypto")]
        ),
        .target(
            name: "LanternLoading",
            dependencies: [
                "LanternModel", "LanternImaging",
                .product(name: "Yams", package: "Yams"),
                .product(name: "CSV", package: "CSV.swift"),
            ],
            // iconv (GB18030.swift) is in glibc on Linux, in libiconv on macOS.
            linkerSettings: [.linkedLibrary("iconv", .when(platforms: [.macOS]))]
        ),
        .target(name: "LanternChecking", dependencies: ["LanternModel", "LanternLoading"]),
        .target(
            name: "LanternPlanning",
            dependencies: ["LanternModel", "LanternLoading", "LanternChecking", .product(name: "Crypto", package: "swift-crypto")]
        ),
        .target(
            name: "LanternRendering",
            dependencies: [
                "LanternModel", "LanternLoading", "LanternChecking", "LanternPlanning",
                "CCmark", "CQRencode", "LanternImaging",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        .target(
            name: "LanternWriting",
            dependencies: ["LanternModel", "LanternLoading", "LanternChecking", "LanternPlanning", "LanternRendering",
                           .product(name: "Crypto", package: "swift-crypto")]
        ),
        // The pipeline: runs the stages above as named steps, holds the locks and the secret.
        .target(
            name: "Lantern",
            dependencies: ["LanternModel", "LanternLoading", "LanternChecking", "LanternPlanning", "LanternRendering",
                           "LanternWriting", .product(name: "Crypto", package: "swift-crypto")]
        ),
        // Orders coming back from members: the checks and the storage protocol (no HTTP, no SQLite).
        .target(name: "LanternOrders", dependencies: ["LanternModel", "LanternLoading", "LanternChecking", "LanternPlanning"]),
        // The one implementation of the store: SQLite through GRDB.
        .target(name: "LanternSQLite", dependencies: ["LanternModel", "LanternOrders", .product(name: "GRDB", package: "GRDB.swift")]),
        // The HTTP servers (Hummingbird 2): `lantern collect` (Collect/) and `lantern serve`, the
        // authors' preview (Preview/).
        .target(
            name: "LanternServer",
            dependencies: ["LanternModel", "LanternLoading", "LanternPlanning", "LanternRendering", "Lantern", "LanternOrders",
                           .product(name: "Hummingbird", package: "hummingbird"),
                           .product(name: "Logging", package: "swift-log"),
                           .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                           .product(name: "Mustache", package: "swift-mustache")]
        ),
        // `lantern report`: what was collected, as the private reports (no HTTP, no SQLite: the
        // CLI opens the store).
        .target(
            name: "LanternReport",
            dependencies: ["LanternModel", "LanternLoading", "LanternChecking", "LanternPlanning", "LanternRendering",
                           "LanternWriting", "Lantern", "LanternOrders",
                           .product(name: "Mustache", package: "swift-mustache")]
        ),
        // `lantern deploy`: public/ uploaded through rclone (a Process), the changed files only,
        // from the build state; what each remote holds is kept in private/deploys/.
        .target(name: "LanternDeploy", dependencies: ["LanternModel", "LanternLoading", "LanternWriting"]),
        .executableTarget(
            name: "LanternCLI",
            dependencies: [
                "Lantern", "LanternModel", "LanternLoading", "LanternChecking", "LanternWriting",
                "LanternOrders", "LanternSQLite", "LanternServer", "LanternReport", "LanternDeploy",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "LanternTests",
            dependencies: ["LanternModel", "LanternLoading", "LanternChecking", "LanternPlanning", "LanternRendering",
                           "LanternWriting", "Lantern", "LanternOrders", "LanternSQLite", "LanternServer", "LanternReport",
                           "LanternImaging", "LanternDeploy",
                           .product(name: "CSV", package: "CSV.swift"),
                           // To read the collector's SQLite file as it is, not through the store.
                           .product(name: "GRDB", package: "GRDB.swift")],
            exclude: ["Golden"]
        ),
    ]
)

// `make fuzz` builds with LANTERN_FUZZ=1: libFuzzer targets that define no `main` (libFuzzer
// brings its own, linked by `-sanitize=fuzzer`), so a normal build or `swift test` must not
// see them, or linking them would fail. They use `@testable import Lantern` (the fuzz build
// passes `-enable-testing`) and so add nothing to the library's surface. See Fuzz/README.md.
if Context.environment["LANTERN_FUZZ"] == "1" {
    let layers: [Target.Dependency] = ["LanternModel", "LanternLoading", "LanternChecking", "LanternPlanning", "LanternRendering",
                                       "LanternWriting", "Lantern"]
    package.targets.append(.target(name: "FuzzSupport", dependencies: layers, path: "Fuzz/Support"))
    for name in ["FuzzCSV", "FuzzFrontMatter", "FuzzGreeting"] {
        // `-parse-as-library`: else Swift gives the executable a `main` of its own, which wins
        // over libFuzzer's and exits at once without fuzzing.
        package.targets.append(.executableTarget(name: name, dependencies: layers + ["FuzzSupport"], path: "Fuzz/\(name)",
                                                 swiftSettings: [.unsafeFlags(["-parse-as-library"])]))
        package.products.append(.executable(name: name, targets: [name]))
    }
}
