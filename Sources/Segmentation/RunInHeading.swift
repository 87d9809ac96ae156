import Cleaning
import NianbaoModel

/// A numbered heading that runs into its paragraph, the usual form of a plan's tasks and of short
/// reports: `1. 坚持立德树人。全面贯彻…`, `(二)学生情况 学校现有…`. The title is the lead up to the first
/// full stop (or the space after a short lead); it is short and holds no comma, so a numbered sentence
/// (`1. 加强管理，…。`) is not one. Lists written `一是…二是…` have no heading number and never are.
enum RunInHeading {
    static let maximumTitleLength = 24
    static let minimumTitleLength = 2

    /// The line's numbering with `title` cut to the lead, or nil.
    static func shape(_ text: String, words: DocumentWords) -> HeadingShape? {
        // A run-in heading has its body on the line, so the whole line is never a named part (`前言`).
        guard var shape = HeadingShape.parse(text, words: words, readsNamedParts: false) else { return nil }
        switch shape.scheme {
        case .decimal where shape.components.count == 1 && !shape.isGlued: break
        case .arabicComma, .chineseComma, .chineseParen, .arabicParen: break
        default: return nil
        }
        guard let lead = lead(of: shape.title) else { return nil }
        shape.title = lead
        return shape
    }

    /// The lead of a paragraph that goes on after it: up to the first `。`, or up to a space between two
    /// Chinese characters when that comes first.
    static func lead(of title: String) -> String? {
        let characters = Array(title)
        var end: Int?
        var bodyStart = 0
        for (i, c) in characters.enumerated() {
            if c == "。" { end = i; bodyStart = i + 1; break }
            if c == " " || c == "\u{3000}", i > 0, isIdeograph(characters[i - 1]) {
                var j = i
                while j < characters.count, characters[j] == " " || characters[j] == "\u{3000}" { j += 1 }
                if j < characters.count, isIdeograph(characters[j]) { end = i; bodyStart = j; break }
            }
            if "，,；;：:".contains(c) { return nil }
        }
        guard let end, bodyStart < characters.count,
              (minimumTitleLength...maximumTitleLength).contains(end) else { return nil }
        return String(characters[..<end])
    }

    static func isIdeograph(_ c: Character) -> Bool {
        guard let value = c.unicodeScalars.first?.value else { return false }
        return (0x4E00...0x9FFF).contains(value) || (0x3400...0x4DBF).contains(value)
    }
}
