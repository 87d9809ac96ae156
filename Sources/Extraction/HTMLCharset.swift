import Foundation

/// Finds the charset an HTML page declares and decodes its bytes in Swift, so libxml2 only ever sees UTF-8.
/// libxml2 2.9 silently truncates a page declaring gb2312 that holds GBK bytes, and turns undeclared GBK
/// into mojibake without an error (platform-notes.md), so it is never left to decide.
enum HTMLCharset {
    /// How the text of a page was obtained.
    struct Decoded {
        var text: String
        /// The encoding actually used (e.g. "UTF-8", "GB18030").
        var encoding: String
        /// The charset label the page declares, lowercased, if any.
        var declared: String?
        var warnings: [String]
    }

    enum Failure: Error, Equatable {
        /// NUL bytes or control characters: an image, archive or other binary file.
        case binary
        case undecodable(String)
    }

    /// Labels that mean "Chinese, GB family": the bytes are decoded as GB18030, a superset of all of them.
    static let gbFamily: Set<String> = ["gb2312", "gbk", "gb18030", "x-gbk", "gb_2312-80", "cp936", "ms936",
                                        "windows-936", "euc-cn", "csgb2312", "iso-ir-58", "chinese", "hz-gb-2312"]
    static let utf8Labels: Set<String> = ["utf-8", "utf8", "unicode-1-1-utf-8", "x-unicode20utf8"]

    static func decode(_ data: Data) -> Result<Decoded, Failure> {
        let declared = declaredCharset(data)
        let bytes = [UInt8](data)
        if !hasByteOrderMark(data) {
            if TextDecoding.looksBinary(bytes) { return .failure(.binary) }
            if let text = String(validating: bytes, as: UTF8.self) {
                return .success(Decoded(text: text, encoding: "UTF-8", declared: declared, warnings: []))
            }
            // UTF-8 with a few bad bytes (a cut-off last character, a stray byte) stays UTF-8: GB18030 would
            // accept those bytes too and turn the whole page into plausible-looking mojibake.
            if let (text, bad) = nearlyUTF8(bytes) {
                return .success(Decoded(text: text, encoding: "UTF-8", declared: declared,
                                        warnings: ["\(bad) invalid UTF-8 sequence(s) replaced (truncated or damaged file?)"]))
            }
            // A declared non-GB charset (latin-1, big5, shift_jis...) is honoured when the bytes fit it.
            if let declared, !gbFamily.contains(declared), !utf8Labels.contains(declared),
               let text = TextDecoding.iconv(bytes, from: declared) {
                return .success(Decoded(text: text, encoding: declared.uppercased(), declared: declared, warnings: []))
            }
        }
        var failure: Failure = .undecodable("undecodable")
        // GB-family or undeclared: the shared decoder (GB18030 whatever gb label is declared). A file cut off
        // in the middle of a two- or four-byte character is retried without its last bytes.
        for cut in 0...3 where bytes.count > cut {
            switch TextDecoding.decode(cut == 0 ? data : data.dropLast(cut), declared: declared) {
            case .success(let (text, encoding)):
                var warnings: [String] = []
                if encoding == .gb18030, let declared, !gbFamily.contains(declared) {
                    warnings.append("declared charset \(declared) does not fit the bytes; decoded as GB18030")
                } else if encoding == .gb18030, declared == nil {
                    warnings.append("no charset declared and the bytes are not UTF-8; decoded as GB18030")
                }
                if cut > 0 {
                    warnings.append("the file ends in the middle of a character (truncated?); \(cut) byte(s) dropped")
                }
                return .success(Decoded(text: text, encoding: encoding.rawValue, declared: declared, warnings: warnings))
            case .failure(.binary):
                return .failure(.binary)
            case .failure(.undecodable(let detail)):
                if cut == 0 { failure = .undecodable(detail) }
            }
        }
        return .failure(failure)
    }

