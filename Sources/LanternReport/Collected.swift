import LanternModel
import LanternOrders

/// What members sent, as a report reads it: per theme the current choices and the refused
/// submissions that named it, and the refusals over all themes (those that named none too).
///
/// The report is made from this value, not from a store, so that choices received elsewhere
/// (a company form service's CSV export, `--import` later) can be reported the same way.
package struct Collected: Sendable {
    package var choices: [Slug: [StoredChoice]]
    package var refusals: [Slug: [Refusal: Int]]
    package var allRefusals: [Refusal: Int]
    package var feedback: [Slug: [StoredFeedback]]
    /// Care-menu requests, oldest first.
    package var requests: [StoredRequest]

    package init(choices: [Slug: [StoredChoice]] = [:], refusals: [Slug: [Refusal: Int]] = [:], allRefusals: [Refusal: Int] = [:],
                 feedback: [Slug: [StoredFeedback]] = [:], requests: [StoredRequest] = []) {
        self.choices = choices
        self.refusals = refusals
        self.allRefusals = allRefusals
        self.feedback = feedback
        self.requests = requests
    }

    /// Reads `themes` from the store.
    package static func gather(from store: any SubmissionStore, themes: [Slug]) async throws -> Collected {
        var collected = Collected(allRefusals: try await store.refusals(), requests: try await store.requests())
        for slug in themes {
            collected.choices[slug] = try await store.choices(theme: slug.rawValue)
            collected.refusals[slug] = try await store.refusals(theme: slug.rawValue)
            collected.feedback[slug] = try await store.feedback(theme: slug.rawValue)
        }
        return collected
    }
}
