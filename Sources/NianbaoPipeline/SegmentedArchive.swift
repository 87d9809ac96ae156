import Foundation
import CZlib
import NianbaoModel

/// A segmented document as the store keeps it: JSON (the model is `Codable`), deflated with zlib, after an
/// 8-byte little-endian length. A rule edit re-runs the rules on it instead of reading the file again.
enum SegmentedArchive {
    enum Failure: Error, CustomStringConvertible {
        case encoding(String), compression(Int32), damaged
        var description: String {
            switch self {
            case .encoding(let detail): return "cannot encode the segmented document: \(detail)"
            case .compression(let code): return "zlib error \(code)"
            case .damaged: return "the stored segmented document is damaged"
            }
        }
    }

    static func archive(_ document: SegmentedDocument) throws(Failure) -> Data {
        let json: Data
        do { json = try JSONEncoder().encode(document) } catch { throw .encoding(String(describing: error)) }
        var bound = compressBound(uLong(json.count))
        var output = [UInt8](repeating: 0, count: 8 + Int(bound))
        var length = UInt64(json.count).littleEndian
        withUnsafeBytes(of: &length) { output.replaceSubrange(0..<8, with: $0) }
        let status = json.withUnsafeBytes { source in
            output.withUnsafeMutableBufferPointer { target in
                compress2(target.baseAddress! + 8, &bound, source.bindMemory(to: Bytef.self).baseAddress,
                          uLong(json.count), 6)
            }
        }
        guard status == Z_OK else { throw .compression(status) }
        return Data(output.prefix(8 + Int(bound)))
    }

    static func unarchive(_ data: Data) throws(Failure) -> SegmentedDocument {
        guard data.count > 8 else { throw .damaged }
        let bytes = [UInt8](data)
        let length = bytes[0..<8].enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) }
        guard length < 1 << 34 else { throw .damaged }
        var json = [UInt8](repeating: 0, count: Int(length))
        var size = uLong(length)
        let status = json.withUnsafeMutableBufferPointer { target in
            bytes.withUnsafeBufferPointer { source in
                uncompress(target.baseAddress, &size, source.baseAddress! + 8, uLong(bytes.count - 8))
            }
        }
        guard status == Z_OK, size == uLong(length) else { throw .damaged }
        do { return try JSONDecoder().decode(SegmentedDocument.self, from: Data(json)) } catch { throw .damaged }
    }
}
