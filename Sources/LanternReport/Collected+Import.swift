import Foundation
import Lantern
import LanternLoading
import LanternModel
import LanternOrders

extension Collected {
    /// Adds the submissions of a form service's export, each checked as the collector checks a
    /// submission (`OrderDesk`), on the day it was made: the latest valid one per member and
    /// theme counts (also over what the collector holds), refused ones are counted by reason.
    /// An imported choice's receipt is `I` and the line of the file.
    package mutating func add(_ rows: [SubmissionExport.Row], site: LoadedSite) {
        let desk = OrderDesk(site: site.checked, secret: site.secret)
        for row in rows.sorted(by: { $0.time < $1.time }) {
            let submission = Submission(member: row.member, theme: row.theme, code: row.code, skus: row.skus)
            switch desk.check(submission, on: Day.today(now: row.time)) {
            case .failure(let refusal):
                allRefusals[refusal, default: 0] += 1
                refusals[Slug(row.theme), default: [:]][refusal, default: 0] += 1
            case .success(let order):
                let slug = order.theme.slug
                var list = choices[slug] ?? []
                let earlier = list.firstIndex { $0.member == row.member }
                let choice = StoredChoice(member: row.member, theme: slug.rawValue, skus: order.items.map(\.sku.rawValue),
                                          totalFen: order.total.fen, receipt: "I\(row.location.line)", time: row.time,
                                          submissions: (earlier.map { list[$0].submissions } ?? 0) + 1)
                if let earlier {
                    if list[earlier].time <= row.time { list[earlier] = choice } else { list[earlier].submissions += 1 }
                } else {
                    list.append(choice)
                }
                choices[slug] = list.sorted { $0.member < $1.member }
            }
        }
    }
}
