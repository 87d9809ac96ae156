import Foundation
import CZlib
import NianbaoModel

/// A segmented document as the store keeps it: a format byte (`SegmentedDocument.archiveFormat`), the
/// length of the binary form (`ArchiveCoding.swift`) as 8 little-endian bytes, then that form deflated with
/// zlib. A rule edit re-runs the rules on it instead of reading the file again; an archive of another format
/// (an older nianbao's) reads as damaged, and the file is then read again.
enum SegmentedArchive {
    enum Failure: Error, CustomStringConvertible {
        case compression(Int32), damaged(String)
        var description: String {
            switch self {
            case .compression(let code): return "zlib error \(code)"
            case .damaged(let detail): return "the stored segmented document is damaged: \(detail)"
            }
        }
    }

    static let headerSize = 9

    static func archive(_ document: SegmentedDocument) throws(Failure) -> Data {
        var writer = ArchiveWriter(capacity: 1 << 16)
        document.archive(to: &writer)
        let plain = writer.bytes
        var bound = compressBound(uLong(plain.count))
        var output = [UInt8](repeating: 0, count: headerSize + Int(bound))
        output[0] = SegmentedDocument.archiveFormat
        for index in 0..<8 { output[1 + index] = UInt8(truncatingIfNeeded: UInt64(plain.count) >> (8 * UInt64(index))) }
        // Level 1: the archive is written for every document read and read back only after a rule edit, and
        // zlib's fastest level costs a fraction of level 6 for a slightly larger blob.
        let status = plain.withUnsafeBufferPointer { source in
            output.withUnsafeMutableBufferPointer { target in
                compress2(target.baseAddress! + headerSize, &bound, source.baseAddress, uLong(plain.count), 1)
            }
        }
        guard status == Z_OK else { throw .compression(status) }
        return Data(output.prefix(headerSize + Int(bound)))
    }

    static func unarchive(_ data: Data) throws(Failure) -> SegmentedDocument {
        guard data.count > headerSize else { throw .damaged("too short") }
        let bytes = [UInt8](data)
        guard bytes[0] == SegmentedDocument.archiveFormat else { throw .damaged("format \(bytes[0])") }
        let length = (0..<8).reduce(UInt64(0)) { $0 | UInt64(bytes[1 + $1]) << (8 * UInt64($1)) }
        guard length < 1 << 34 else { throw .damaged("length \(length)") }
        var plain = [UInt8](repeating: 0, count: Int(length))
        var size = uLong(length)
        let status = plain.withUnsafeMutableBufferPointer { target in
            bytes.withUnsafeBufferPointer { source in
                uncompress(target.baseAddress, &size, source.baseAddress! + headerSize, uLong(bytes.count - headerSize))
            }
        }
        guard status == Z_OK, size == uLong(length) else { throw .damaged("zlib status \(status)") }
        let decoded = plain.withUnsafeBytes { raw in
            Result { () throws(ArchiveDamaged) -> SegmentedDocument in
                var reader = ArchiveReader(raw)
                let document = try SegmentedDocument(unarchiving: &reader)
                guard reader.isAtEnd else { throw ArchiveDamaged(offset: reader.offset, what: "bytes after the document") }
                return document
            }
        }
        switch decoded {
        case .success(let document): return document
        case .failure(let error): throw .damaged(error.description)
        }
    }
}
