/// The scalars a match of a PCRE2 pattern can start with, worked out from the pattern's text, as one bit per
/// BMP scalar. PCRE2 skips ahead only by the first UTF-8 byte, and every CJK character starts with one of a
/// handful of bytes, so an unanchored search over Chinese text tries the whole pattern at every character;
/// with this set a scan tries it only where a match can start (see `PCRE2Pattern.scan`).
///
/// The analysis understands the syntax the rule files use — literals, escapes, `\d`, `\s`, classes, groups,
/// alternation, quantifiers, lookarounds, anchors and `(*MARK:…)` — and gives up (`nil`: try everywhere) on
/// anything else, or when the pattern can match the empty string. Given up or not, results never change:
/// the set only ever holds more scalars than can start a match, never fewer.
struct FirstScalarSet: Sendable {
    /// One bit per BMP scalar. Scalars above the BMP are always tried.
    let bits: [UInt64]

    @inline(__always) func contains(_ value: UInt32) -> Bool {
        value >= 0x10000 || bits[Int(value >> 6)] & (1 << UInt64(value & 63)) != 0
    }

    init?(pattern: String) {
        var parser = Parser(Array(pattern.unicodeScalars.map(\.value)))
        guard let summary = parser.alternation(), parser.atEnd, !summary.nullable else { return nil }
        var bits = [UInt64](repeating: 0, count: 0x10000 / 64)
        for range in summary.first {
            for value in range where value < 0x10000 { bits[Int(value >> 6)] |= 1 << UInt64(value & 63) }
        }
        self.bits = bits
    }

    /// What a piece of pattern can start with, and whether it can match without consuming anything.
    struct Summary {
        var first: [ClosedRange<UInt32>]
        var nullable: Bool

        static let empty = Summary(first: [], nullable: true)
        /// One scalar of any kind (`.`, `\p{Han}`, a negated class): no help in skipping, but no reason to
        /// give up on the rest of the pattern either.
        static let anyScalar = Summary(first: [0...0x10FFFF], nullable: false)
    }

    /// Scalars `\d` may match with PCRE2_UCP: every decimal digit of the BMP.
    static let decimalDigits: [ClosedRange<UInt32>] = ranges { scalar in
        scalar.properties.numericType == .decimal
    }

    /// Scalars `\s` may match with PCRE2_UCP (a superset: White_Space, separators and the ASCII controls).
    static let spaces: [ClosedRange<UInt32>] = ranges { scalar in
        scalar.properties.isWhitespace || (0x09...0x0D).contains(scalar.value)
            || [.spaceSeparator, .lineSeparator, .paragraphSeparator].contains(scalar.properties.generalCategory)
    }

    private static func ranges(_ predicate: (Unicode.Scalar) -> Bool) -> [ClosedRange<UInt32>] {
        var result: [ClosedRange<UInt32>] = []
        var start: UInt32?
        for value in UInt32(0)...0x10000 {
            let included = value < 0x10000 && Unicode.Scalar(value).map(predicate) == true
            if included, start == nil { start = value }
            if !included, let lower = start { result.append(lower...(value - 1)); start = nil }
        }
        return result
    }

    /// A recursive-descent reader of the pattern; every method returns nil for syntax it does not know.
    private struct Parser {
        let pattern: [UInt32]
        var position = 0

        init(_ pattern: [UInt32]) { self.pattern = pattern }

        var atEnd: Bool { position >= pattern.count }
        func peek(_ offset: Int = 0) -> UInt32? {
            position + offset < pattern.count ? pattern[position + offset] : nil
        }
        func isScalar(_ value: UInt32?, _ character: Unicode.Scalar) -> Bool { value == character.value }

        /// Branches separated by `|`, up to a `)` or the end.
        mutating func alternation() -> Summary? {
            var result = Summary(first: [], nullable: false)
            while true {
                guard let branch = sequence() else { return nil }
                result.first += branch.first
                result.nullable = result.nullable || branch.nullable
                guard isScalar(peek(), "|") else { return result }
                position += 1
            }
        }

        /// Quantified atoms one after another: the first ones that can be skipped add the next one's start.
        mutating func sequence() -> Summary? {
            var result = Summary.empty
            while let next = peek(), next != 0x7C /* | */, next != 0x29 /* ) */ {
                guard var item = atom() else { return nil }
                guard quantifier(&item) else { return nil }
                if result.nullable {
                    result.first += item.first
                    result.nullable = item.nullable
                }
            }
            return result
        }

        /// `?`, `*`, `+`, `{m}`, `{m,}`, `{m,n}`, each optionally lazy (`?`) or possessive (`+`).
        mutating func quantifier(_ item: inout Summary) -> Bool {
            guard let next = peek() else { return true }
            switch next {
            case 0x3F, 0x2A:  // ? *
                item.nullable = true
                position += 1
            case 0x2B:  // +
                position += 1
            case 0x7B:  // {
                var cursor = position + 1
                var minimum = 0, digits = 0
                while cursor < pattern.count, (0x30...0x39).contains(pattern[cursor]) {
                    minimum = minimum * 10 + Int(pattern[cursor] - 0x30); digits += 1; cursor += 1
                }
                guard digits > 0, cursor < pattern.count else { return false }
                if pattern[cursor] == 0x2C {  // ,
                    cursor += 1
                    while cursor < pattern.count, (0x30...0x39).contains(pattern[cursor]) { cursor += 1 }
                }
                guard cursor < pattern.count, pattern[cursor] == 0x7D else { return false }  // }
                position = cursor + 1
                if minimum == 0 { item.nullable = true }
            default:
                return true
            }
            if let suffix = peek(), suffix == 0x3F || suffix == 0x2B { position += 1 }
            return true
        }

