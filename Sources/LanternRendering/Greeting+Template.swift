import LanternModel

extension Greeting {
    /// One tag of a greeting's source and what stands for it in the template.
    struct Slot {
        enum Kind { case variable, section, inverted, close, comment }
        var kind: Kind
        /// The name the template uses: a greeting variable, or `unknown`, which no context holds.
        var name: String
        var tag: MustacheTags.Tag

        /// Stands for a name that is not a greeting variable, so its section is always empty
        /// (`{{#.}}` would otherwise be the whole context) as the warning says.
        static let unknown = "lantern-unknown-variable"

        /// The tag in the template; nothing for an unknown variable, which renders empty.
        var mustache: String {
            switch kind {
            case .variable: name == Self.unknown ? "" : "{{\(name)}}"
            case .section: "{{#\(name)}}"
            case .inverted: "{{^\(name)}}"
            case .close: "{{/\(name)}}"
            case .comment: "{{!}}"
            }
        }

        /// The tag as written, for messages.
        var written: String { "{{\(tag.sigil.map(String.init) ?? "")\(tag.name)}}" }
    }

    /// Builds the greeting's Mustache template from libcmark's HTML of the source with
    /// placeholders: the HTML is kept byte for byte but for `{` and `}`, written as the
    /// character references `&#123;` `&#125;` (the same text to a browser), so that nothing
    /// but the placeholders can become a tag, whatever Markdown made of entities and escapes.
    /// Each placeholder becomes the tag it stands for, escaped variables only.
    ///
    /// Refused, at the tag in the source: a tag Markdown leaves out, repeats or moves (raw HTML,
    /// autolinks, link reference definitions); a tag inside an attribute other than a title or
    /// an image's alt text (member data never goes into a URL); and a section that does not
    /// open and close in the same element, which would leave the page's markup unbalanced for
    /// some members. A paragraph holding nothing but section tags is dropped, so a section on
    /// lines of its own can wrap whole paragraphs and lists.
    struct TemplateBuilder {
        let html: [UInt8]
        let slots: [Slot]
        let file: String
        let firstLine: Int

        private enum Piece {
            case text, start, end, void
        }

        private enum Place: Equatable {
            case text
            case attribute(piece: Int, name: String)
            case markup
        }

        private func location(_ slot: Slot) -> SourceLocation {
            MustacheNesting.location(of: slot.tag, file, firstLine)
        }

        func build(_ found: [(bytes: Range<Int>, index: Int)], into d: inout Diagnostics) -> String? {
            guard found.allSatisfy({ $0.index < slots.count }) else {
                d.error("the greeting's tags do not survive Markdown", at: SourceLocation(file: file, line: firstLine),
                        hint: "keep {{variables}} in text, link text or a link title")
                return nil
            }
            guard keptOnceInOrder(found, into: &d) else { return nil }
            let pieces = self.pieces()
            var places: [Place] = []
            var p = 0
            for placeholder in found {
                while pieces[p].bytes.upperBound <= placeholder.bytes.lowerBound { p += 1 }
                places.append(place(of: placeholder.bytes.lowerBound, in: p, pieces))
            }
            var fine = attributesAllowed(found, places, into: &d)
            let dropped = sectionParagraphs(found, pieces)
            fine = balanced(found, places, pieces, dropped, into: &d) && fine
            guard fine else { return nil }
            return emit(found, pieces, dropped)
        }

