import Testing
import Foundation
@testable import Extraction

@Suite struct TextDecodingTests {
    @Test func decodesGB18030() throws {
        // "中职" in GBK
        let data = Data([0xD6, 0xD0, 0xD6, 0xB0])
        let decoded = try TextDecoding.decode(data).get()
        #expect(decoded.0 == "中职")
        #expect(decoded.1 == .gb18030)
    }
    @Test func rejectsBinary() {
        let data = Data([0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0x01])
        guard case .failure(.binary) = TextDecoding.decode(data) else { Issue.record("expected binary"); return }
    }
}