        mutating func atom() -> Summary? {
            guard let next = peek() else { return nil }
            switch next {
            case 0x28:  // (
                return group()
            case 0x5B:  // [
                return characterClass()
            case 0x5C:  // \
                return escape()
            case 0x2E:  // .
                position += 1
                return .anyScalar
            case 0x5E, 0x24:  // ^ $
                position += 1
                return .empty
            case 0x2A, 0x2B, 0x3F, 0x7B, 0x7D, 0x5D:  // a quantifier with nothing before it, stray } or ]
                return nil
            default:
                position += 1
                return Summary(first: [next...next], nullable: false)
            }
        }

        mutating func group() -> Summary? {
            position += 1  // (
            var zeroWidth = false
            if isScalar(peek(), "*") {
                // A verb such as (*MARK:name): matches nothing.
                while let next = peek(), next != 0x29 { position += 1 }
                guard !atEnd else { return nil }
                position += 1
                return .empty
            }
            if isScalar(peek(), "?") {
                position += 1
                switch peek() {
                case 0x3A, 0x7C: position += 1  // (?: and (?| (branch reset: a group like any other here)
                case 0x3D, 0x21: position += 1; zeroWidth = true  // (?= (?!
                case 0x3C:  // (?<= (?<! or (?<name>
                    if isScalar(peek(1), "=") || isScalar(peek(1), "!") {
                        position += 2; zeroWidth = true
                    } else {
                        guard skipName(closing: 0x3E) else { return nil }
                    }
                case 0x50:  // (?P<name>
                    position += 1
                    guard isScalar(peek(), "<"), skipName(closing: 0x3E) else { return nil }
                default:
                    return nil  // flags, conditionals, recursion: not analysed
                }
            }
            guard let inner = alternation(), isScalar(peek(), ")") else { return nil }
            position += 1
            return zeroWidth ? .empty : inner
        }

        /// Skips `<name>` (position at `<`).
        mutating func skipName(closing: UInt32) -> Bool {
            position += 1
            while let next = peek(), next != closing {
                guard (0x30...0x39).contains(next) || (0x41...0x5A).contains(next) || (0x61...0x7A).contains(next)
                        || next == 0x5F else { return false }
                position += 1
            }
            guard !atEnd else { return false }
            position += 1
            return true
        }

        mutating func escape() -> Summary? {
            guard let next = peek(1) else { return nil }
            position += 2
            switch Unicode.Scalar(next).map(Character.init) {
            case "d": return Summary(first: FirstScalarSet.decimalDigits, nullable: false)
            case "s": return Summary(first: FirstScalarSet.spaces, nullable: false)
            case "t": return Summary(first: [0x09...0x09], nullable: false)
            case "n": return Summary(first: [0x0A...0x0A], nullable: false)
            case "r": return Summary(first: [0x0D...0x0D], nullable: false)
            case "b", "B", "A", "z", "Z", "G": return .empty
            case "w", "W", "D", "S", "h", "H", "v", "V", "N", "R", "X": return .anyScalar
            case "p", "P":
                // `\pL` or `\p{Han}`: some property class.
                if isScalar(peek(), "{") {
                    while let scalar = peek(), scalar != 0x7D { position += 1 }
                    guard !atEnd else { return nil }
                }
                position += 1
                return .anyScalar
            default:
                // Escaped punctuation stands for itself; letters and digits have meanings not analysed here.
                guard next < 0x80, !(0x30...0x39).contains(next), !(0x41...0x5A).contains(next),
                      !(0x61...0x7A).contains(next) else { return nil }
                return Summary(first: [next...next], nullable: false)
            }
        }

        /// `[…]` with literals, ranges and escapes; a negated class can start with anything.
        mutating func characterClass() -> Summary? {
            position += 1  // [
            let negated = isScalar(peek(), "^")
            if negated { position += 1 }
            var first: [ClosedRange<UInt32>] = []
            var isFirstMember = true
            while let next = peek() {
                if next == 0x5D && !isFirstMember {
                    position += 1
                    return negated ? .anyScalar : Summary(first: first, nullable: false)
                }
                isFirstMember = false
                var lower: UInt32
                if next == 0x5C {
                    guard let escaped = peek(1) else { return nil }
                    position += 2
                    switch Unicode.Scalar(escaped).map(Character.init) {
                    case "d": first += FirstScalarSet.decimalDigits; continue
                    case "s": first += FirstScalarSet.spaces; continue
                    case "w", "W", "D", "S", "h", "H", "v", "V": first += Summary.anyScalar.first; continue
                    case "p", "P":
                        if isScalar(peek(), "{") {
                            while let scalar = peek(), scalar != 0x7D { position += 1 }
                            guard !atEnd else { return nil }
                        }
                        position += 1
                        first += Summary.anyScalar.first
                        continue
                    case "t": lower = 0x09
                    case "n": lower = 0x0A
                    case "r": lower = 0x0D
                    default:
                        guard escaped < 0x80, !(0x30...0x39).contains(escaped), !(0x41...0x5A).contains(escaped),
                              !(0x61...0x7A).contains(escaped) else { return nil }
                        lower = escaped
                    }
                } else if next == 0x5B && isScalar(peek(1), ":") {
                    return nil  // POSIX classes
                } else {
                    lower = next
                    position += 1
                }
                // A range `a-z` (a `-` before `]` is literal).
                if isScalar(peek(), "-"), let upper = peek(1), upper != 0x5D, upper != 0x5C, upper != 0x5B {
                    guard upper >= lower else { return nil }
                    position += 2
                    first.append(lower...upper)
                } else {
                    first.append(lower...lower)
                }
            }
            return nil  // no closing ]
        }
    }
}
