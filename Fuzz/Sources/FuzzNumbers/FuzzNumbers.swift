import Foundation
import FuzzDriver
import Numbers

/// Any UTF-8 line through the number parser and its JSON output (what `nianbao numbers` prints).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzNumbers(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let line = String(decoding: UnsafeRawBufferPointer(start: start, count: count), as: UTF8.self)
    let found = NumberParser().parse(line)
    _ = NumberJSON.line(input: line, found: found)
    return 0
}

// SwiftPM links an executable with main = FuzzNumbers_main; that entry point hands over to libFuzzer's driver.
@_cdecl("FuzzNumbers_main")
public func fuzzNumbersMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv, fuzzNumbers)
}
