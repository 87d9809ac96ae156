import NianbaoModel

/// Removes what online script converters leave behind: the pinyin of a character in brackets right
/// after it (`職業(yè)學校` → `職業學校`, `會(huì )計`, full-width `（yè）`). Only a bracket holding nothing but
/// pinyin syllables, at least one with a tone mark, right after a Han character, is removed; bracketed
/// numbers, words or Latin text (`(827)`, `(中、高级教师)`, `(PDF)`) stay.
public enum PinyinResidue {
    static let openers: Set<Character> = ["(", "（"]
    static let closers: Set<Character> = [")", "）"]
    static let toneMarked: Set<Character> = Set("āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ")
    static let plainLetters: Set<Character> = Set("abcdefghijklmnopqrstuvwxyzü")
    /// The longest pinyin syllable (`zhuang`, `shuang`) and the most syllables one bracket holds.
    static let longestSyllable = 6
    static let mostSyllables = 4

    /// Character ranges of `text` (as offsets) that are converter residue, in order.
    static func ranges(in text: String) -> [Range<Int>] {
        // An opening bracket is a Character of one scalar: text without that scalar has no residue.
        guard text.unicodeScalars.contains(where: { $0 == "(" || $0 == "（" }) else { return [] }
        let characters = Array(text)
        var found: [Range<Int>] = []
        var index = 1
        while index < characters.count {
            if openers.contains(characters[index]), characters[index - 1].isHan,
               let close = closingIndex(characters, from: index + 1),
               isPinyin(characters[(index + 1)..<close]) {
                found.append(index..<(close + 1))
                index = close + 1
            } else {
                index += 1
            }
        }
        return found
    }

    static func closingIndex(_ characters: [Character], from start: Int) -> Int? {
        let limit = min(characters.count, start + mostSyllables * (longestSyllable + 1) + 1)
        return (start..<limit).first { closers.contains(characters[$0]) }
    }

    static func isPinyin(_ content: ArraySlice<Character>) -> Bool {
        let syllables = content.split(separator: " ")
        guard (1...mostSyllables).contains(syllables.count) else { return false }
        var sawTone = false
        for syllable in syllables {
            guard syllable.count <= longestSyllable,
                  syllable.allSatisfy({ plainLetters.contains($0) || toneMarked.contains($0) }) else { return false }
            sawTone = sawTone || syllable.contains(where: toneMarked.contains)
        }
        return sawTone
    }

    /// `text` without its residue.
    public static func removing(from text: String) -> String {
        let residue = ranges(in: text)
        guard !residue.isEmpty else { return text }
        return String(keptCharacters(of: Array(text), removing: residue))
    }

    /// A source line without residue in its text and cells. Done before lines are joined, so that
    /// residue neither lengthens lines (wrap detection) nor hides a heading's shape.
    static func removing(from line: SourceLine) -> SourceLine {
        var line = line
        line.text = removing(from: line.text)
        line.cells = line.cells?.map(removing(from:))
        return line
    }

    static func keptCharacters(of characters: [Character], removing residue: [Range<Int>]) -> [Character] {
        var kept: [Character] = []
        kept.reserveCapacity(characters.count)
        var next = 0
        for range in residue {
            kept += characters[next..<range.lowerBound]
            next = range.upperBound
        }
        kept += characters[next...]
        return kept
    }
}

extension Character {
    /// A CJK ideograph (the unified blocks and their extensions, and the compatibility block).
    var isHan: Bool { unicodeScalars.first?.isHan ?? false }
}

extension Unicode.Scalar {
    var isHan: Bool {
        switch value {
        case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x3134F: return true
        default: return false
        }
    }
}
