import Crypto
import Foundation
import LanternLoading
import LanternModel
import LanternPlanning
import LanternWriting

/// Digests of a build's inputs: to carry unchanged member pages over without rendering them,
/// and to tell the admin what changed since the last build.
enum Fingerprint {
    /// Bumped when the way pages are made changes, so a new Lantern renders everything again.
    static let version = "lantern-pages-4"

    static func digest(_ parts: [String]) -> String {
        var hasher = SHA256()
        for part in parts { hasher.update(data: Data(part.utf8)); hasher.update(data: Data([0])) }
        return hasher.finalize().prefix(16).hex
    }

    /// Every input file (under `content/` and `templates/`) by path under the site, with its
    /// digest. Read once per build; the digests below are made from it.
    ///
    /// Item pictures that `known` (the last build's `BuildState.pictures`) has with the same
    /// stamp are not read: photos are most of a site's bytes, and digesting them all would make
    /// every build read them, even one that finds nothing changed. `stamps` is what the next
    /// state records: only pictures last changed more than `settle` before `now`, since a file
    /// rewritten within the file system's clock tick can keep its size and time (git's "racily
    /// clean" files, handled the same way): those are read again next time.
    static func files(_ site: URL, known: [String: String], now: Date, settle: TimeInterval = 2)
        -> (digests: [String: String], stamps: [String: String]) {
        let site = site.standardizedFileURL
        var digests: [String: String] = [:], stamps: [String: String] = [:]
        for url in ["content", "templates"].flatMap({ SiteFiles.all(site.appending(path: $0)) }) {
            let path = String(url.path.dropFirst(site.path.count + 1))
            guard path.hasPrefix(pictures), let stamp = OutputStamps.stamp(at: url.path) else {
                digests[path] = Digest.of((try? Data(contentsOf: url)) ?? Data())
                continue
            }
            let recorded = known[path]?.split(separator: " ")
            let digest = recorded?.count == 2 && recorded![0] == stamp ? String(recorded![1])
                : Digest.of((try? Data(contentsOf: url)) ?? Data())
            digests[path] = digest
            // `inode:size:seconds.nanoseconds`
            if let seconds = stamp.split(separator: ":").last.flatMap({ Double($0) }), seconds < now.timeIntervalSince1970 - settle {
                stamps[path] = "\(stamp) \(digest)"
            }
        }
        return (digests, stamps)
    }

    /// The files digested row by row instead (`inputs`), and on which member pages do not depend
    /// as files: storefronts refer to shared item lists, and each member's own row is in `member`.
    static let tables: Set<String> = ["content/catalog.csv", "content/roster.csv"]

    /// Everything a build reads: when it matches the last build's, the output would be the same.
    static func site(_ files: [String: String], today: Day, secret: Secret) -> String {
        digest([version, today.description, secret.fingerprint] + files.sorted { $0.key < $1.key }.flatMap { [$0.key, $0.value] })
    }

    /// Everything member pages depend on besides the member's own row: every input file except
    /// the catalog, the roster and the item pictures, the day, the secret.
    static func memberPages(_ files: [String: String], today: Day, secret: Secret) -> String {
        site(files.filter { !tables.contains($0.key) && !$0.key.hasPrefix(pictures) }, today: today, secret: secret)
    }

    /// Item pictures are on the shared shops and lists (which are always rendered, and named
    /// after the pictures' digests there), never on a member's own pages: a new photo rewrites
    /// those and its own files, and carries every member over.
    static let pictures = "content/images/"

    /// What a member's pages show or depend on (never e-mail or phone: they are on no page).
    static func member(_ m: Member, shared: String) -> String {
        let birthday: String = switch m.birthday {
        case nil: ""
        case .solar(let day): day.description
        case .lunar(let date): "L" + date.description
        }
        return digest([shared, m.id.rawValue, m.name, m.department, m.gender?.rawValue ?? "", birthday,
                       m.hireDate?.description ?? "", m.city, m.language, m.status.rawValue, m.tags.sorted().joined(separator: "|")])
    }

    /// One digest per input: catalog rows by sku, roster rows by id, other files by path.
    static func inputs(_ content: SiteContent, files: [String: String]) -> [String: String] {
        var table: [String: String] = [:]
        for p in content.catalog {
            table["catalog.csv:" + p.sku.rawValue] = digest([p.name, p.category, p.price.description, p.supplier, p.kind.rawValue,
                p.voucher?.rawValue ?? "", p.tags.sorted().joined(separator: "|"), p.cities?.joined(separator: "|") ?? "*",
                p.image?.name ?? "", p.description, p.stock.map(String.init) ?? "", String(p.active)])
        }
        for m in content.roster {
            table["roster.csv:" + m.id.rawValue] = member(m, shared: m.email + "\t" + m.phone)
        }
        for (path, digest) in files where !tables.contains(path) { table[path] = digest }
        return table
    }

    /// `catalog.csv: 1 SKU changed, roster.csv: 1 member added`, or `Build.noChanges`; nil when
    /// the last build is unknown.
    static func changes(from old: [String: String], to new: [String: String]) -> String? {
        guard !old.isEmpty else { return nil }
        var catalog = (added: 0, changed: 0, removed: 0), roster = catalog
        var files: [String] = []
        for key in Set(old.keys).union(new.keys).sorted() where old[key] != new[key] && !key.hasPrefix("*") {
            let kind = old[key] == nil ? 0 : new[key] == nil ? 2 : 1
            if key.hasPrefix("catalog.csv:") {
                if kind == 0 { catalog.added += 1 } else if kind == 1 { catalog.changed += 1 } else { catalog.removed += 1 }
            } else if key.hasPrefix("roster.csv:") {
                if kind == 0 { roster.added += 1 } else if kind == 1 { roster.changed += 1 } else { roster.removed += 1 }
            } else {
                files.append(key + [" added", " changed", " removed"][kind])
            }
        }
        func describe(_ file: String, _ counts: (added: Int, changed: Int, removed: Int), _ noun: String) -> String? {
            let parts = [(counts.changed, "changed"), (counts.added, "added"), (counts.removed, "removed")]
                .filter { $0.0 > 0 }.map { "\($0.0) \(noun)\($0.0 == 1 ? "" : "s") \($0.1)" }
            return parts.isEmpty ? nil : "\(file): " + parts.joined(separator: ", ")
        }
        let day = old["*today"] != new["*today"] ? ["today \(old["*today"] ?? "?") → \(new["*today"] ?? "?")"] : []
        let all = day + [describe("catalog.csv", catalog, "SKU"), describe("roster.csv", roster, "member")].compactMap { $0 }
            + files.prefix(5) + (files.count > 5 ? ["\(files.count - 5) more files added, changed or removed"] : [])
        return all.isEmpty ? Build.noChanges : all.joined(separator: "; ")
    }
}

extension Secret {
    /// Identifies the secret in build state without revealing it.
    var fingerprint: String {
        HMAC<SHA256>.authenticationCode(for: Data("lantern-state".utf8), using: key).prefix(8).hex
    }
}
