import Foundation
import LanternChecking

/// `private/audit.csv`: the audit as a spreadsheet for an auditor (`AuditPage` renders `audit.html`).
package enum AuditFiles {
    package static func csv(_ audit: Audit) throws -> Data {
        try ExcelCSV.data(header: ["theme", "sku", "name", "category", "price", "status", "rule"], rows: audit.items.map { line in
            [line.theme, line.sku, line.name, line.category, line.price.plainYuan, line.shown ? "shown" : "hidden", line.reason]
        })
    }
}
