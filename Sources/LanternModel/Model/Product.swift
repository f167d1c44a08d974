/// One catalog row: a product, service or voucher the union may buy for members.
public struct Product: Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        case goods, service, voucher

        public var label: String {
            switch self {
            case .goods: "商品"
            case .service: "服务"
            case .voucher: "兑换券"
            }
        }
    }

    /// What a voucher may be exchanged for. A voucher without a kind is a general voucher,
    /// which union funds may not buy for festivals or birthdays.
    public enum VoucherKind: String, Sendable, CaseIterable {
        /// A cake from a designated cake shop, for birthdays.
        case cake
        /// A pick-up voucher for one named product (e.g. 大闸蟹提货券).
        case pickup
    }

    public var sku: SKU
    public var name: String
    public var category: String
    public var price: Money
    public var supplier: String
    public var kind: Kind
    /// Set for `kind: voucher` rows that say what they are exchanged for.
    public var voucher: VoucherKind?
    public var tags: Set<String>
    /// `nil` means nationwide (`*`).
    public var cities: [String]?
    public var image: String
    public var description: String
    /// `nil` means no stock is tracked (services).
    public var stock: Int?
    public var active: Bool
    /// Columns the contract does not name, kept for templates.
    public var extra: [String: String]
    /// The row's first line in catalog.csv.
    public var location: SourceLocation

    public init(sku: SKU, name: String, category: String, price: Money, supplier: String, kind: Kind, voucher: VoucherKind? = nil, tags: Set<String>, cities: [String]? = nil, image: String, description: String, stock: Int? = nil, active: Bool, extra: [String: String], location: SourceLocation) {
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
    public func isAvailable(in city: String) -> Bool {
        cities.map { $0.contains(city) } ?? true
    }

    public var isInStock: Bool { stock.map { $0 > 0 } ?? true }
}
