/// What every fuzz target's entry point does: hand its arguments and its test function to libFuzzer's driver.
/// (SwiftPM links each executable with main renamed `<Target>_main`, so each target keeps a one-line
/// `@_cdecl` entry that calls this.)
public func runFuzzer(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
                      _ test: @convention(c) (UnsafeRawPointer, Int) -> CInt) -> CInt {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments, test)
}

@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(_ argc: UnsafeMutablePointer<CInt>,
                         _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                         _ test: @convention(c) (UnsafeRawPointer, Int) -> CInt) -> CInt
