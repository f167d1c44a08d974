/// One catalog row: a product, service or voucher the union may buy for members.
package struct Product: Sendable {
    package enum Kind: String, Sendable, CaseIterable {
        case goods, service, voucher
    }

    /// What a voucher may be exchanged for. A voucher without a kind is a general voucher,
    /// which union funds may not buy for festivals or birthdays.
    package enum VoucherKind: String, Sendable, CaseIterable {
        /// A cake from a designated cake shop, for birthdays.
        case cake
        /// A pick-up voucher for one named product (e.g. 大闸蟹提货券).
        case pickup
    }

    package var sku: SKU
    package var name: String
    package var category: String
    package var price: Money
    package var supplier: String
    package var kind: Kind
    /// Set for `kind: voucher` rows that say what they are exchanged for.
    package var voucher: VoucherKind?
    package var tags: Set<String>
    /// `nil` means nationwide (`*`).
    package var cities: [String]?
    /// The picture under `content/images/`; nil when the `image` cell is empty (or, for a
    /// catalog read without its folder, not looked up).
    package var image: ItemImage?
    package var description: String
    /// `nil` means no stock is tracked (services).
    package var stock: Int?
    package var active: Bool
    /// Columns the contract does not name, kept for templates.
    package var extra: [String: String]
    /// The row's first line in catalog.csv.
    package var location: SourceLocation

    package init(sku: SKU, name: String, category: String, price: Money, supplier: String, kind: Kind, voucher: VoucherKind? = nil, tags: Set<String>, cities: [String]? = nil, image: ItemImage? = nil, description: String, stock: Int? = nil, active: Bool, extra: [String: String], location: SourceLocation) {
        self.sku = sku
        self.name = name
        self.category = category
        self.price = price
        self.supplier = supplier
        self.kind = kind
        self.voucher = voucher
        self.tags = tags
        self.cities = cities
        self.image = image
        self.description = description
        self.stock = stock
        self.active = active
        self.extra = extra
        self.location = location
    }

    /// Whether the item is sold to members in `city`.
    package func isAvailable(in city: String) -> Bool {
        cities.map { $0.contains(city) } ?? true
    }

    package var isInStock: Bool { stock.map { $0 > 0 } ?? true }
}