        /// Every tag but comments stands in the HTML exactly once, in the order of the source.
        private func keptOnceInOrder(_ found: [(bytes: Range<Int>, index: Int)], into d: inout Diagnostics) -> Bool {
            let kept = found.map(\.index).filter { slots[$0].kind != .comment }
            var counts = [Int](repeating: 0, count: slots.count)
            for index in kept { counts[index] += 1 }
            var fine = true
            for (index, slot) in slots.enumerated() where slot.kind != .comment && counts[index] != 1 {
                if counts[index] == 0 {
                    d.error("Markdown leaves out the tag `\(slot.written)`", at: location(slot),
                            hint: "raw HTML is left out of greetings, and a link reference definition shows only where it is used: keep tags in text, link text or a link title")
                } else {
                    d.error("Markdown repeats the tag `\(slot.written)`", at: location(slot),
                            hint: "an autolink shows its address twice, and a link reference definition shows wherever it is used: keep tags in text, link text or a link title")
                }
                fine = false
            }
            guard fine else { return false }
            // A link's title comes before its text, so variables may change places; but each
            // stays between the same section tags, and those keep their order.
            let isSection = slots.map { $0.kind != .variable && $0.kind != .comment }
            var sectionsBefore: [Int] = [], count = 0
            for index in slots.indices {
                sectionsBefore.append(count)
                if isSection[index] { count += 1 }
            }
            count = 0
            for index in kept {
                if sectionsBefore[index] != count {
                    let slot = slots[index]
                    d.error("Markdown moves the tag `\(slot.written)` away from where it is written", at: location(slot),
                            hint: "a link reference definition shows where the link is used: write the link inline")
                    return false
                }
                if isSection[index] { count += 1 }
            }
            return true
        }

        /// The HTML split into text and tags (`<` always starts a tag: libcmark escapes it in text).
        private func pieces() -> [(bytes: Range<Int>, kind: Piece)] {
            var pieces: [(Range<Int>, Piece)] = []
            var i = 0
            while i < html.count {
                if html[i] == UInt8(ascii: "<"), let close = html[i...].firstIndex(of: UInt8(ascii: ">")) {
                    pieces.append((i..<close + 1, kind(of: html[i...close])))
                    i = close + 1
                } else {
                    let next = html[(i + 1)...].firstIndex(of: UInt8(ascii: "<")) ?? html.count
                    pieces.append((i..<next, .text))
                    i = next
                }
            }
            return pieces
        }

        private func kind(of tag: ArraySlice<UInt8>) -> Piece {
            let name = tag.dropFirst().prefix { $0 == UInt8(ascii: "/") || $0.isASCIILetterOrDigit }
            if name.isEmpty || tag.dropLast().last == UInt8(ascii: "/") { return .void }
            if name.first == UInt8(ascii: "/") { return .end }
            return ["br", "hr", "img"].contains(String(decoding: name, as: UTF8.self)) ? .void : .start
        }

        /// Text, the value of an attribute (quoted: libcmark quotes each), or the markup around it.
        private func place(of offset: Int, in piece: Int, _ pieces: [(bytes: Range<Int>, kind: Piece)]) -> Place {
            guard pieces[piece].kind != .text else { return .text }
            var quoteAt: Int?
            for i in pieces[piece].bytes.lowerBound..<offset where html[i] == UInt8(ascii: "\"") {
                quoteAt = quoteAt == nil ? i : nil
            }
            guard let quoteAt, html[quoteAt - 1] == UInt8(ascii: "=") else { return .markup }
            let name = html[..<(quoteAt - 1)].reversed().prefix { $0.isASCIILetterOrDigit || $0 == UInt8(ascii: "-") }
            return .attribute(piece: piece, name: String(decoding: name.reversed(), as: UTF8.self))
        }

        private func attributesAllowed(_ found: [(bytes: Range<Int>, index: Int)], _ places: [Place],
                                       into d: inout Diagnostics) -> Bool {
            var fine = true
            for (placeholder, place) in zip(found, places) {
                let slot = slots[placeholder.index]
                guard slot.kind != .comment else { continue }
                switch place {
                case .text: continue
                case .attribute(_, let name) where name == "title" || name == "alt": continue
                case .attribute(_, let name) where name == "href" || name == "src":
                    d.error("the tag `\(slot.written)` is inside a link or image address", at: location(slot),
                            hint: "member data never goes into a URL: keep {{variables}} in text, link text or a link title")
                case .attribute(_, let name):
                    d.error("the tag `\(slot.written)` is inside the `\(name)` attribute Markdown writes (a code block's language)",
                            at: location(slot), hint: "keep {{variables}} in text, link text or a link title")
                case .markup:
                    d.error("the tag `\(slot.written)` is inside HTML markup after Markdown", at: location(slot),
                            hint: "keep {{variables}} in text, link text or a link title")
                }
                fine = false
            }
            return fine
        }

