import Foundation

/// What the text-table shapes need to know about the text of a cell: is it a value, how wide it prints,
/// and how a label printed with spaced-out characters (`小    学`) reads as one cell.
enum TableCellText {
    /// A table value: a number (`1,172`, `-9.1%`, `+29`, `0.75`, `13167↑`), a ratio (`1.77:1`),
    /// a bracketed count (`(827)`), or a placeholder for "no value" (`-`, `—`, `…`, `↓`).
    static func isValue(_ raw: String) -> Bool {
        let text = raw.trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else { return false }
        if placeholders.contains(text) { return true }
        var scalars = Array(text.unicodeScalars)
        if scalars.count >= 3, scalars.first == "(" || scalars.first == "（", scalars.last == ")" || scalars.last == "）" {
            scalars = Array(scalars.dropFirst().dropLast())
        }
        while let last = scalars.last, trailingMarks.contains(last) { scalars.removeLast() }
        if let first = scalars.first, signs.contains(first) { scalars.removeFirst() }
        guard !scalars.isEmpty else { return false }
        // Digits with `,` grouping, one decimal point, or one ratio colon between digits.
        var sawDigit = false, points = 0, colons = 0
        for (i, scalar) in scalars.enumerated() {
            switch scalar {
            case "0"..."9": sawDigit = true
            case ",": if i == 0 || i == scalars.count - 1 { return false }
            case ".": points += 1
            case ":", "：":
                colons += 1
                if i == 0 || i == scalars.count - 1 { return false }
            default: return false
            }
        }
        return sawDigit && colons <= 1 && points <= 1 + colons
    }

    /// A year as a column header (`2020`, `2021年`): a header cell even though it is a number.
    static func isYear(_ raw: String) -> Bool {
        var text = raw.trimmingCharacters(in: .whitespaces)
        if text.hasSuffix("年") { text.removeLast() }
        guard text.count == 4, let year = Int(text) else { return false }
        return (1900...2100).contains(year)
    }

    static let placeholders: Set<String> = ["-", "—", "——", "–", "－", "…", "……", "/", "↑", "↓", "x", "×", "*", "...", "--"]
    /// Units and arrows after a value, and footnote marks (`4.12*` a preliminary figure, `1,204①`).
    static let trailingMarks: Set<Unicode.Scalar> = Set(["%", "％", "‰", "↑", "↓", "*", "＊", "※", "†"] as [Unicode.Scalar])
        .union((0x2460...0x2473).compactMap(Unicode.Scalar.init))
    static let signs: Set<Unicode.Scalar> = ["+", "-", "−", "－", "＋"]

    /// Sentence punctuation a table label never holds: a line with it is prose, not a row.
    static func hasSentencePunctuation(_ text: String) -> Bool {
        text.contains { "。，；！？,;!?".contains($0) }
    }

    /// Columns the character takes in a monospaced rendering: two for CJK and full-width forms.
    static func width(_ character: Character) -> Int {
        guard let scalar = character.unicodeScalars.first else { return 0 }
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
             0xFFE0...0xFFE6, 0x20000...0x3FFFD:
            return 2
        default:
            return 1
        }
    }

    static func isIdeograph(_ character: Character) -> Bool {
        guard let scalar = character.unicodeScalars.first else { return false }
        switch scalar.value {
        case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x3FFFD: return true
        default: return false
        }
    }

    /// A label cell as one reads it: runs of spaces become one, and spaces between two Chinese characters
    /// (`小    学`, `高 中`, spacing that aligns short labels in print) go.
    static func label(_ raw: String) -> String {
        let characters = Array(raw.trimmingCharacters(in: .whitespaces))
        var out = ""
        var i = 0
        while i < characters.count {
            let c = characters[i]
            guard c == " " || c == "\t" || c == "\u{3000}" else { out.append(c); i += 1; continue }
            var j = i
            while j < characters.count, characters[j] == " " || characters[j] == "\t" || characters[j] == "\u{3000}" { j += 1 }
            let before = out.last, after = j < characters.count ? characters[j] : nil
            if let before, let after, isIdeograph(before), isIdeograph(after) {
                // joined
            } else {
                out.append(" ")
            }
            i = j
        }
        return out
    }

    /// Header words on a line of their own, split at spaces; single characters spaced out to align them
    /// (`在  校`, `人  数`) are one word.
    static func headerCells(_ line: String, splittingAt split: Int? = nil) -> [String] {
        headerSpans(line, splittingAt: split).map(\.text)
    }

    /// Most display columns between the letters of one spaced-out header word (`指    标`); wider is two columns.
    static let maximumLetterSpacing = 4

    /// `headerCells` with the display columns each cell spans.
    static func headerSpans(_ line: String, splittingAt split: Int? = nil) -> [(text: String, start: Int, end: Int)] {
        // Tokens with the display columns each spans.
        var tokens: [(text: String, start: Int, end: Int)] = []
        var column = 0
        var current = "", start = 0
        for c in line {
            if c == " " || c == "\t" || c == "\u{3000}" {
                if !current.isEmpty { tokens.append((current, start, column)); current = "" }
            } else {
                if current.isEmpty { start = column }
                current.append(c)
            }
            column += width(c)
        }
        if !current.isEmpty { tokens.append((current, start, column)) }
        var cells: [(text: String, start: Int, end: Int)] = []
        var previousWasSingle = false
        var previousColumn = 0
        for token in tokens {
            let single = token.text.count == 1 && isIdeograph(token.text.first!)
            // (never across the column where the rows' second label part starts, nor across a column's gap)
            let crossesSplit = split.map { previousColumn < $0 - 1 && token.start >= $0 - 1 } ?? false
            let farApart = cells.last.map { token.start - $0.end > maximumLetterSpacing } ?? false
            defer { previousColumn = token.start }
            if single, previousWasSingle, !crossesSplit, !farApart, let last = cells.last, last.text.allSatisfy(isIdeograph) {
                cells[cells.count - 1] = (last.text + token.text, last.start, token.end)
            } else {
                cells.append(token)
            }
            previousWasSingle = single
        }
        return cells
    }
}
