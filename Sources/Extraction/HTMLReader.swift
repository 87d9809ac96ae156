import Foundation
import NianbaoModel
import CLibXML2

/// HTML article pages through libxml2. (Placeholder until the HTML issue lands.)
public struct HTMLReader: ReportReader {
    public static let formats: [SourceFormat] = [.html]
    public init() {}
    public func read(path: String, data: Data, options: ReadOptions) throws(ReadError) -> SourceDocument {
        throw .unsupportedFormat(path: path, detail: "HTML reading is not built yet")
    }
}
