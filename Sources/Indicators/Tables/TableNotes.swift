import Foundation
import NianbaoModel

/// What the notes printed under a table leave out (`注：1. 本表数据不含技工学校。`, `注：中等职业学校不含技工学校。`):
/// a kind left out of the whole table when the clause names the table (`tables.scope_words`) or names nothing,
/// else of the row the clause names. Values of a region then carry `不含…` as their category, as a bracket
/// after a number in text does; a school's values never do.
struct TableNoteScope {
    /// The category of every value of the table.
    var whole: String?
    /// The category of the values of one row, by the row label's table key.
    var rows: [String: String] = [:]

    static let none = TableNoteScope(whole: nil)

    /// The category for a value of the row labelled `label`, or nil.
    func category(forRow label: String) -> String? {
        rows[CompiledRules.tableKey(label)] ?? rows.first { key, _ in CompiledRules.tableKey(label).hasPrefix(key) }?.value
            ?? whole
    }
}

extension ExtractionRun {
    /// Notes opening with `注` (or a scope word) right under the table, with the enumerated or translated lines that
    /// continue them.
    static let maximumNoteBlocks = 6

    func tableNoteScope(_ table: TableData, rowLabels: [String]) -> TableNoteScope {
        guard !rules.tableCategories.excludingScalars.isEmpty, let last = table.rowLocations.last,
              let lastBlock = tableRowBlocks[last] else { return .none }
        let blocks = document.clean.blocks
        var notes: [String] = []
        var index = lastBlock + 1
        while index < blocks.count, notes.count < Self.maximumNoteBlocks, blocks[index].kind == .paragraph {
            let text = simplifiedCell(blocks[index].matchingText).trimmingCharacters(in: .whitespaces)
            if notes.isEmpty {
                // (or a sentence naming the table: `以上数据不含技工学校。`)
                guard text.hasPrefix("注") || rules.tableWords.scopeWords.contains(where: { text.hasPrefix($0) }) else { break }
            } else if !(text.first.map { $0.isNumber || $0.isASCII || $0 == "（" || $0 == "(" } ?? false) {
                break
            }
            notes.append(text)
            index += 1
        }
        var scope = TableNoteScope(whole: nil)
        let keys = rowLabels.map { CompiledRules.tableKey(TableLabel($0).text) }.filter { !$0.isEmpty }
        for note in notes {
            let text = AnalysedText(note)
            for sentence in Self.sentenceRanges(in: text) {
                guard let kind = excludedKind(text, from: sentence.lowerBound, to: sentence.upperBound),
                      let found = scalarsFirstIndex(of: rules.tableCategories.excludingScalars,
                                                    in: text.scalars[sentence.lowerBound..<sentence.upperBound]) else { continue }
                let named = Self.noteSubject(text.text(sentence.lowerBound..<found))
                if named.isEmpty || rules.tableWords.scopeWords.contains(where: { named.contains($0) }) {
                    scope.whole = scope.whole ?? kind
                } else if let key = keys.first(where: { $0.hasPrefix(CompiledRules.tableKey(named)) }) {
                    scope.rows[key] = kind
                }
            }
        }
        return scope
    }

    /// What a note's clause speaks of, before its `不含`: past `注：`, an enumeration (`1.`, `（2）`) and the
    /// clause before the last comma or colon.
    static func noteSubject(_ text: String) -> String {
        var subject = Substring(text)
        if let cut = subject.lastIndex(where: { "，,：:；;".contains($0) }) { subject = subject[subject.index(after: cut)...] }
        subject = subject.drop { $0 == "注" || $0.isNumber || " .．、（）()\u{3000}".contains($0) }
        subject = subject.drop { $0 == " " }
        while let word = ["数据", "均", "都", " "].first(where: { subject.hasSuffix($0) }) { subject = subject.dropLast(word.count) }
        return String(subject)
    }
}
