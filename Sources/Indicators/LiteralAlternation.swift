/// Literal words (each quote mark optional, as `CompiledRules.wordPattern` writes them) matched with the
/// semantics of a PCRE2 alternation of those words in branch order, but through a trie walked once per
/// position instead of trying every branch at every position: a few hundred phrases cost PCRE2 most of the
/// rules stage. Works on the Unicode scalars of text in which every Character is one scalar.
struct LiteralAlternation: Sendable {
    enum Element: Sendable, Equatable {
        case scalar(UInt32)
        /// `[“”"‘’「」]?`
        case optionalQuote
    }

    static let quotes: Set<UInt32> = Set("“”\"‘’「」".unicodeScalars.map(\.value))

    @inline(__always) static func isQuote(_ value: UInt32) -> Bool {
        switch value {
        case 0x201C, 0x201D, 0x22, 0x2018, 0x2019, 0x300C, 0x300D: return true
        default: return false
        }
    }

    /// The `(*MARK:n)` number of each word, by branch index.
    let marks: [Int]

    // The trie, in flat arrays. Node 0 is the root. A node's literal edges are `edgeScalars/edgeTargets`
    // [edgeStart[node] ..< edgeStart[node + 1]], sorted by scalar; its optional-quote edge is `quoteChild`.
    let edgeStart: [Int32]
    let edgeScalars: [UInt32]
    let edgeTargets: [Int32]
    let quoteChild: [Int32]
    /// The smallest branch index of the words ending at a node, or `Int32.max`.
    let terminal: [Int32]
    /// The smallest branch index of the words ending at or below a node: a walk stops where it cannot
    /// beat the best match found so far.
    let subtreeBest: [Int32]
    /// One bit per BMP scalar: set when some word can start with it. Most positions start no word, and
    /// this rules them out before the trie is touched.
    let startsInBMP: [UInt64]
    /// Second filter, on the first two scalars: a bit per hashed pair that starts some word. Scalars that
    /// start a one-scalar word or a word with a quote among its first two elements are in `walkAlways`.
    let pairBits: [UInt64]
    let walkAlways: [UInt64]
    static let pairHashBits = 18

    @inline(__always) static func pairHash(_ first: UInt32, _ second: UInt32) -> Int {
        Int((first &* 2_654_435_761 &+ second &* 40_503) >> UInt32(32 - pairHashBits))
    }

    /// `nil` when some word could match the empty string (it would match everywhere: leave it to PCRE2).
    init?(words literal: [(word: String, mark: Int)]) {
        // Build with dictionaries, then flatten.
        var children: [[UInt32: Int]] = [[:]]
        var quote: [Int] = [-1]
        var ends: [Int32] = [Int32.max]
        var firstScalars: Set<UInt32> = []
        var pairs = [UInt64](repeating: 0, count: (1 << Self.pairHashBits) / 64)
        var always: Set<UInt32> = []
        for (branch, entry) in literal.enumerated() {
            var elements: [Element] = []
            for character in entry.word {
                if "“”\"‘’「」".contains(character) {
                    elements.append(.optionalQuote)
                } else {
                    for scalar in character.unicodeScalars { elements.append(.scalar(scalar.value)) }
                }
            }
            var hasLiteral = false
            for element in elements {
                if case .scalar(let value) = element { firstScalars.insert(value); hasLiteral = true; break }
                firstScalars.formUnion(Self.quotes)
            }
            guard hasLiteral else { return nil }
            switch (elements.first, elements.count > 1 ? elements[1] : nil) {
            case (.scalar(let first), .scalar(let second)):
                let hash = Self.pairHash(first, second)
                pairs[hash >> 6] |= 1 << UInt64(hash & 63)
            case (.scalar(let first), _):
                always.insert(first)
            default:
                // A leading optional quote: the word may start with a quote or with its first literal.
                always.formUnion(Self.quotes)
                for element in elements {
                    if case .scalar(let value) = element { always.insert(value); break }
                }
            }
            var node = 0
            for element in elements {
                switch element {
                case .scalar(let value):
                    if let next = children[node][value] {
                        node = next
                    } else {
                        children.append([:]); quote.append(-1); ends.append(Int32.max)
                        children[node][value] = children.count - 1
                        node = children.count - 1
                    }
                case .optionalQuote:
                    if quote[node] < 0 {
                        children.append([:]); quote.append(-1); ends.append(Int32.max)
                        quote[node] = children.count - 1
                    }
                    node = quote[node]
                }
            }
            ends[node] = min(ends[node], Int32(branch))
        }
        var edgeStart: [Int32] = [], edgeScalars: [UInt32] = [], edgeTargets: [Int32] = []
        for node in children.indices {
            edgeStart.append(Int32(edgeScalars.count))
            for (value, target) in children[node].sorted(by: { $0.key < $1.key }) {
                edgeScalars.append(value)
                edgeTargets.append(Int32(target))
            }
        }
        edgeStart.append(Int32(edgeScalars.count))
        // Children are always created after their parent: one backward pass folds the subtree minima.
        var best = ends
        for node in children.indices.reversed() {
            for target in children[node].values { best[node] = min(best[node], best[target]) }
            if quote[node] >= 0 { best[node] = min(best[node], best[quote[node]]) }
        }
        self.edgeStart = edgeStart
        self.edgeScalars = edgeScalars
        self.edgeTargets = edgeTargets
        quoteChild = quote.map(Int32.init)
        terminal = ends
        subtreeBest = best
        marks = literal.map(\.mark)
        var bits = [UInt64](repeating: 0, count: 0x10000 / 64)
        for value in firstScalars where value < 0x10000 { bits[Int(value >> 6)] |= 1 << UInt64(value & 63) }
        startsInBMP = bits
        pairBits = pairs
        var alwaysBits = [UInt64](repeating: 0, count: 0x10000 / 64)
        for value in always where value < 0x10000 { alwaysBits[Int(value >> 6)] |= 1 << UInt64(value & 63) }
        walkAlways = alwaysBits
    }

