/// Literal words (each quote mark optional, as `CompiledRules.wordPattern` writes them) matched with the
/// semantics of a PCRE2 alternation of those words in branch order, but by a table lookup on the first
/// scalar instead of trying every branch at every position: a few hundred phrases cost PCRE2 most of the
/// rules stage. Works on the Unicode scalars of text in which every Character is one scalar.
struct LiteralAlternation: Sendable {
    enum Element: Sendable, Equatable {
        case scalar(UInt32)
        /// `[“”"‘’「」]?`
        case optionalQuote
    }

    static let quotes: Set<UInt32> = Set("“”\"‘’「」".unicodeScalars.map(\.value))

    /// Words in branch order, with the `(*MARK:n)` number each one had.
    let words: [[Element]]
    let marks: [Int]
    /// First scalar → indices of the words that can start with it, in branch order.
    let candidates: [UInt32: [Int]]
    /// One bit per BMP scalar: set when `candidates` has an entry for it. Most positions start no word, and
    /// this rules them out without hashing.
    let startsInBMP: [UInt64]

    /// `nil` when some word could match the empty string (it would match everywhere: leave it to PCRE2).
    init?(words literal: [(word: String, mark: Int)]) {
        var words: [[Element]] = []
        var firsts: [UInt32: [Int]] = [:]
        for (index, entry) in literal.enumerated() {
            var elements: [Element] = []
            for character in entry.word {
                if "“”\"‘’「」".contains(character) {
                    elements.append(.optionalQuote)
                } else {
                    for scalar in character.unicodeScalars { elements.append(.scalar(scalar.value)) }
                }
            }
            var starts: Set<UInt32> = []
            var hasLiteral = false
            for element in elements {
                if case .scalar(let value) = element { starts.insert(value); hasLiteral = true; break }
                starts.formUnion(Self.quotes)
            }
            guard hasLiteral else { return nil }
            for value in starts { firsts[value, default: []].append(index) }
            words.append(elements)
        }
        self.words = words
        marks = literal.map(\.mark)
        candidates = firsts
        var bits = [UInt64](repeating: 0, count: 0x10000 / 64)
        for value in firsts.keys where value < 0x10000 { bits[Int(value >> 6)] |= 1 << UInt64(value & 63) }
        startsInBMP = bits
    }

    /// The leftmost match at or after `start`; at one position the first word in branch order wins.
    func firstMatch(in scalars: [UInt32], from start: Int) -> (start: Int, end: Int, mark: Int)? {
        var position = start
        while position < scalars.count {
            // The skip loop runs on buffers: no retain/release of the arrays per scalar.
            position = startsInBMP.withUnsafeBufferPointer { bits in
                scalars.withUnsafeBufferPointer { text in
                    var position = position
                    while position < text.count {
                        let value = text[position]
                        if value >= 0x10000 || bits[Int(value >> 6)] & (1 << UInt64(value & 63)) != 0 { break }
                        position += 1
                    }
                    return position
                }
            }
            guard position < scalars.count else { break }
            let value = scalars[position]
            if let list = candidates[value] {
                for index in list {
                    if let end = Self.matchEnd(words[index], 0, scalars, position) {
                        return (position, end, marks[index])
                    }
                }
            }
            position += 1
        }
        return nil
    }

    /// Where a word matched at `position` ends, trying each optional quote first with, then without
    /// (PCRE2's greedy `?` and its backtracking order).
    static func matchEnd(_ word: [Element], _ first: Int, _ scalars: [UInt32], _ position: Int) -> Int? {
        var element = first
        var position = position
        while element < word.count {
            switch word[element] {
            case .scalar(let value):
                guard position < scalars.count, scalars[position] == value else { return nil }
                position += 1
            case .optionalQuote:
                if position < scalars.count, quotes.contains(scalars[position]),
                   let end = matchEnd(word, element + 1, scalars, position + 1) {
                    return end
                }
            }
            element += 1
        }
        return position
    }
}
