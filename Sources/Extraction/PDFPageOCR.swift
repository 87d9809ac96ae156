import Foundation
import NianbaoModel

/// Text for an image-only page from tesseract: the page is rendered with `pdftoppm`, smoothed and
/// recognised as simplified Chinese (`OCRSettings`), and each line normalised (`OCRTextNormaliser`).
/// Both are external programs, so nothing here touches poppler-glib.
enum PDFPageOCR {
    struct Problem: Error { var reason: String }

    static let installHint = "install `tesseract-ocr tesseract-ocr-chi-sim` (and `poppler-utils` for pdftoppm)"

    static func recognise(path: String, page: Int, password: String?) -> Result<[SourceLine], Problem> {
        guard let tesseract = executable("tesseract") else {
            return .failure(Problem(reason: "tesseract is not installed; \(installHint)"))
        }
        guard let pdftoppm = executable("pdftoppm") else {
            return .failure(Problem(reason: "pdftoppm is not installed; \(installHint)"))
        }
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("nianbao-ocr-\(UUID().uuidString)")
        do { try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true) } catch {
            return .failure(Problem(reason: "cannot make a temporary directory: \(error)"))
        }
        defer { try? FileManager.default.removeItem(at: directory) }
        let imageBase = directory.appendingPathComponent("page").path
        var renderArguments = ["-f", "\(page)", "-l", "\(page)", "-r", "\(OCRSettings.dpi)", "-gray", "-singlefile"]
        if let password { renderArguments += ["-upw", password] }
        renderArguments += [path, imageBase]
        guard run(pdftoppm, renderArguments).status == 0 else {
            return .failure(Problem(reason: "pdftoppm could not render the page"))
        }
        let image: String
        do { image = try OCRPageImage.smoothedCopy(of: imageBase + ".pgm") } catch {
            return .failure(Problem(reason: error.reason))
        }
        let recognised = run(tesseract, [image, "stdout"] + OCRSettings.tesseractArguments)
        guard recognised.status == 0 else {
            return .failure(Problem(reason: "tesseract failed (is the chi_sim language installed? \(installHint))"))
        }
        var lines: [SourceLine] = []
        var blankBefore = true
        for raw in recognised.output.split(separator: "\n", omittingEmptySubsequences: false) {
            let text = OCRTextNormaliser.normalise(String(raw))
            if text.isEmpty { blankBefore = true; continue }
            lines.append(SourceLine(text: text, page: page, line: lines.count + 1, startsBlock: blankBefore))
            blankBefore = false
        }
        return .success(lines)
    }

    static func executable(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            let candidate = "\(directory)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    private static func run(_ executable: String, _ arguments: [String]) -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return (-1, "") }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