    /// The leftmost match at or after `start`; at one position the first word in branch order wins.
    func firstMatch(in scalars: [UInt32], from start: Int) -> (start: Int, end: Int, mark: Int)? {
        scalars.withUnsafeBufferPointer { text in
            startsInBMP.withUnsafeBufferPointer { bits in
                var position = start
                while position < text.count {
                    let value = text[position]
                    if value < 0x10000 && bits[Int(value >> 6)] & (1 << UInt64(value & 63)) == 0 {
                        position += 1
                        continue
                    }
                    // (Scalars outside the BMP passed the first filter unchecked and are walked.)
                    if value < 0x10000, position + 1 < text.count,
                       walkAlways[Int(value >> 6)] & (1 << UInt64(value & 63)) == 0 {
                        let hash = Self.pairHash(value, text[position + 1])
                        if pairBits[hash >> 6] & (1 << UInt64(hash & 63)) == 0 {
                            position += 1
                            continue
                        }
                    }
                    if let (branch, end) = longestBranch(text, at: position) {
                        return (position, end, marks[branch])
                    }
                    position += 1
                }
                return nil
            }
        }
    }

    /// The first word in branch order that matches at `position`, and where it ends.
    private func longestBranch(_ text: UnsafeBufferPointer<UInt32>, at position: Int) -> (Int, Int)? {
        var best: (branch: Int32, end: Int) = (Int32.max, 0)
        walk(0, text, position, &best)
        return best.branch == Int32.max ? nil : (Int(best.branch), best.end)
    }

    /// Depth-first through the trie from `node` at text offset `position`, an optional quote taken before
    /// it is skipped (PCRE2's greedy `?`): the first time a word's end is reached is where PCRE2 would end
    /// it, so a word only replaces the best when its branch index is smaller.
    private func walk(_ node: Int, _ text: UnsafeBufferPointer<UInt32>, _ position: Int,
                      _ best: inout (branch: Int32, end: Int)) {
        if terminal[node] < best.branch { best = (terminal[node], position) }
        let quote = Int(quoteChild[node])
        if quote >= 0, subtreeBest[quote] < best.branch {
            if position < text.count, Self.isQuote(text[position]) { walk(quote, text, position + 1, &best) }
            if subtreeBest[quote] < best.branch { walk(quote, text, position, &best) }
        }
        guard position < text.count else { return }
        let value = text[position]
        var lower = Int(edgeStart[node]), upper = Int(edgeStart[node + 1])
        // Binary search over the node's sorted edges (most nodes have one or two).
        while lower < upper {
            let middle = (lower + upper) / 2
            if edgeScalars[middle] < value { lower = middle + 1 } else { upper = middle }
        }
        if lower < Int(edgeStart[node + 1]), edgeScalars[lower] == value {
            let child = Int(edgeTargets[lower])
            if subtreeBest[child] < best.branch { walk(child, text, position + 1, &best) }
        }
    }
}
