import Foundation
@testable import FuzzSupport
@testable import Lantern
@testable import LanternChecking
@testable import LanternLoading
@testable import LanternModel
@testable import LanternPlanning
@testable import LanternRendering
@testable import LanternWriting

/// Any bytes as `content/roster.csv` and as `content/catalog.csv`: each loader returns rows or
/// diagnostics (see `LoaderContract`), and the rows it returns keep their promises.
@_cdecl("FuzzCSV_main")
public func main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv) { data, size in fuzzCSV(data!, size) }
}

func fuzzCSV(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = fuzzData(data, size)
    for path in ["content/roster.csv", "content/catalog.csv"] {
        guard let file = LoaderContract.check(path, nil, bytes: bytes, { () throws(DiagnosticsError) in
            try TextFile.decode(bytes, displayPath: path, encodings: .spreadsheet)
        }) else { continue }
        LoaderContract.check(file.warnings, path, file.text, bytes: bytes)
        if path.hasSuffix("roster.csv") {
            guard let (members, warnings) = LoaderContract.check(path, file.text, bytes: bytes, { () throws(DiagnosticsError) in
                try RosterLoader.load(file)
            }) else { continue }
            LoaderContract.check(warnings, path, file.text, bytes: bytes)
            if Set(members.map(\.id)).count != members.count { LoaderContract.fail("two members share an id") }
            for member in members {
                if member.name.isEmpty || member.id.rawValue.isEmpty { LoaderContract.fail("member without id or name: \(member)") }
                LoaderContract.check(.warning("member", at: member.location), path, file.text, bytes: bytes)
            }
        } else {
            guard let (products, warnings) = LoaderContract.check(path, file.text, bytes: bytes, { () throws(DiagnosticsError) in
                try CatalogLoader.load(file)
            }) else { continue }
            LoaderContract.check(warnings, path, file.text, bytes: bytes)
            if Set(products.map(\.sku)).count != products.count { LoaderContract.fail("two products share a sku") }
            for product in products {
                if product.name.isEmpty || product.category.isEmpty { LoaderContract.fail("product without name or category: \(product)") }
                LoaderContract.check(.warning("product", at: product.location), path, file.text, bytes: bytes)
            }
        }
    }
    return 0
}
