import COpenCC
import Synchronization

public enum ScriptConversionError: Error, Sendable, Equatable, CustomStringConvertible {
    /// OpenCC could not load a configuration (the data package `libopencc-data` missing, a bad file).
    case configurationUnavailable(configuration: String, reason: String)
    /// OpenCC failed on a text it was given.
    case conversionFailed(configuration: String, reason: String)

    public var description: String {
        switch self {
        case let .configurationUnavailable(configuration, reason):
            "OpenCC configuration \(configuration) could not be loaded: \(reason)"
        case let .conversionFailed(configuration, reason):
            "OpenCC conversion with \(configuration) failed: \(reason)"
        }
    }
}

/// Traditional → simplified conversion through OpenCC (`t2s.json`: phrases first, then characters).
///
/// The result always has as many Characters as the input, so offsets carry over unchanged: OpenCC's
/// t2s dictionaries map every key to a value of the same length, and should a conversion ever change
/// the length, the text is converted Character by Character instead, keeping any Character whose
/// conversion is not exactly one Character. A text holding none of the dictionaries' `ConversionTriggers`
/// is returned as it is, without asking OpenCC (whose dictionary lookups dominated cleaning).
public struct ScriptConverter: Sendable {
    public let configuration: String
    private let handle: OpenCCHandle
    /// nil when the dictionaries could not be listed: every text is then converted.
    let triggers: ConversionTriggers?

    /// The converter the cleaning stage uses; an error when OpenCC's data is not installed.
    public static let traditionalToSimplified: Result<ScriptConverter, ScriptConversionError> = {
        do throws(ScriptConversionError) {
            return .success(try ScriptConverter(configuration: "t2s.json"))
        } catch {
            return .failure(error)
        }
    }()

    /// `configuration` is an OpenCC config file name (looked up in OpenCC's data folder) or a path.
    public init(configuration: String) throws(ScriptConversionError) {
        self.configuration = configuration
        handle = try OpenCCHandle(configuration: configuration)
        triggers = ConversionTriggers(configuration: configuration)
    }

    /// `text` in simplified script, Character for Character.
    public func simplified(_ text: String) throws(ScriptConversionError) -> String {
        if let triggers, !triggers.occur(in: text) { return text }
        return try converted(text)
    }

    /// `text` through OpenCC, whether or not it holds a trigger.
    func converted(_ text: String) throws(ScriptConversionError) -> String {
        guard text.unicodeScalars.contains(where: { $0.value >= 0x2E80 }) else { return text }
        let converted = try handle.convert(text)
        if converted.count == text.count { return converted }
        var result = ""
        for character in text {
            let one = try handle.convert(String(character))
            result += one.count == 1 ? one : String(character)
        }
        return result
    }
}

/// One open OpenCC converter. OpenCC keeps its last error in a global, so calls are serialised.
private final class OpenCCHandle: Sendable {
    private let converter: Mutex<opencc_t>
    private let configuration: String

    init(configuration: String) throws(ScriptConversionError) {
        let opened = opencc_open(configuration)
        guard let opened, nianbao_opencc_is_valid(opened) != 0 else {
            throw .configurationUnavailable(configuration: configuration, reason: Self.lastError())
        }
        self.configuration = configuration
        converter = Mutex(opened)
    }

    deinit {
        converter.withLock { _ = opencc_close($0) }
    }

    func convert(_ text: String) throws(ScriptConversionError) -> String {
        let outcome: Result<String, ScriptConversionError> = converter.withLock { handle in
            var utf8 = Array(text.utf8)
            let length = utf8.count
            utf8.append(0)
            let output = utf8.withUnsafeBufferPointer { buffer in
                buffer.withMemoryRebound(to: CChar.self) { opencc_convert_utf8(handle, $0.baseAddress, length) }
            }
            guard let output, nianbao_opencc_output_is_valid(output) != 0 else {
                return .failure(.conversionFailed(configuration: configuration, reason: Self.lastError()))
            }
            defer { opencc_convert_utf8_free(output) }
            return .success(String(cString: output))
        }
        return try outcome.get()
    }

    private static func lastError() -> String {
        guard let message = opencc_error() else { return "unknown error" }
        return String(cString: message)
    }
}
