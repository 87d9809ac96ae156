import ArgumentParser
import Foundation
import Extraction
import NianbaoPipeline
import NianbaoModel

/// Options every command that reads reports shares.
struct ReadingOptions: ParsableArguments {
    @Option(help: "Password for encrypted PDFs.")
    var password: String?

    @ArgumentParser.Flag(help: "Recognise image-only PDF pages with tesseract (needs tesseract-ocr and tesseract-ocr-chi-sim).")
    var ocr = false

    @Option(help: "Seconds one PDF page may take before it is abandoned.")
    var pageTimeout: Double = 20

    @Option(help: "Seconds one whole file may take to read before it is abandoned as failed.")
    var fileTimeout: Double = 300

    /// Reads and segments one report for `extract` and `outline`; a read failure is the command's error.
    func segment(_ file: String) throws -> (SourceDocument, SegmentedDocument) {
        let source: SourceDocument
        do { source = try Readers.read(path: file, options: readOptions) } catch {
            throw ValidationFailure(message: error.description)
        }
        let doc = Pipeline(readOptions: readOptions)
            .segment(source, docId: URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent)
        return (source, doc)
    }

    var readOptions: ReadOptions {
        var options = ReadOptions(password: password, ocr: ocr, pageTimeout: pageTimeout)
        options.fileTimeout = fileTimeout
        return options
    }
}

/// An input problem: printed as the message alone, exit status 1.
struct ValidationFailure: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}
