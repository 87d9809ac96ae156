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
    /// Byte offset of every Character offset (count: characters + 1).
    private let byteAtCharacter: [Int32]

    /// True when every Character is a single Unicode scalar (checked conservatively): offsets of
    /// Characters and of scalars then agree, and scalar loops can stand in for Character loops.
    let isSimple: Bool
    /// The Characters as printed when the text matched is a conversion of them (traditional script read as
    /// simplified, Character for Character); empty otherwise. `originalText` cuts quotes from these.
    private var printed: [Character] = []

    /// Text to match in `matching`, with quotes and raw values cut from `printed` (same Character count).
    init(_ matching: String, printed: String?) {
        self.init(matching)
        if let printed, printed != matching {
            let characters = Array(printed)
            if characters.count == count { self.printed = characters }
        }
    }

    init(_ text: String) {
        // One pass over the UTF-8 decodes the scalars and finds whether the text is simple and whether
        // normalisation changes it.
        var source = text
        var simple = true, changed = false
        var scalars: [UInt32] = source.withUTF8 { utf8 in
            // Written in place: an append per scalar costs more than the decoding.
            [UInt32](unsafeUninitializedCapacity: utf8.count) { buffer, written in
                var i = 0, k = 0
                while i < utf8.count {
                    let lead = UInt32(utf8[i])
                    var value: UInt32
                    if lead < 0x80 {
                        value = lead; i += 1
                    } else if lead < 0xE0 {
                        value = (lead & 0x1F) << 6 | UInt32(utf8[i + 1] & 0x3F); i += 2
                    } else if lead < 0xF0 {
                        value = (lead & 0x0F) << 12 | UInt32(utf8[i + 1] & 0x3F) << 6 | UInt32(utf8[i + 2] & 0x3F); i += 3
                    } else {
                        value = (lead & 0x07) << 18 | UInt32(utf8[i + 1] & 0x3F) << 12 | UInt32(utf8[i + 2] & 0x3F) << 6
                            | UInt32(utf8[i + 3] & 0x3F)
                        i += 4
                    }
                    // CJK ideographs, the bulk of the text, stand alone and are never mapped.
                    if value < 0x4E00 || value > 0x9FFF {
                        if simple && !Self.standsAlone(value) { simple = false }
                        if !changed && Self.mappedValue(value) != nil { changed = true }
                    }
                    buffer[k] = value
                    k += 1
                }
                written = k
            }
        }
        isSimple = simple
        if simple {
            // Fast path: one Character per scalar, so no grapheme breaking is needed.
            if changed {
                originalScalars = scalars
                var view = String.UnicodeScalarView()
                for index in scalars.indices {
                    if let mapped = Self.mappedValue(scalars[index]) { scalars[index] = mapped }
                    view.append(Unicode.Scalar(scalars[index])!)
                }
                normalized = String(view)
            } else {
                originalScalars = []
                normalized = text
            }
            bytes = Array(normalized.utf8)
            var byteAtCharacter = [Int32](repeating: 0, count: scalars.count + 1)
            byteAtCharacter.withUnsafeMutableBufferPointer { byteAtCharacter in
                var byte = 0
                for (index, value) in scalars.enumerated() {
                    byteAtCharacter[index] = Int32(byte)
                    byte += value < 0x80 ? 1 : value < 0x800 ? 2 : value < 0x10000 ? 3 : 4
                }
                byteAtCharacter[scalars.count] = Int32(byte)
            }
            self.scalars = scalars
            // Character arrays are not built: every Character is its scalar.
            original = []
            self.byteAtCharacter = byteAtCharacter
            return
        }
        let normalized = changed ? Self.normalize(text) : text
        self.normalized = normalized
        bytes = Array(normalized.utf8)
        original = Array(text)
        originalScalars = []
        let characters = Array(normalized)
        self.scalars = characters.map { $0.unicodeScalars.first!.value }
        var byteAtCharacter: [Int32] = []
        byteAtCharacter.reserveCapacity(original.count + 1)
        var byte = 0
        for character in normalized {
            byteAtCharacter.append(Int32(byte))
            byte += character.utf8.count
        }
        byteAtCharacter.append(Int32(byte))
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

    /// The Character holding byte `byte` (`count` for the end): a binary search of `byteAtCharacter`,
    /// asked only for match bounds, so no table the size of the text is built.
    func characterOffset(byte: Int) -> Int {
        var lower = 0, upper = count  // the answer is in lower...upper
        while lower < upper {
            let middle = (lower + upper + 1) / 2
            if Int(byteAtCharacter[middle]) <= byte { lower = middle } else { upper = middle - 1 }
        }
        return lower
    }
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
        if !printed.isEmpty { return String(printed[lower..<upper]) }
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
        mappedValue(scalar.value).flatMap(Unicode.Scalar.init)
    }

    @inline(__always) static func mappedValue(_ value: UInt32) -> UInt32? {
        switch value {
        case 0xFF10...0xFF19: return value - 0xFF10 + 0x30  // ０-９
        case 0xFF0E: return 0x2E  // ．
        case 0xFF05: return 0x25  // ％
        case 0xFE6A: return 0x25  // ﹪
        case 0x3000: return 0x20  // ideographic space
        default: return nil
        }
    }
}
