import Foundation

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
        if !trimmed(first) && !trimmed(last) { return String(self) }
        var start = scalars.startIndex, end = scalars.endIndex
        while start < end && trimmed(scalars[start]) { start = scalars.index(after: start) }
        while end > start && trimmed(scalars[scalars.index(before: end)]) { end = scalars.index(before: end) }
        var result = String.UnicodeScalarView()
        result.append(contentsOf: scalars[start..<end])
        return String(result)
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
