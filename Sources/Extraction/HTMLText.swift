import Foundation

/// Whitespace and character classes for HTML text, written over Unicode scalars (no Regex: hot path).
enum HTMLText {
    /// Whitespace as HTML renders it, plus the no-break and ideographic spaces pages use for indentation.
    @inline(__always)
    static func isSpace(_ v: UInt32) -> Bool {
        v == 0x20 || v == 0x09 || v == 0x0A || v == 0x0D || v == 0x0C || v == 0xA0 || v == 0x3000
            || v == 0x200B || v == 0xFEFF || v == 0x2002 || v == 0x2003 || v == 0x2009
    }

    /// Han ideographs and the punctuation that sits between them, where a source line break is not a space.
    @inline(__always)
    static func isCJK(_ v: UInt32) -> Bool {
        (v >= 0x4E00 && v <= 0x9FFF) || (v >= 0x3400 && v <= 0x4DBF) || (v >= 0x3001 && v <= 0x303F)
            || (v >= 0xFF00 && v <= 0xFFEF) || (v >= 0x2010 && v <= 0x2027) || (v >= 0x20000 && v <= 0x2FFFF)
            || (v >= 0xF900 && v <= 0xFAFF)
    }

    /// Collapses whitespace runs to one space and trims the ends. A run holding a line break between two CJK
    /// characters disappears: it is source wrapping (or a cell's paragraph break), not a space in the text.
    static func collapse(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        var pendingBreak = false
        var last: UInt32 = 0
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if isSpace(v) {
                if !out.isEmpty {
                    pendingSpace = true
                    if v == 0x0A || v == 0x0D { pendingBreak = true }
                }
                continue
            }
            if pendingSpace {
                if !(pendingBreak && isCJK(last) && isCJK(v)) { out.append(" ") }
                pendingSpace = false
                pendingBreak = false
            }
            out.append(scalar)
            last = v
        }
        return String(out)
    }

    /// Substring test on UTF-8 bytes. Foundation's `contains`/`range(of:)` bridge through NSString on Linux,
    /// which made them the slowest part of reading a page.
    static func contains(_ haystack: String, _ needle: String) -> Bool {
        firstOffset(of: needle, in: haystack) != nil
    }

    /// Byte offset of `needle` in the UTF-8 of `haystack`.
    static func firstOffset(of needle: String, in haystack: String, from start: Int = 0) -> Int? {
        var haystack = haystack
        var needle = needle
        return haystack.withUTF8 { h in needle.withUTF8 { n in ByteSearch.firstIndex(of: n, in: h, from: start) } }
    }

    /// Characters other than whitespace: how much text a node holds. Counted on the UTF-8 bytes (one per
    /// scalar start), the spaces `isSpace` knows subtracted; this runs over every text node twice.
    static func visibleCount(_ text: String) -> Int {
        var text = text
        return text.withUTF8 { bytes in
            var count = 0
            var i = 0
            let n = bytes.count
            while i < n {
                let b = bytes[i]
                if b < 0x80 {
                    if !(b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0C) { count += 1 }
                    i += 1
                    continue
                }
                if b & 0xC0 == 0x80 { i += 1; continue }
                // Multi-byte spaces: U+00A0 (C2 A0), U+3000 (E3 80 80), U+2002/2003/2009/200B (E2 80 xx), U+FEFF.
                if b == 0xC2, i + 1 < n, bytes[i + 1] == 0xA0 { i += 2; continue }
                if b == 0xE3, i + 2 < n, bytes[i + 1] == 0x80, bytes[i + 2] == 0x80 { i += 3; continue }
                if b == 0xE2, i + 2 < n, bytes[i + 1] == 0x80,
                   bytes[i + 2] == 0x82 || bytes[i + 2] == 0x83 || bytes[i + 2] == 0x89 || bytes[i + 2] == 0x8B { i += 3; continue }
                if b == 0xEF, i + 2 < n, bytes[i + 1] == 0xBB, bytes[i + 2] == 0xBF { i += 3; continue }
                count += 1
                i += 1
            }
            return count
        }
    }

    /// The first date in `text` written as 2022-02-14, 2022/2/14, 2022.02.14 or 2022年2月14日, as YYYY-MM-DD.
    static func firstDate(in text: String) -> String? {
        let scalars = Array(text.unicodeScalars)
        var i = 0
        while i + 4 <= scalars.count {
            if let date = date(at: i, in: scalars) { return date }
            i += 1
        }
        return nil
    }

    private static func digitValue(_ s: Unicode.Scalar) -> Int? {
        let v = s.value
        if v >= 0x30 && v <= 0x39 { return Int(v - 0x30) }
        if v >= 0xFF10 && v <= 0xFF19 { return Int(v - 0xFF10) }
        return nil
    }

    private static func date(at start: Int, in s: [Unicode.Scalar]) -> String? {
        if start > 0, digitValue(s[start - 1]) != nil { return nil }
        var i = start
        func number(maxDigits: Int) -> Int? {
            var value = 0, digits = 0
            while i < s.count, digits < maxDigits, let d = digitValue(s[i]) { value = value * 10 + d; digits += 1; i += 1 }
            return digits == 0 ? nil : value
        }
        func separator(_ allowed: [Unicode.Scalar]) -> Bool {
            while i < s.count, s[i] == " " { i += 1 }
            guard i < s.count, allowed.contains(s[i]) else { return false }
            i += 1
            while i < s.count, s[i] == " " { i += 1 }
            return true
        }
        guard let year = number(maxDigits: 4), i - start == 4, year >= 1990, year <= 2100 else { return nil }
        guard separator(["-", "/", ".", "年", "－"]) else { return nil }
        guard let month = number(maxDigits: 2), (1...12).contains(month) else { return nil }
        guard separator(["-", "/", ".", "月", "－"]) else { return nil }
        guard let day = number(maxDigits: 2), (1...31).contains(day) else { return nil }
        if i < s.count, digitValue(s[i]) != nil { return nil }
        return String(format: "%04d-%02d-%02d", year, month, day)
    }
}