        /// The `<p>` and `</p>` of each paragraph that holds only section tags (and comments).
        private func sectionParagraphs(_ found: [(bytes: Range<Int>, index: Int)],
                                       _ pieces: [(bytes: Range<Int>, kind: Piece)]) -> Set<Int> {
            var dropped: Set<Int> = []
            var f = 0
            for (k, piece) in pieces.enumerated() where piece.kind == .start && html[piece.bytes].elementsEqual("<p>".utf8) {
                guard k + 2 < pieces.count, pieces[k + 2].kind == .end, html[pieces[k + 2].bytes].elementsEqual("</p>".utf8),
                      pieces[k + 1].kind == .text else { continue }
                let text = pieces[k + 1].bytes
                while f < found.count && found[f].bytes.lowerBound < text.lowerBound { f += 1 }
                var rest = text.lowerBound, sections = 0, onlySections = true
                var g = f
                while g < found.count && found[g].bytes.upperBound <= text.upperBound {
                    onlySections = onlySections && slots[found[g].index].kind != .variable
                        && html[rest..<found[g].bytes.lowerBound].allSatisfy(\.isHTMLSpace)
                    rest = found[g].bytes.upperBound
                    sections += 1
                    g += 1
                }
                if onlySections && sections > 0 && html[rest..<text.upperBound].allSatisfy(\.isHTMLSpace) {
                    dropped.formUnion([k, k + 2])
                }
            }
            return dropped
        }

        /// Each section opens and closes in the same attribute, or in text within the same element.
        private func balanced(_ found: [(bytes: Range<Int>, index: Int)], _ places: [Place],
                              _ pieces: [(bytes: Range<Int>, kind: Piece)], _ dropped: Set<Int>,
                              into d: inout Diagnostics) -> Bool {
            var fine = true
            var open: [(slot: Slot, depth: Int, place: Place, broken: Bool)] = []
            var depth = 0
            var f = 0
            for (k, piece) in pieces.enumerated() {
                while f < found.count && found[f].bytes.lowerBound < piece.bytes.upperBound {
                    let slot = slots[found[f].index], place = places[f]
                    switch slot.kind {
                    case .section, .inverted: open.append((slot, depth, place, false))
                    case .close:
                        if let opened = open.popLast(), opened.broken || opened.place != place || (place == .text && opened.depth != depth) {
                            d.error("the section `\(opened.slot.written)` opens in one HTML element and closes in another after Markdown",
                                    at: location(opened.slot),
                                    hint: "open and close a section within one paragraph, list item or link, or put each of its tags on a line of its own, between blank lines, around whole paragraphs")
                            fine = false
                        }
                    case .variable, .comment: break
                    }
                    f += 1
                }
                guard !dropped.contains(k) else { continue }
                switch piece.kind {
                case .start: depth += 1
                case .end:
                    depth -= 1
                    for i in open.indices where open[i].place == .text && depth < open[i].depth { open[i].broken = true }
                case .text, .void: break
                }
            }
            return fine
        }

        private func emit(_ found: [(bytes: Range<Int>, index: Int)], _ pieces: [(bytes: Range<Int>, kind: Piece)],
                          _ dropped: Set<Int>) -> String {
            var out: [UInt8] = []
            out.reserveCapacity(html.count + 64)
            var f = 0
            for (k, piece) in pieces.enumerated() where !dropped.contains(k) {
                var i = piece.bytes.lowerBound
                while i < piece.bytes.upperBound {
                    if f < found.count && found[f].bytes.lowerBound == i {
                        out += slots[found[f].index].mustache.utf8
                        i = found[f].bytes.upperBound
                        f += 1
                        continue
                    }
                    switch html[i] {
                    case UInt8(ascii: "{"): out += "&#123;".utf8
                    case UInt8(ascii: "}"): out += "&#125;".utf8
                    default: out.append(html[i])
                    }
                    i += 1
                }
            }
            return String(decoding: out, as: UTF8.self)
        }
    }
}

private extension UInt8 {
    var isASCIILetterOrDigit: Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(self) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(self)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(self)
    }

    var isHTMLSpace: Bool { self == UInt8(ascii: " ") || self == UInt8(ascii: "\n") || self == UInt8(ascii: "\t") }
}
