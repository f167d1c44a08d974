import Foundation
import LanternModel

/// Reads `content/catalog.csv` into products, reporting every bad row before failing.
enum CatalogLoader {
    static let columns = ["sku", "name", "category", "price", "supplier", "kind", "voucher", "tags", "cities",
                          "image", "description", "stock", "active"]
    static let required = ["sku", "name", "category", "price"]

    /// The file's bytes as Excel saved them (UTF-8, GB18030 or UTF-16; comma or tab): products,
    /// or every problem found.
    static func load(_ data: Data, displayPath: String = "content/catalog.csv") throws(DiagnosticsError) -> (products: [Product], warnings: [Diagnostic]) {
        try load(TextFile.decode(data, displayPath: displayPath, encodings: .spreadsheet))
    }

    /// `images`: the folder the `image` column names files in, each checked; nil reads the
    /// catalog alone (tests, fuzzing), its pictures not looked up.
    static func load(_ file: TextFile, images: ItemImageFolder? = nil) throws(DiagnosticsError) -> (products: [Product], warnings: [Diagnostic]) {
        let table = try CSVTable.parse(file)
        var diagnostics = Diagnostics()
        let c = CSVColumns(table, required: required, known: columns, diagnostics: &diagnostics)
        guard c.headerIsUsable else { throw DiagnosticsError(diagnostics.all) }
        if table.rows.isEmpty {
            diagnostics.warning("the catalog has a header line but no items", at: SourceLocation(file: table.path),
                                hint: "add one row per item below the header line; with no items every shop is empty")
        }

        var products: [Product] = []
        /// Each non-empty `image` cell, with the product it belongs to (nil: the row has other errors).
        var pictures: [(product: Int?, name: String, cell: SourceLocation)] = []
        var seen: [String: SourceLocation] = [:]
        for row in table.rows where !c.rejectsOverflow(row, into: &diagnostics) {
            let before = diagnostics.all.count
            let sku = SKU(c.uniqueKey("sku", row, seen: &seen, noun: "catalog row", into: &diagnostics))
            for column in ["name", "category"] where c.value(column, row).isEmpty {
                diagnostics.error("empty \(column)", at: c.location(column, row), hint: "every catalog row needs a \(column)")
            }
            let price = FieldParsers.money(c.value("price", row), field: "price", at: c.location("price", row), into: &diagnostics)
            let kindText = c.value("kind", row)
            let kind = kindText.isEmpty ? .goods : Product.Kind(rawValue: kindText.lowercased())
            if kind == nil {
                diagnostics.error("unknown kind `\(kindText)`", at: c.location("kind", row),
                                  hint: "use goods, service or voucher")
            }
            let voucherText = c.value("voucher", row)
            let voucher = Product.VoucherKind(rawValue: voucherText.lowercased())
            if !voucherText.isEmpty && voucher == nil {
                diagnostics.error("unknown voucher kind `\(voucherText)`", at: c.location("voucher", row),
                                  hint: "use cake (a designated cake shop) or pickup (one named product); leave empty otherwise")
            }
            let citiesText = c.value("cities", row)
            let cities: [String]? = citiesText.isEmpty || citiesText == "*" ? nil : c.list("cities", row)
            let stockText = c.value("stock", row)
            let stock = Int(stockText)
            if !stockText.isEmpty && (stock == nil || stock! < 0) {
                diagnostics.error("bad stock `\(stockText)`", at: c.location("stock", row),
                                  hint: "write a whole number of items, or leave it empty when stock is not tracked")
            }
            let activeText = c.value("active", row)
            let active = activeText.isEmpty ? true : FieldParsers.bool(activeText)
            if active == nil {
                diagnostics.error("bad active `\(activeText)`", at: c.location("active", row), hint: "use true or false")
            }
            let image = c.value("image", row)
            let valid = diagnostics.all.count == before
            if !image.isEmpty { pictures.append((valid ? products.count : nil, image, c.location("image", row))) }
            guard valid, let price, let kind, let active else { continue }
            products.append(Product(
                sku: sku, name: c.value("name", row), category: c.value("category", row), price: price,
                supplier: c.value("supplier", row), kind: kind, voucher: voucher, tags: Set(c.list("tags", row)), cities: cities,
                description: c.value("description", row), stock: stock, active: active,
                extra: Dictionary(uniqueKeysWithValues: c.extraColumns.map { ($0, c.value($0, row)) }),
                location: row.location))
        }
        if let images {
            let found = images.look(up: Set(pictures.map(\.name)))
            for picture in pictures {
                switch found[picture.name]! {
                case .success(var image):
                    image.location = picture.cell
                    if let index = picture.product { products[index].image = image }
                case .failure(let problem):
                    diagnostics.error(problem.message, at: picture.cell, hint: problem.hint)
                }
            }
        }
        try diagnostics.throwIfErrors()
        return (products, diagnostics.warnings)
    }
}
