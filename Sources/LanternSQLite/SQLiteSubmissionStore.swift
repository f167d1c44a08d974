import Foundation
import GRDB
import LanternModel
import LanternOrders

/// `SubmissionStore` in one SQLite file through GRDB: a `DatabasePool` (write-ahead log, so
/// readers never wait for the writer) with `synchronous = FULL`, so a commit is on disk before
/// `accept` returns and the collector answers.
package final class SQLiteSubmissionStore: SubmissionStore {
    private let pool: DatabasePool

    /// No database at the path given to `init(path:create: false)`.
    package struct Missing: Error, CustomStringConvertible {
        package var path: String
        package var description: String { "no database at \(path)" }
    }

    /// Opens (or creates) the database at `path`, its folder created 0700 and the file 0600.
    /// `create` false: a missing file is `Missing`, and nothing is created (readers such as the
    /// report must not mistake a wrong path for a collector that received nothing).
    package init(path: String, create: Bool = true) throws {
        if !create && !FileManager.default.fileExists(atPath: path) { throw Missing(path: path) }
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true,
                                                                     attributes: [.posixPermissions: 0o700]) }
        var configuration = Configuration()
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        // Made 0600 before SQLite opens it: SQLite gives the `-wal` and `-shm` files it creates
        // the database file's mode, and they hold the same member data.
        if !FileManager.default.fileExists(atPath: path) {
            guard FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
                throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path])
            }
        }
        pool = try DatabasePool(path: path, configuration: configuration)
        // A file made by an earlier version, or copied in, is narrowed too.
        for file in [path, path + "-wal", path + "-shm"] where FileManager.default.fileExists(atPath: file) {
            try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file)
        }
        try Self.migrator.migrate(pool)
    }

    private static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("submissions-1") { db in
            // Every submission, accepted or refused: the history the report reads.
            try db.create(table: "submission") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("time", .double).notNull()
                t.column("member", .text)
                t.column("theme", .text)
                t.column("status", .text).notNull() // "accepted" or the refusal's raw value
                t.column("skus", .text).notNull().defaults(to: "") // space-separated
                t.column("total_fen", .integer).notNull().defaults(to: 0)
            }
            // The current choice: the latest accepted submission per member and theme.
            try db.create(table: "choice") { t in
                t.column("member", .text).notNull()
                t.column("theme", .text).notNull()
                t.column("submission", .integer).notNull().references("submission")
                t.column("count", .integer).notNull()
                t.primaryKey(["member", "theme"])
            }
        }
        migrator.registerMigration("feedback-1") { db in
            // That a member answered for a theme: no rating, no comment, no time, and no row
            // order (WITHOUT ROWID, kept sorted by its key), so it cannot be matched to an answer.
            try db.execute(sql: "CREATE TABLE feedback_answered (member TEXT NOT NULL, theme TEXT NOT NULL, PRIMARY KEY (member, theme)) WITHOUT ROWID")
            // The answers; `member` is NULL when the site's feedback is anonymous, and the day
            // only, not the time, is kept.
            try db.create(table: "feedback") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("theme", .text).notNull()
                t.column("rating", .integer).notNull()
                t.column("comment", .text).notNull()
                t.column("member", .text)
                t.column("day", .text).notNull()
            }
        }
        migrator.registerMigration("requests-1") { db in
            try db.create(table: "care_request") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("time", .double).notNull()
                t.column("member", .text).notNull()
                t.column("package", .text).notNull()
                t.column("note", .text).notNull()
            }
        }
        return migrator
    }

    package func request(_ request: CareRequest, at time: Date) async throws -> String {
        let id = try await pool.write { db -> Int64 in
            try db.execute(sql: "INSERT INTO care_request (time, member, package, note) VALUES (?, ?, ?, ?)",
                           arguments: [time.timeIntervalSince1970, request.member.id.rawValue, request.package.slug.rawValue, request.note])
            return db.lastInsertedRowID
        }
        return "Q" + String(format: "%07lld", id)
    }

    package func requests() async throws -> [StoredRequest] {
        try await pool.read { db in
            try Row.fetchAll(db, sql: "SELECT member, package, note, id, time FROM care_request ORDER BY id").map { row in
                let id: Int64 = row[3]
                return StoredRequest(member: row[0], package: row[1], note: row[2], receipt: "Q" + String(format: "%07lld", id),
                                     time: Date(timeIntervalSince1970: row[4]))
            }
        }
    }

    package func feedback(_ feedback: Feedback, anonymous: Bool, at time: Date) async throws -> Bool {
        let member = feedback.member.id.rawValue, theme = feedback.theme.slug.rawValue
        let day = Day.today(now: time).description
        return try await pool.write { db -> Bool in
            try db.execute(sql: "INSERT OR IGNORE INTO feedback_answered (member, theme) VALUES (?, ?)", arguments: [member, theme])
            guard db.changesCount == 1 else { return false }
            try db.execute(sql: "INSERT INTO feedback (theme, rating, comment, member, day) VALUES (?, ?, ?, ?, ?)",
                           arguments: [theme, feedback.rating, feedback.comment, anonymous ? nil : member, day])
            return true
        }
    }

    package func feedback(theme: String) async throws -> [StoredFeedback] {
        try await pool.read { db in
            try Row.fetchAll(db, sql: "SELECT theme, rating, comment, member FROM feedback WHERE theme = ? ORDER BY id", arguments: [theme])
                .map { StoredFeedback(theme: $0[0], rating: $0[1], comment: $0[2], member: $0[3]) }
        }
    }

    package func accept(_ order: Order, at time: Date) async throws -> String {
        let member = order.member.id.rawValue, theme = order.theme.slug.rawValue
        let skus = order.items.map(\.sku.rawValue).joined(separator: " ")
        let total = order.total.fen
        let id = try await pool.write { db -> Int64 in
            try db.execute(sql: "INSERT INTO submission (time, member, theme, status, skus, total_fen) VALUES (?, ?, ?, 'accepted', ?, ?)",
                           arguments: [time.timeIntervalSince1970, member, theme, skus, total])
            let id = db.lastInsertedRowID
            try db.execute(sql: """
                INSERT INTO choice (member, theme, submission, count) VALUES (?, ?, ?, 1)
                ON CONFLICT (member, theme) DO UPDATE SET submission = excluded.submission, count = count + 1
                """, arguments: [member, theme, id])
            return id
        }
        return Self.receipt(id)
    }

    package func refuse(_ refusal: Refusal, member: String?, theme: String?, at time: Date) async throws {
        try await pool.write { db in
            try db.execute(sql: "INSERT INTO submission (time, member, theme, status) VALUES (?, ?, ?, ?)",
                           arguments: [time.timeIntervalSince1970, member, theme, refusal.rawValue])
        }
    }

    package func choices(theme: String) async throws -> [StoredChoice] {
        try await pool.read { db in
            try Row.fetchAll(db, sql: Self.choiceQuery + " WHERE c.theme = ? ORDER BY c.member", arguments: [theme]).map(Self.choice)
        }
    }

    package func choice(member: String, theme: String) async throws -> StoredChoice? {
        try await pool.read { db in
            try Row.fetchOne(db, sql: Self.choiceQuery + " WHERE c.member = ? AND c.theme = ?", arguments: [member, theme]).map(Self.choice)
        }
    }

    private static let choiceQuery = """
        SELECT c.member, c.theme, s.skus, s.total_fen, s.id, s.time, c.count
        FROM choice c JOIN submission s ON s.id = c.submission
        """

    private static func choice(_ row: Row) -> StoredChoice {
        let skus: String = row[2]
        return StoredChoice(member: row[0], theme: row[1], skus: skus.split(separator: " ").map(String.init),
                            totalFen: row[3], receipt: receipt(row[4]), time: Date(timeIntervalSince1970: row[5]), submissions: row[6])
    }

    package func refusals() async throws -> [Refusal: Int] {
        try await refusals(where: "", arguments: [])
    }

    package func refusals(theme: String) async throws -> [Refusal: Int] {
        try await refusals(where: "AND theme = ?", arguments: [theme])
    }

    private func refusals(where condition: String, arguments: StatementArguments) async throws -> [Refusal: Int] {
        try await pool.read { db in
            var counts: [Refusal: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT status, COUNT(*) FROM submission WHERE status != 'accepted' \(condition) GROUP BY status",
                                        arguments: arguments) {
                if let refusal = Refusal(rawValue: row[0]) { counts[refusal] = row[1] }
            }
            return counts
        }
    }

    /// `R` and the submission's number, zero-padded: short enough to read out on the phone.
    static func receipt(_ id: Int64) -> String { "R" + String(format: "%07lld", id) }
}
