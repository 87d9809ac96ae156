import Foundation
import FuzzDriver
import NianbaoModel
import Extraction
import NianbaoPipeline

/// Any bytes as an HTML page: charset sniffing, libxml2's parse, article finding, then cleaning and segmentation.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzHTML(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let bytes = Data(bytes: start, count: count)
    if let source = try? Readers.read(path: "fuzz.html", format: .html, data: bytes, options: ReadOptions()) {
        _ = Pipeline().segment(source, docId: "fuzz")
    }
    return 0
}

// SwiftPM links an executable with main = FuzzHTML_main; that entry point hands over to libFuzzer's driver.
@_cdecl("FuzzHTML_main")
public func fuzzHTMLMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv, fuzzHTML)
}
