import CPCRE2

/// A PCRE2 pattern compiled once (UTF + UCP, JIT when available) and shared read-only between threads.
/// Swift `Regex` is far too slow for the rules stage (see docs/platform-notes.md); PCRE2 with JIT is not.
final class PCRE2Pattern: @unchecked Sendable {
    // The compiled code is immutable after JIT compilation; PCRE2 documents it as shareable between threads.
    private let code: OpaquePointer
    /// The same pattern compiled anchored, for matches that must start at a given offset.
    private let anchoredCode: OpaquePointer
    let source: String
    /// Where a match can start, when the pattern's text says (`scan` then tries only there).
    let firstScalars: FirstScalarSet?

    struct CompileError: Error {
        let message: String
        /// Byte offset in the pattern where PCRE2 gave up.
        let offset: Int
    }

    /// One match: UTF-8 byte range of the whole match, and the `(*MARK:…)` name the matched branch set, if any.
    struct Match {
        var start: Int
        var end: Int
        var mark: String?
        /// Byte ranges of capture groups 1…n (`nil` for an unset group).
        var groups: [Range<Int>?]
    }

    init(_ pattern: String, caseless: Bool = false) throws(CompileError) {
        var options: UInt32 = UInt32(PCRE2_UTF) | UInt32(PCRE2_UCP)
        if caseless { options |= UInt32(PCRE2_CASELESS) }
        code = try Self.compile(pattern, options: options)
        // Anchored matching uses a second compilation: PCRE2_ANCHORED given at match time turns JIT off.
        anchoredCode = try Self.compile(pattern, options: options | UInt32(PCRE2_ANCHORED))
        source = pattern
        firstScalars = caseless ? nil : FirstScalarSet(pattern: pattern)
    }

    private static func compile(_ pattern: String, options: UInt32) throws(CompileError) -> OpaquePointer {
        var errorCode: Int32 = 0
        var errorOffset: Int = 0
        let compiled: OpaquePointer? = pattern.withCString { pointer in
            pointer.withMemoryRebound(to: UInt8.self, capacity: pattern.utf8.count + 1) { bytes in
                pcre2_compile_8(bytes, nianbao_pcre2_zero_terminated(), options, &errorCode, &errorOffset, nil)
            }
        }
        guard let compiled else {
            var buffer = [UInt8](repeating: 0, count: 256)
            let length = pcre2_get_error_message_8(errorCode, &buffer, buffer.count)
            let message = length > 0 ? String(decoding: buffer.prefix(Int(length)), as: UTF8.self) : "error \(errorCode)"
            throw CompileError(message: message, offset: errorOffset)
        }
        // JIT can be unavailable on some platforms; the interpreter still gives correct (slower) results.
        _ = pcre2_jit_compile_8(compiled, UInt32(PCRE2_JIT_COMPLETE))
        return compiled
    }

    deinit {
        pcre2_code_free_8(code)
        pcre2_code_free_8(anchoredCode)
    }

