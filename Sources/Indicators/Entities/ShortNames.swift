import NianbaoModel

/// Short names a document introduces right after a school's or region's name (`漳州市…职业技术学校（以下简称
/// “某某职校”）`, `…学校，简称“某某职业中专”`, markers `entities.yaml` `short_name_markers`): the short form
/// names that entity wherever the document uses it again.
struct DocumentShortNames {
    struct Entry {
        var short: [UInt32]
        var entity: String
        var isRegion: Bool
    }
    /// Longest short form first, so one inside another (`职专` in `某某职专`) gives way.
    var entries: [Entry] = []

    var isEmpty: Bool { entries.isEmpty }

    /// Characters that may stand between the name and the marker: brackets, commas, spaces.
    static let beforeMarker: Set<UInt32> = [0xFF08, 0x28, 0xFF0C, 0x2C, 0x20, 0x3000]  // （ ( ， , space
    /// Opening quotes and colons after the marker.
    static let openings: Set<UInt32> = [0x201C, 0x22, 0x300C, 0x300E, 0xFF1A, 0x3A, 0x20]  // “ " 「 『 ： : space
    /// What ends the short form: closing quotes, brackets, commas, stops.
    static let closings: Set<UInt32> = [0x201D, 0x22, 0x300D, 0x300F, 0xFF09, 0x29, 0xFF0C, 0x2C, 0x3002, 0xFF1B, 0x3B, 0x20]
    static let maximumLength = 16
}

extension ExtractionRun {
    /// The short names the document's paragraphs and headings introduce. Read before any value, so a table
    /// titled with the short name (`表1 某某职校主要办学指标`) is the school's wherever it stands.
    mutating func documentShortNames() -> DocumentShortNames {
        let markers = rules.shortNameMarkers
        guard !markers.isEmpty else { return DocumentShortNames() }
        let markerScalars = markers.map { $0.unicodeScalars.map(\.value) }
        let markerBytes = markers.map { Array($0.utf8) }
        let seenBefore = schoolsSeen
        defer { schoolsSeen = seenBefore }
        var names = DocumentShortNames()
        for block in document.clean.blocks where block.kind != .tableRow {
            let matching = block.matchingText
            guard matching.containsAnyLiteral(markerBytes) else { continue }
            let text = AnalysedText(matching)
            var matches = BlockMatches()
            scanContext(text, into: &matches)
            let scalars = text.scalars
            var k = 0
            while k < scalars.count {
                guard let marker = markerScalars.first(where: { scalars[k...].starts(with: $0) }) else { k += 1; continue }
                defer { k += marker.count }
                // The name stands right before the marker, only brackets or commas between.
                var nameEnd = k
                while nameEnd > 0, DocumentShortNames.beforeMarker.contains(scalars[nameEnd - 1]) { nameEnd -= 1 }
                guard nameEnd < k, let holder = matches.mentions.last(where: { $0.end == nameEnd && $0.entity != nil }),
                      let entity = holder.entity else { continue }
                var start = k + marker.count
                while start < scalars.count, DocumentShortNames.openings.contains(scalars[start]) { start += 1 }
                var end = start
                while end < scalars.count, end - start <= DocumentShortNames.maximumLength,
                      !DocumentShortNames.closings.contains(scalars[end]) { end += 1 }
                let short = Array(scalars[start..<end])
                guard short.count >= 2, short.count <= DocumentShortNames.maximumLength,
                      !names.entries.contains(where: { $0.short == short }) else { continue }
                names.entries.append(.init(short: short, entity: entity, isRegion: holder.isRegion))
            }
        }
        names.entries.sort { $0.short.count > $1.short.count }
        return names
    }

    /// Mentions of the document's short names, over any shorter mention inside them.
    func addShortNameMentions(_ text: AnalysedText, into matches: inout BlockMatches) {
        let scalars = text.scalars
        for entry in shortNames.entries {
            guard let first = entry.short.first else { continue }
            var k = 0
            while k + entry.short.count <= scalars.count {
                guard scalars[k] == first, scalars[k..<(k + entry.short.count)].elementsEqual(entry.short) else { k += 1; continue }
                let end = k + entry.short.count
                // A longer name holding it stays (`某某职校` inside a longer school's name).
                if !matches.mentions.contains(where: { $0.start <= k && end <= $0.end && $0.end - $0.start > end - k
                                                        || $0.start < k && k < $0.end && $0.end < end
                                                        || $0.start < end && end < $0.end && k < $0.start }) {
                    matches.mentions.removeAll { $0.start >= k && $0.end <= end }
                    matches.mentions.append(.init(start: k, end: end, entity: entry.entity, isRegion: entry.isRegion))
                }
                k = end
            }
        }
    }
}
