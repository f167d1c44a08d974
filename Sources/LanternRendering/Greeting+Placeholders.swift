extension Greeting {
    /// The words that stand for a greeting's tags while libcmark renders it.
    ///
    /// A placeholder is letters and digits only (`nonce` index `nonce`), which CommonMark copies
    /// unchanged wherever it stands: no entity, escape, emphasis or link syntax is made of them.
    /// The nonce is drawn afresh for each greeting and does not occur in its source. It begins
    /// with a letter found nowhere else in it, so no two occurrences overlap and text before a
    /// placeholder cannot shift where it is found; an occurrence that is not a whole
    /// placeholder (spelt with entities, say) makes the greeting fail rather than pass.
    struct Placeholders {
        let nonce: [UInt8]

        init(avoiding source: String) {
            var generator = SystemRandomNumberGenerator()
            var candidate = Self.draw(&generator)
            while source.contains(String(decoding: candidate, as: UTF8.self)) { candidate = Self.draw(&generator) }
            nonce = candidate
        }

        /// `q` and 15 letters other than `q`. (Drawn in a function of its own: the same
        /// `repeat` loop inside the initialiser crashed the optimiser under `-sanitize=fuzzer`.)
        private static func draw(_ generator: inout SystemRandomNumberGenerator) -> [UInt8] {
            let rest = Array("abcdefghijklmnoprstuvwxyz".utf8)
            return [UInt8(ascii: "q")] + (0..<15).map { _ in rest.randomElement(using: &generator)! }
        }

        func token(_ index: Int) -> String {
            let nonce = String(decoding: self.nonce, as: UTF8.self)
            return nonce + String(index) + nonce
        }

        /// `source` with tag `i` of `tags` (in source order) replaced by `token(i)`.
        func substitute(_ tags: [MustacheTags.Tag], in source: String) -> String {
            let scalars = Array(source.unicodeScalars)
            var out = String.UnicodeScalarView()
            var at = 0
            for (index, tag) in tags.enumerated() {
                out.append(contentsOf: scalars[at..<tag.scalars.lowerBound])
                out.append(contentsOf: token(index).unicodeScalars)
                at = tag.scalars.upperBound
            }
            out.append(contentsOf: scalars[at...])
            return String(out)
        }

        /// Each placeholder in `html` (its bytes and index) in order; nil when the nonce occurs
        /// other than in a whole placeholder.
        func find(in html: [UInt8]) -> [(bytes: Range<Int>, index: Int)]? {
            var found: [(Range<Int>, Int)] = []
            var i = 0
            while let start = occurrence(in: html, from: i) {
                var end = start + nonce.count
                var index = 0
                while end < html.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(html[end]), index < 1 << 40 {
                    index = index * 10 + Int(html[end] - UInt8(ascii: "0"))
                    end += 1
                }
                guard end > start + nonce.count, matches(html, at: end) else { return nil }
                end += nonce.count
                found.append((start..<end, index))
                i = end
            }
            return found
        }

        private func occurrence(in html: [UInt8], from start: Int) -> Int? {
            var i = start
            while i + nonce.count <= html.count {
                if matches(html, at: i) { return i }
                i += 1
            }
            return nil
        }

        private func matches(_ html: [UInt8], at i: Int) -> Bool {
            i + nonce.count <= html.count && html[i] == nonce[0] && html[i..<i + nonce.count].elementsEqual(nonce)
        }
    }
}
