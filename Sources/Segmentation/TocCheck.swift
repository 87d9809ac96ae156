import NianbaoModel

/// Compares the printed TOC with the headings found in the body, so that a mismatch is reported
/// rather than silently passed: entries with no heading, headings missing from the TOC, titles
/// or pages that differ.
enum TocCheck {
    static func normalise(_ s: String) -> String {
        s.filter { !$0.isWhitespace && !"：:，,.。“”\"'‘’—-·、（）()".contains($0) }
    }

    static func compare(toc: [TocEntry], sections: [Section], format: SourceFormat) -> [String] {
        let contents = toc.filter { $0.list == .contents }
        guard !contents.isEmpty else { return [] }
        var warnings: [String] = []
        let parts = sections.filter { $0.kind == .chapter || $0.kind == .section || $0.kind == .preface || $0.kind == .appendix }
        var matched = Set<String>()
        // Physical page minus printed page, taken as the most common offset (cover and TOC pages come first).
        var offsets: [Int: Int] = [:]
        var pairs: [(TocEntry, Section)] = []
        // Normalised once: every entry is compared with every heading.
        let partTitles = parts.map { normalise($0.title) }
        for entry in contents {
            let byNumber = entry.number.flatMap { number in parts.first { $0.number == number && !matched.contains($0.id) } }
            let entryTitle = normalise(entry.title)
            let byTitle = parts.indices.first { partTitles[$0] == entryTitle && !matched.contains(parts[$0].id) }.map { parts[$0] }
            guard let section = byNumber ?? byTitle else {
                warnings.append("TOC entry \(entry.number.map { $0 + " " } ?? "")\(entry.title) (line \(entry.location.line)) has no matching heading in the body")
                continue
            }
            matched.insert(section.id)
            if let number = entry.number, let bodyNumber = section.number, number != bodyNumber {
                warnings.append("TOC entry \(number) \(entry.title) is numbered \(bodyNumber) in the body (line \(section.lineStart))")
            }
            if normalise(section.title) != normalise(entry.title) {
                warnings.append("TOC entry \(entry.number ?? "") reads \"\(entry.title)\" but the body heading (line \(section.lineStart)) reads \"\(section.title)\"")
            }
            if let printed = entry.printedPage.flatMap(Int.init) {
                offsets[section.pageStart - printed, default: 0] += 1
                pairs.append((entry, section))
            }
        }
        if format == .pdf, let offset = offsets.max(by: { $0.value < $1.value })?.key {
            for (entry, section) in pairs {
                guard let printed = entry.printedPage.flatMap(Int.init), section.pageStart - printed != offset else { continue }
                warnings.append("TOC gives page \(printed) for \(entry.number ?? "") \(entry.title), but the heading is on printed page \(section.pageStart - offset)")
            }
        }
        let deepest = contents.map(\.level).max() ?? 1
        for section in parts where !matched.contains(section.id) && section.level <= deepest && section.kind != .preface {
            warnings.append("heading \(section.number.map { $0 + " " } ?? "")\(section.title) (line \(section.lineStart)) is missing from the TOC")
        }
        return warnings
    }
}
