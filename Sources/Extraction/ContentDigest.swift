import Foundation
import CPoppler

/// SHA-256 of a file's bytes, for documents.jsonl. GLib's checksum is already linked (poppler-glib needs
/// GLib), so this costs no extra dependency or build time.
public enum ContentDigest {
    public static func sha256(_ data: Data) -> String {
        data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) -> String in
            let base = buffer.baseAddress?.assumingMemoryBound(to: UInt8.self)
            guard let hex = g_compute_checksum_for_data(G_CHECKSUM_SHA256, base, gsize(buffer.count)) else { return "" }
            defer { nianbao_g_free(hex) }
            return String(cString: hex)
        }
    }
}