    /// Every non-overlapping match in `bytes` (valid UTF-8), left to right.
    func matches(in bytes: [UInt8], groupCount: Int = 0) -> [Match] {
        guard let matchData = pcre2_match_data_create_from_pattern_8(code, nil) else { return [] }
        defer { pcre2_match_data_free_8(matchData) }
        var results: [Match] = []
        var start = 0
        let length = bytes.count
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            while start <= length {
                // The text was validated as UTF-8 when it became a Swift String; skip PCRE2's re-check.
                let rc = pcre2_match_8(code, base, length, start, UInt32(PCRE2_NO_UTF_CHECK), matchData, nil)
                if rc < 0 { break }
                let match = Self.match(from: matchData, groupCount: groupCount)
                results.append(match)
                let matchStart = match.start, matchEnd = match.end
                if matchEnd == matchStart {
                    // Empty match: step over one whole UTF-8 character.
                    var next = matchEnd + 1
                    while next < length && (base[next] & 0xC0) == 0x80 { next += 1 }
                    start = next
                } else {
                    start = matchEnd
                }
            }
        }
        return results
    }

    /// The first match inside the byte range `range` of `bytes`, as if that range were the whole subject:
    /// `$` matches at its end and lookaheads stop there (lookbehinds may see before it; the patterns that
    /// use this have none). `anchored` requires the match to start at `range.lowerBound` (`^` of a
    /// substring). Spares building a String and an array for every small window of a block.
    func firstMatch(in bytes: [UInt8], range: Range<Int>, anchored: Bool = false) -> Match? {
        guard range.lowerBound >= 0, range.upperBound <= bytes.count,
              let matchData = pcre2_match_data_create_from_pattern_8(code, nil) else { return nil }
        defer { pcre2_match_data_free_8(matchData) }
        return bytes.withUnsafeBufferPointer { buffer -> Match? in
            guard let base = buffer.baseAddress else { return nil }
            let rc = pcre2_match_8(anchored ? anchoredCode : code, base, range.upperBound, range.lowerBound,
                                   UInt32(PCRE2_NO_UTF_CHECK), matchData, nil)
            return rc < 0 ? nil : Self.match(from: matchData, groupCount: 0)
        }
    }

    /// Every non-overlapping match in analysed text, as `matches(in: text.bytes)` finds them, but trying the
    /// pattern anchored only at Characters that can start a match: PCRE2 cannot skip ahead in Chinese
    /// text on its own (every ideograph starts with one of a few UTF-8 bytes).
    func matches(in text: AnalysedText, groupCount: Int = 0) -> [Match] {
        guard text.isSimple, firstScalars != nil else { return matches(in: text.bytes, groupCount: groupCount) }
        return scan(text, characters: 0..<text.count, firstOnly: false, groupCount: groupCount)
    }

    /// The first match starting in a Character range of analysed text, the range's end being the end of
    /// the subject (as `firstMatch(in: text.bytes, range: text.byteRange(characters))`).
    func firstMatch(in text: AnalysedText, characters: Range<Int>) -> Match? {
        guard text.isSimple, firstScalars != nil else {
            return firstMatch(in: text.bytes, range: text.byteRange(characters))
        }
        return scan(text, characters: characters, firstOnly: true, groupCount: 0).first
    }

    private func scan(_ text: AnalysedText, characters: Range<Int>, firstOnly: Bool, groupCount: Int) -> [Match] {
        guard let first = firstScalars, let matchData = pcre2_match_data_create_from_pattern_8(code, nil) else { return [] }
        defer { pcre2_match_data_free_8(matchData) }
        let lower = max(0, characters.lowerBound), upper = min(characters.upperBound, text.count)
        guard lower < upper else { return [] }
        let subjectEnd = text.byteOffset(character: upper)
        var results: [Match] = []
        text.bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            text.scalars.withUnsafeBufferPointer { scalars in
                var character = lower
                // The pattern cannot match empty text (`FirstScalarSet` gives up on those), so a match
                // starts before `upper`.
                while character < upper {
                    guard first.contains(scalars[character]) else { character += 1; continue }
                    let rc = pcre2_match_8(anchoredCode, base, subjectEnd, text.byteOffset(character: character),
                                           UInt32(PCRE2_NO_UTF_CHECK), matchData, nil)
                    guard rc >= 0 else { character += 1; continue }
                    let match = Self.match(from: matchData, groupCount: groupCount)
                    results.append(match)
                    if firstOnly { return }
                    character = max(character + 1, text.characterOffset(byte: match.end))
                }
            }
        }
        return results
    }

    /// The match `matchData` holds, with its mark and `groupCount` capture groups.
    private static func match(from matchData: OpaquePointer, groupCount: Int) -> Match {
        let ovector = pcre2_get_ovector_pointer_8(matchData)!
        var mark: String?
        if let markPointer = pcre2_get_mark_8(matchData) {
            // A mark name is preceded by its length in code units.
            mark = String(decoding: UnsafeBufferPointer(start: markPointer, count: Int(markPointer[-1])), as: UTF8.self)
        }
        var groups: [Range<Int>?] = []
        if groupCount > 0 {
            let pairs = Int(pcre2_get_ovector_count_8(matchData))
            for group in 1...groupCount {
                // PCRE2_UNSET (~0) marks an unset group; PCRE2_SIZE imports as Int, so it reads as -1.
                if group < pairs, Int(ovector[2 * group]) >= 0 {
                    groups.append(Int(ovector[2 * group])..<Int(ovector[2 * group + 1]))
                } else {
                    groups.append(nil)
                }
            }
        }
        return Match(start: Int(ovector[0]), end: Int(ovector[1]), mark: mark, groups: groups)
    }

    /// A pattern written in the source, not in a rule file: a mistake in it is a programming error.
    convenience init(constant pattern: String) {
        do { try self.init(pattern) } catch {
            fatalError("built-in pattern \(pattern) does not compile at \(error.offset): \(error.message)")
        }
    }

    /// The first match in `text`, as a range of its String indices.
    func firstMatch(in text: String) -> Range<String.Index>? {
        let bytes = Array(text.utf8)
        guard let match = firstMatch(in: bytes, range: 0..<bytes.count) else { return nil }
        let utf8 = text.utf8
        return utf8.index(utf8.startIndex, offsetBy: match.start)..<utf8.index(utf8.startIndex, offsetBy: match.end)
    }

}

/// Escapes a literal word for use inside a PCRE2 pattern.
func pcre2Escape(_ literal: String) -> String {
    var out = ""
    for character in literal {
        if "\\^$.|?*+()[]{}/#".contains(character) { out.append("\\") }
        out.append(character)
    }
    return out
}
