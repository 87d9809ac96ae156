import Foundation
import NianbaoModel
import RuleFiles

/// Options that some readers use.
public struct ReadOptions: Sendable {
    /// Password for encrypted PDFs.
    public var password: String?
    /// Recognise image-only PDF pages with tesseract when it is installed.
    public var ocr: Bool
    /// Seconds one PDF page may take before it is abandoned.
    public var pageTimeout: Double
    /// Seconds one whole file may take to read; past it the file is abandoned as failed, even when a
    /// C library call hangs and cannot be interrupted (the reading thread is left behind).
    public var fileTimeout: Double = 300
    /// Threads that may read the pages of one PDF (and OCR its image-only pages) at once; each opens its own
    /// poppler document. 1 reads page after page. Defaults to the machine's cores.
    public var pageThreads: Int = ProcessInfo.processInfo.activeProcessorCount
    /// The words of page numbers, a web page's info bar and table captions (`rules/documents.yaml`).
    public var words: DocumentWords = .shipped
    public init(password: String? = nil, ocr: Bool = false, pageTimeout: Double = 20) {
        self.password = password
        self.ocr = ocr
        self.pageTimeout = pageTimeout
    }
}

/// One reader per input format, each producing a `SourceDocument`.
public protocol ReportReader: Sendable {
    static var formats: [SourceFormat] { get }
    func read(path: String, data: Data, options: ReadOptions) throws(ReadError) -> SourceDocument
}

public enum Readers {
    /// File extensions nianbao imports, by format.
    public static func format(forExtension ext: String) -> SourceFormat? {
        switch ext.lowercased() {
        case "pdf": return .pdf
        case "html", "htm", "xhtml": return .html
        case "txt", "text": return .text
        case "md", "markdown", "wiki", "mediawiki": return .markdown
        default: return nil
        }
    }

    /// Reads a file on a thread of its own and gives up after `options.fileTimeout` seconds, so that one
    /// file whose parsing hangs inside a C library cannot stop a batch.
    public static func readWithDeadline(path: String, data: Data? = nil,
                                        options: ReadOptions = ReadOptions()) throws(ReadError) -> SourceDocument {
        final class Box: @unchecked Sendable { var result: Result<SourceDocument, ReadError>? }
        let box = Box()
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            do throws(ReadError) {
                if let data, let format = format(forExtension: URL(fileURLWithPath: path).pathExtension) {
                    box.result = .success(try read(path: path, format: format, data: data, options: options))
                } else {
                    box.result = .success(try read(path: path, options: options))
                }
            } catch {
                box.result = .failure(error)
            }
            done.signal()
        }
        thread.stackSize = 8 << 20
        thread.start()
        guard done.wait(timeout: .now() + options.fileTimeout) == .success, let result = box.result else {
            throw .timedOut(path: path, seconds: options.fileTimeout)
        }
        return try result.get()
    }

    /// Reads any supported file; every failure is a `ReadError` naming the file.
    public static func read(path: String, options: ReadOptions = ReadOptions()) throws(ReadError) -> SourceDocument {
        let url = URL(fileURLWithPath: path)
        guard let format = format(forExtension: url.pathExtension) else {
            throw .unsupportedFormat(path: path, detail: "extension '.\(url.pathExtension)' is not pdf, html, htm, txt, md or wiki")
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else {
            throw .notFound(path: path)
        }
        let data: Data
        do { data = try Data(contentsOf: url) } catch { throw .notFound(path: path) }
        return try read(path: path, format: format, data: data, options: options)
    }

    /// Every reader; each declares the formats it reads.
    public static let all: [any ReportReader] = [TextReader(), MarkdownReader(), PDFReader(), HTMLReader()]

    /// The reader that declares `format`.
    public static func reader(for format: SourceFormat) -> (any ReportReader)? {
        all.first { type(of: $0).formats.contains(format) }
    }

    /// Reads bytes already loaded (the importer hashes them too, so a file is read from disk once).
    public static func read(path: String, format: SourceFormat, data: Data, options: ReadOptions) throws(ReadError) -> SourceDocument {
        guard !data.isEmpty else { throw .empty(path: path) }
        guard let reader = reader(for: format) else {
            throw .unsupportedFormat(path: path, detail: "no reader declares the format \(format.rawValue)")
        }
        return try reader.read(path: path, data: data, options: options)
    }
}
