/// A block's text prepared for matching: full-width digits, `．` and `％` made ASCII (Chinese punctuation
/// `，；：。` is kept: it marks clauses), as UTF-8 bytes for PCRE2, with maps between byte and Character
/// offsets. Normalisation replaces one Character by one Character, so Character offsets in the
/// normalised text are Character offsets in the original: the offset map back to the source is the identity.
struct AnalysedText {
    /// The original Characters when some Character is more than one scalar; empty otherwise
    /// (`originalScalars` or the normalised text stand in).
    private let original: [Character]
    /// The original scalars of simple text that normalisation changed; empty otherwise.
    private let originalScalars: [UInt32]
    let normalized: String
    /// The first Unicode scalar of each Character: cheap comparisons against punctuation.
    let scalars: [UInt32]
    let bytes: [UInt8]
    /// Character offset of every byte offset (count: bytes + 1).
    private let characterAtByte: [Int32]
    /// Byte offset of every Character offset (count: characters + 1).
    private let byteAtCharacter: [Int32]

    /// True when every Character is a single Unicode scalar (checked conservatively): offsets of
    /// Characters and of scalars then agree, and scalar loops can stand in for Character loops.
    let isSimple: Bool

    init(_ text: String) {
        let changed = Self.needsNormalizing(text)
        let normalized = changed ? Self.normalize(text) : text
        self.normalized = normalized
        bytes = Array(normalized.utf8)
        var simple = true
        for scalar in text.unicodeScalars where !Self.standsAlone(scalar.value) {
            simple = false
            break
        }
        isSimple = simple
        if simple {
            // Fast path: one Character per scalar, so no grapheme breaking is needed.
            var scalars: [UInt32] = []
            scalars.reserveCapacity(bytes.count)
            var characterAtByte = [Int32](repeating: 0, count: bytes.count + 1)
            var byteAtCharacter: [Int32] = []
            byteAtCharacter.reserveCapacity(bytes.count + 1)
            var byte = 0
            var index: Int32 = 0
            for scalar in normalized.unicodeScalars {
                scalars.append(scalar.value)
                byteAtCharacter.append(Int32(byte))
                let length = UTF8.width(scalar)
                for offset in 0..<length { characterAtByte[byte + offset] = index }
                byte += length
                index += 1
            }
            byteAtCharacter.append(Int32(byte))
            characterAtByte[bytes.count] = index
            self.scalars = scalars
            // Character arrays are not built: every Character is its scalar.
            original = []
            originalScalars = !changed ? [] : text.unicodeScalars.map(\.value)
            self.characterAtByte = characterAtByte
            self.byteAtCharacter = byteAtCharacter
            return
        }
        original = Array(text)
        originalScalars = []
        let characters = Array(normalized)
        scalars = characters.map { $0.unicodeScalars.first!.value }
        var characterAtByte = [Int32](repeating: 0, count: bytes.count + 1)
        var byteAtCharacter: [Int32] = []
        byteAtCharacter.reserveCapacity(original.count + 1)
        var byte = 0
        var index: Int32 = 0
        for character in normalized {
            byteAtCharacter.append(Int32(byte))
            let length = character.utf8.count
            for offset in 0..<length { characterAtByte[byte + offset] = index }
            byte += length
            index += 1
        }
        byteAtCharacter.append(Int32(byte))
        characterAtByte[bytes.count] = index
        self.characterAtByte = characterAtByte
        self.byteAtCharacter = byteAtCharacter
    }

    /// Scalars that always form a Character of their own, whatever stands next to them (printable ASCII,
    /// tab and line feed but not CR, Latin-1/Latin Extended, general punctuation without the joiners and
    /// format controls, CJK symbols without the combining kana marks, CJK ideographs, full-width forms
    /// without the half-width voicing marks). Anything else takes the grapheme-breaking path.
    static func standsAlone(_ value: UInt32) -> Bool {
        switch value {
        case 0x20...0x7E, 0x09, 0x0A: return true
        case 0xA0...0x2FF: return true
        case 0x2010...0x2027, 0x2030...0x205E: return true
        case 0x3000...0x3029, 0x3030...0x3098, 0x309B...0x30FF: return true
        case 0x3400...0x4DBF, 0x4E00...0x9FFF: return true
        case 0xFF01...0xFF9D: return true
        default: return false
        }
    }

    var count: Int { byteAtCharacter.count - 1 }

    func characterOffset(byte: Int) -> Int { Int(characterAtByte[byte]) }
    func byteOffset(character: Int) -> Int { Int(byteAtCharacter[Swift.min(Swift.max(character, 0), count)]) }

    /// The UTF-8 byte range of a Character range (clamped to the text; empty when reversed).
    func byteRange(_ range: Range<Int>) -> Range<Int> {
        let lower = byteOffset(character: range.lowerBound)
        return lower..<Swift.max(lower, byteOffset(character: range.upperBound))
    }

    /// Normalised text of a Character range.
    func text(_ range: Range<Int>) -> String {
        let lower = byteOffset(character: range.lowerBound)
        let upper = byteOffset(character: range.upperBound)
        return String(decoding: bytes[lower..<upper], as: UTF8.self)
    }

    /// The original (un-normalised) text of a Character range, for `raw` and `quote`.
    func originalText(_ range: Range<Int>) -> String {
        let lower = Swift.max(0, Swift.min(range.lowerBound, count))
        let upper = Swift.max(lower, Swift.min(range.upperBound, count))
        if !isSimple { return String(original[lower..<upper]) }
        if originalScalars.isEmpty { return text(lower..<upper) }
        var view = String.UnicodeScalarView()
        for value in originalScalars[lower..<upper] { view.append(Unicode.Scalar(value) ?? " ") }
        return String(view)
    }

    static func needsNormalizing(_ text: String) -> Bool {
        text.unicodeScalars.contains { mapped($0) != nil }
    }

    static func normalize(_ text: String) -> String {
        // Fast path: most text needs nothing changed.
        guard needsNormalizing(text) else { return text }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars { scalars.append(mapped(scalar) ?? scalar) }
        return String(scalars)
    }

    private static func mapped(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        switch scalar.value {
        case 0xFF10...0xFF19: return Unicode.Scalar(scalar.value - 0xFF10 + 0x30)  // ０-９
        case 0xFF0E: return "."   // ．
        case 0xFF05: return "%"   // ％
        case 0xFE6A: return "%"   // ﹪
        case 0x3000: return " "   // ideographic space
        default: return nil
        }
    }
}
