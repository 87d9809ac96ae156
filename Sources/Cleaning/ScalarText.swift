import Foundation

extension String {
    /// The Character count of `self + other`, given `count` (this string's), walking only `other` and this
    /// string's last Character: that is the only one that can merge with what follows, and the breaks before
    /// it depend on what precedes them alone (`String.count` walked the whole paragraph at every line).
    func characterCount(appending other: String, count: Int) -> Int {
        guard let last = last else { return other.count }
        return count - 1 + (String(last) + other).count
    }
}

/// Trimming and counting without Foundation's NSString bridge, which dominated the cost of cleaning a long
/// document (most lines have nothing to trim, and the bridge copied each one anyway). Results equal
/// `trimmingCharacters(in:)` with the matching `CharacterSet`.
extension StringProtocol {
    /// `trimmingCharacters(in: .whitespaces)`: tab and the space separators (Unicode category Zs).
    public func trimmingSpaces() -> String {
        trimmingScalars { $0 == "\t" || $0.properties.generalCategory == .spaceSeparator }
    }

    /// `trimmingCharacters(in: .whitespacesIncludingIdeographic)`: Unicode White_Space (which holds the
    /// ideographic and no-break spaces) and the byte-order mark.
    public func trimmingWhitespaceIncludingIdeographic() -> String {
        trimmingScalars { $0.properties.isWhitespace || $0 == "\u{FEFF}" }
    }

    func trimmingScalars(_ trimmed: (Unicode.Scalar) -> Bool) -> String {
        let scalars = unicodeScalars
        guard let first = scalars.first, let last = scalars.last else { return "" }
        // Copied as UTF-8: in this generic context `String(self)` walked a Substring Character by Character.
        if !trimmed(first) && !trimmed(last) { return (self as? String) ?? String(decoding: utf8, as: UTF8.self) }
        var start = scalars.startIndex, end = scalars.endIndex
        while start < end && trimmed(scalars[start]) { start = scalars.index(after: start) }
        while end > start && trimmed(scalars[scalars.index(before: end)]) { end = scalars.index(before: end) }
        return String(decoding: utf8[start..<end], as: UTF8.self)
    }

    /// `count <= limit`, without walking a long text to its end: a text of at most `limit` UTF-8 bytes has
    /// at most as many Characters, and otherwise only the first `limit` Characters are walked.
    public func hasAtMostCharacters(_ limit: Int) -> Bool {
        utf8.count <= limit || dropFirst(limit).isEmpty
    }

    /// Whether `needle` occurs, byte for byte (Foundation's `contains` goes through NSString).
    public func containsLiteral(_ needle: String) -> Bool {
        let pattern = Array(needle.utf8), bytes = Array(utf8)
        guard let head = pattern.first else { return true }
        guard bytes.count >= pattern.count else { return false }
        for start in 0...(bytes.count - pattern.count) where bytes[start] == head {
            if bytes[start..<start + pattern.count].elementsEqual(pattern) { return true }
        }
        return false
    }

    /// Whether any of `needles` (UTF-8) occurs, the text's bytes read once for all of them (in place when the
    /// text is stored contiguously, as native Strings are).
    public func containsAnyLiteral(_ needles: [[UInt8]]) -> Bool {
        func search(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            guard !needles.contains(where: \.isEmpty) else { return true }
            for start in bytes.indices {
                let byte = bytes[start]
                for needle in needles where needle[0] == byte && start + needle.count <= bytes.count {
                    var k = 1
                    while k < needle.count && bytes[start + k] == needle[k] { k += 1 }
                    if k == needle.count { return true }
                }
            }
            return false
        }
        if let found = utf8.withContiguousStorageIfAvailable(search) { return found }
        return Array(utf8).withUnsafeBufferPointer(search)
    }

    /// How many times `needle` occurs, not overlapping (what `components(separatedBy:).count - 1` counts).
    public func occurrences(of needle: String) -> Int {
        let haystack = Array(utf8), pattern = Array(needle.utf8)
        guard !pattern.isEmpty, haystack.count >= pattern.count else { return 0 }
        var count = 0, index = 0
        let lastStart = haystack.count - pattern.count
        while index <= lastStart {
            if haystack[index] == pattern[0] && haystack[index..<index + pattern.count].elementsEqual(pattern) {
                count += 1
                index += pattern.count
            } else {
                index += 1
            }
        }
        return count
    }
}