    /// The bytes as UTF-8 when only a handful of sequences are invalid among many valid multi-byte ones.
    /// Counts on the bytes first and gives up early, so GBK pages pay almost nothing for the check.
    static func nearlyUTF8(_ bytes: [UInt8]) -> (String, Int)? {
        let limit = max(3, bytes.count / 3000)
        var bad = 0, multiByte = 0
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0x80 { i += 1; continue }
            let length = b >= 0xF0 && b <= 0xF4 ? 4 : b >= 0xE0 ? (b <= 0xEF ? 3 : 0) : b >= 0xC2 ? 2 : 0
            var valid = length > 0 && i + length <= n
            if valid {
                for k in 1..<length where bytes[i + k] & 0xC0 != 0x80 { valid = false; break }
            }
            if valid { multiByte += 1; i += length } else {
                bad += 1
                if bad > limit { return nil }
                i += 1
            }
        }
        guard bad > 0, multiByte >= 20, bad * 1000 <= max(3000, multiByte) else { return nil }
        return (String(decoding: bytes, as: UTF8.self), bad)
    }

    static func hasByteOrderMark(_ data: Data) -> Bool {
        data.starts(with: [0xEF, 0xBB, 0xBF]) || data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF])
    }

    /// The charset from `<meta charset=...>` or `<meta http-equiv="Content-Type" content="...; charset=...">`
    /// in the first 8 KB, lowercased. Byte-level scan: the page's encoding is not known yet.
    static func declaredCharset(_ data: Data) -> String? {
        let head = [UInt8](data.prefix(8192)).map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        let meta: [UInt8] = Array("<meta".utf8)
        var i = 0
        while let start = find(meta, in: head, from: i) {
            guard let end = head[start...].firstIndex(of: UInt8(ascii: ">")) else { break }
            let tag = Array(head[start..<end])
            if let label = charsetValue(in: tag) { return label }
            i = end
        }
        return nil
    }

    /// The value after `charset=` in one meta tag, covering both the attribute and the Content-Type form.
    private static func charsetValue(in tag: [UInt8]) -> String? {
        guard let at = find(Array("charset".utf8), in: tag, from: 0) else { return nil }
        var j = at + 7
        while j < tag.count, tag[j] == 0x20 || tag[j] == 0x09 { j += 1 }
        guard j < tag.count, tag[j] == UInt8(ascii: "=") else { return nil }
        j += 1
        while j < tag.count, tag[j] == 0x20 || tag[j] == 0x09 || tag[j] == UInt8(ascii: "\"") || tag[j] == UInt8(ascii: "'") { j += 1 }
        var k = j
        while k < tag.count {
            let c = tag[k]
            let ok = (c >= 0x61 && c <= 0x7A) || (c >= 0x30 && c <= 0x39) || c == UInt8(ascii: "-") || c == UInt8(ascii: "_")
                || c == UInt8(ascii: ".") || c == UInt8(ascii: ":")
            if !ok { break }
            k += 1
        }
        guard k > j else { return nil }
        return String(decoding: tag[j..<k], as: UTF8.self)
    }

    static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        ByteSearch.firstIndex(of: needle, in: haystack, from: start)
    }
}

/// First occurrence of a byte string in another, from a byte offset: plain search, which beats Foundation's
/// bridging on Linux for the short needles the HTML reader looks for.
enum ByteSearch {
    static func firstIndex<H: RandomAccessCollection, N: RandomAccessCollection>(of needle: N, in haystack: H, from start: Int) -> Int?
    where H.Element == UInt8, N.Element == UInt8, H.Index == Int, N.Index == Int {
        guard !needle.isEmpty, haystack.count >= needle.count, start <= haystack.count - needle.count else { return nil }
        let first = needle[needle.startIndex]
        let last = haystack.startIndex + haystack.count - needle.count
        var i = haystack.startIndex + start
        while i <= last {
            if haystack[i] == first {
                var k = 1
                while k < needle.count, haystack[i + k] == needle[needle.startIndex + k] { k += 1 }
                if k == needle.count { return i - haystack.startIndex }
            }
            i += 1
        }
        return nil
    }
}
