import Foundation
import FuzzDriver
import NianbaoModel
import Extraction
import NianbaoPipeline

/// Any bytes as a text report: encoding detection, the text reader, then cleaning and segmentation.
/// The first byte chooses .txt or .md, so Markdown markup is fuzzed too.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzText(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let bytes = Data(bytes: start, count: count)
    _ = TextDecoding.decode(bytes)
    _ = TextDecoding.decode(bytes, declared: "gbk")
    let format: SourceFormat = bytes.first.map { $0 & 1 == 0 } ?? true ? .text : .markdown
    if let source = try? Readers.read(path: "fuzz.txt", format: format, data: bytes, options: ReadOptions()) {
        _ = Pipeline().segment(source, docId: "fuzz")
    }
    return 0
}

// SwiftPM links an executable with main = FuzzText_main; that entry point hands over to libFuzzer's driver.
@_cdecl("FuzzText_main")
public func fuzzTextMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv, fuzzText)
}
