import Foundation
import FuzzDriver
import NianbaoModel
import Extraction
import NianbaoPipeline

/// Any bytes as a PDF: the container checks, poppler's parse, line building, furniture, paragraphs, then
/// cleaning and segmentation.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPDF(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let bytes = Data(bytes: start, count: count)
    if let source = try? Readers.read(path: "fuzz.pdf", format: .pdf, data: bytes, options: ReadOptions()) {
        _ = Pipeline().segment(source, docId: "fuzz")
    }
    return 0
}

// SwiftPM links an executable with main = FuzzPDF_main; that entry point hands over to libFuzzer's driver.
@_cdecl("FuzzPDF_main")
public func fuzzPDFMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv, fuzzPDF)
}
