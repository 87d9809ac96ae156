import Foundation
import NianbaoModel
import CPoppler

/// PDF through poppler-glib. (Placeholder until the PDF issue lands.)
public struct PDFReader: ReportReader {
    public static let formats: [SourceFormat] = [.pdf]
    public init() {}
    public func read(path: String, data: Data, options: ReadOptions) throws(ReadError) -> SourceDocument {
        throw .unsupportedFormat(path: path, detail: "PDF reading is not built yet")
    }
}
