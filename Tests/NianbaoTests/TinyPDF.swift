import Foundation

/// Writes a valid PDF of many small pages, each with a line of Helvetica text, in milliseconds:
/// big-document tests need page count, not typesetting.
enum TinyPDF {
    static func document(pages: Int, text: (Int) -> String) -> Data {
        var body = "%PDF-1.4\n"
        var offsets: [Int] = []
        func object(_ content: String) {
            offsets.append(body.utf8.count)
            body += "\(offsets.count) 0 obj\n\(content)\nendobj\n"
        }
        // Objects: 1 catalog, 2 page tree, 3 font, then page i at 4 + 2i and its content stream after it.
        let kids = (0..<pages).map { "\(4 + 2 * $0) 0 R" }.joined(separator: " ")
        object("<< /Type /Catalog /Pages 2 0 R >>")
        object("<< /Type /Pages /Kids [\(kids)] /Count \(pages) >>")
        object("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
        for page in 0..<pages {
            object("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
                   + "/Resources << /Font << /F1 3 0 R >> >> /Contents \(5 + 2 * page) 0 R >>")
            let escaped = text(page + 1).replacingOccurrences(of: "\\", with: "\\\\")
                .replacingOccurrences(of: "(", with: "\\(").replacingOccurrences(of: ")", with: "\\)")
            let stream = "BT /F1 12 Tf 72 760 Td (\(escaped)) Tj ET"
            object("<< /Length \(stream.utf8.count) >>\nstream\n\(stream)\nendstream")
        }
        let xref = body.utf8.count
        body += "xref\n0 \(offsets.count + 1)\n0000000000 65535 f \n"
        for offset in offsets { body += String(format: "%010d 00000 n \n", offset) }
        body += "trailer\n<< /Size \(offsets.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        return Data(body.utf8)
    }
}
