import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Decodes the bytes of a text or HTML file: UTF-8 (with or without BOM), UTF-16 with BOM, else GB18030
/// (a superset of GBK and GB2312). Foundation on Linux has no GB18030 decoder, so iconv does it.
public enum TextDecoding {
    public enum Encoding: String, Sendable { case utf8 = "UTF-8", utf16le = "UTF-16LE", utf16be = "UTF-16BE", gb18030 = "GB18030" }

    public enum Failure: Error, Sendable, Equatable {
        case binary
        case undecodable(String)
    }

    /// Decodes `data`, preferring `declared` when the bytes agree with it.
    public static func decode(_ data: Data, declared: String? = nil) -> Result<(String, Encoding), Failure> {
        let bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            guard let s = String(validating: bytes.dropFirst(3), as: UTF8.self) else {
                return .failure(.undecodable("UTF-8 byte-order mark, but the bytes are not valid UTF-8"))
            }
            return .success((s, .utf8))
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            let enc: Encoding = bytes[0] == 0xFF ? .utf16le : .utf16be
            if let s = iconv(Array(bytes.dropFirst(2)), from: enc.rawValue) { return .success((s, enc)) }
            return .failure(.undecodable("UTF-16 byte-order mark, but the bytes are not valid UTF-16"))
        }
        if looksBinary(bytes) { return .failure(.binary) }
        if let s = String(validating: bytes, as: UTF8.self) { return .success((s, .utf8)) }
        // Not UTF-8: whatever is declared (gb2312, gbk, gb18030) the bytes are decoded as GB18030,
        // because pages declaring gb2312 often hold GBK bytes (platform-notes.md).
        if let s = iconv(bytes, from: "GB18030"), plausibleChinese(s) { return .success((s, .gb18030)) }
        let what = declared.map { "declared \($0), " } ?? ""
        return .failure(.undecodable("\(what)bytes are neither UTF-8 nor GB18030/GBK"))
    }

    /// NUL bytes or many C0 control characters mean this is not a text file.
    static func looksBinary(_ bytes: [UInt8]) -> Bool {
        let sample = bytes.prefix(8192)
        if sample.contains(0) { return true }
        let controls = sample.filter { $0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D && $0 != 0x0C && $0 != 0x1B }.count
        return controls * 20 > sample.count
    }

    /// GB18030 decodes almost any byte string; accept it only when most non-ASCII text is common CJK.
    static func plausibleChinese(_ s: String) -> Bool {
        var cjk = 0, other = 0
        for scalar in s.unicodeScalars where scalar.value >= 0x80 {
            switch scalar.value {
            case 0x4E00...0x9FFF, 0x3000...0x303F, 0xFF00...0xFFEF, 0x2010...0x206F: cjk += 1
            default: other += 1
            }
        }
        return cjk + other == 0 || Double(cjk) / Double(cjk + other) > 0.8
    }

    static func iconv(_ bytes: [UInt8], from encoding: String) -> String? {
        let cd = Glibc.iconv_open("UTF-8", encoding)
        if cd == iconv_t(bitPattern: -1) { return nil }
        defer { iconv_close(cd) }
        var input = bytes
        var output = [UInt8](repeating: 0, count: bytes.count * 4 + 16)
        let written: Int? = input.withUnsafeMutableBufferPointer { inBuf in
            output.withUnsafeMutableBufferPointer { outBuf in
                var inPtr = UnsafeMutableRawPointer(inBuf.baseAddress!).assumingMemoryBound(to: CChar.self) as UnsafeMutablePointer<CChar>?
                var inLeft = inBuf.count
                var outPtr = UnsafeMutableRawPointer(outBuf.baseAddress!).assumingMemoryBound(to: CChar.self) as UnsafeMutablePointer<CChar>?
                var outLeft = outBuf.count
                let result = Glibc.iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft)
                return result == -1 || inLeft != 0 ? nil : outBuf.count - outLeft
            }
        }
        guard let written else { return nil }
        return String(validating: output[..<written], as: UTF8.self)
    }
}
