import Foundation
import CPoppler

/// One glyph as poppler placed it: the character, its box in points (origin top-left) and its font.
/// Only plain Swift values leave this file; poppler and GLib types stay inside `PopplerDocumentHandle`.
struct PDFGlyph: Sendable {
    var scalar: Unicode.Scalar
    var minX: Double
    var minY: Double
    var maxX: Double
    var maxY: Double
    var fontSize: Double
    /// Index into the font-name table of the glyph's page (`PDFPageGlyphs.fontNames`) until the reader
    /// renumbers it into the document's table.
    var fontIndex: Int
    var midY: Double { (minY + maxY) / 2 }
    var height: Double { maxY - minY }
}

/// The glyphs of one page, in poppler's order, without whitespace (spacing is rebuilt from positions).
struct PDFPageGlyphs: Sendable {
    var number: Int
    var width: Double
    var height: Double
    var glyphs: [PDFGlyph]
    /// The page's font names in the order its text runs first use them. Page-local, so that pages read by
    /// different documents on different threads can be merged into one table exactly as a single pass would.
    var fontNames: [String] = []
}

enum PDFOpenFailure: Error {
    case encrypted
    case damaged(String)
}

/// Owns one `PopplerDocument`. Not Sendable on purpose: poppler objects are not thread-safe, so each thread
/// that reads pages opens a handle of its own and never passes it on.
final class PopplerDocumentHandle {
    private let document: OpaquePointer

    /// Opens from memory (faster than by path: poppler reads a path with many tiny reads).
    init(data: Data, password: String?) throws(PDFOpenFailure) {
        var error: UnsafeMutablePointer<GError>?
        let opened: OpaquePointer? = data.withUnsafeBytes { raw in
            if let password {
                // A separate path: the bytes-based open crashes on a wrong password (see shim.h).
                return nianbao_document_new_with_password(raw.baseAddress, gsize(raw.count), password, &error)
            }
            let bytes = g_bytes_new(raw.baseAddress, gsize(raw.count))
            defer { g_bytes_unref(bytes) }
            return poppler_document_new_from_bytes(bytes, nil, &error)
        }
        guard let opened else {
            let code = error?.pointee.code ?? -1
            let domain = error?.pointee.domain ?? 0
            let message = error.flatMap { $0.pointee.message.map { String(cString: $0) } } ?? "poppler could not open it"
            nianbao_g_error_free(error)
            if domain == nianbao_poppler_error_quark() && code == Int32(POPPLER_ERROR_ENCRYPTED.rawValue) {
                throw .encrypted
            }
            throw .damaged(message)
        }
        nianbao_g_error_free(error)
        document = opened
    }

    deinit { nianbao_g_object_unref(UnsafeMutableRawPointer(document)) }

    var pageCount: Int { Int(poppler_document_get_n_pages(document)) }

    var title: String? {
        guard let raw = poppler_document_get_title(document) else { return nil }
        defer { nianbao_g_free(raw) }
        let title = String(cString: raw).trimmingCharacters(in: .whitespacesAndNewlines)
        return title.isEmpty ? nil : title
    }

    /// Creation date (or modification date when there is none) as YYYY-MM-DD, in UTC.
    var date: String? {
        var seconds = poppler_document_get_creation_date(document)
        if seconds <= 0 { seconds = poppler_document_get_modification_date(document) }
        guard seconds > 0 else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day], from: Date(timeIntervalSince1970: TimeInterval(seconds)))
        guard let year = parts.year, let month = parts.month, let day = parts.day else { return nil }
        return String(format: "%04d-%02d-%02d", year, month, day)
    }

    /// Glyphs of page `index` (0-based), each with its box and font, whitespace dropped.
    func glyphs(ofPage index: Int) -> PDFPageGlyphs {
        guard let page = poppler_document_get_page(document, Int32(index)) else {
            return PDFPageGlyphs(number: index + 1, width: 0, height: 0, glyphs: [])
        }
        defer { nianbao_g_object_unref(UnsafeMutableRawPointer(page)) }
        var width = 0.0, height = 0.0
        poppler_page_get_size(page, &width, &height)

        guard let textPointer = poppler_page_get_text(page) else {
            return PDFPageGlyphs(number: index + 1, width: width, height: height, glyphs: [])
        }
        let text = String(cString: textPointer)
        nianbao_g_free(textPointer)

        var rectangles: UnsafeMutablePointer<PopplerRectangle>?
        var rectangleCount: guint = 0
        guard poppler_page_get_text_layout(page, &rectangles, &rectangleCount) != 0, let rectangles else {
            return PDFPageGlyphs(number: index + 1, width: width, height: height, glyphs: [])
        }
        defer { nianbao_g_free(rectangles) }

        // Font runs: [start, end] offsets in Unicode scalars of the page text.
        var runs: [(start: Int, end: Int, size: Double, font: Int)] = []
        var fonts = PDFFontTable()
        let attributes = poppler_page_get_text_attributes(page)
        var node = attributes
        while let current = node {
            if let attribute = nianbao_text_attributes_at(current) {
                let name = attribute.pointee.font_name.map { String(cString: $0) } ?? ""
                runs.append((Int(attribute.pointee.start_index), Int(attribute.pointee.end_index),
                             attribute.pointee.font_size, fonts.index(of: name)))
            }
            node = nianbao_list_next(current)
        }
        poppler_page_free_text_attributes(attributes)

        var glyphs: [PDFGlyph] = []
        glyphs.reserveCapacity(Int(rectangleCount))
        var runCursor = 0
        let limit = Int(rectangleCount)
        for (offset, scalar) in text.unicodeScalars.enumerated() {
            guard offset < limit else { break }
            if Self.isWhitespace(scalar) { continue }
            while runCursor < runs.count && runs[runCursor].end < offset { runCursor += 1 }
            var size = 0.0, font = -1
            if runCursor < runs.count && runs[runCursor].start <= offset {
                size = runs[runCursor].size
                font = runs[runCursor].font
            }
            let box = rectangles[offset]
            // A malformed page can place glyphs at NaN or absurd coordinates; they cannot be laid out.
            guard [box.x1, box.x2, box.y1, box.y2].allSatisfy({ $0.isFinite && abs($0) < 1e6 }) else { continue }
            if !(size.isFinite && size > 0 && size < 1e4) { size = abs(box.y2 - box.y1) }
            glyphs.append(PDFGlyph(scalar: scalar, minX: min(box.x1, box.x2), minY: min(box.y1, box.y2),
                                   maxX: max(box.x1, box.x2), maxY: max(box.y1, box.y2),
                                   fontSize: size, fontIndex: font))
        }
        return PDFPageGlyphs(number: index + 1, width: width, height: height, glyphs: glyphs, fontNames: fonts.names)
    }
}

extension PopplerDocumentHandle {
    /// `properties.isWhitespace`, answered without the property table for the scalars a page is mostly made
    /// of (ASCII, CJK ideographs and punctuation), where asking for it was 3% of reading a PDF.
    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x20: return true
        case 0x21...0x7E, 0x3001...0x3007, 0x4E00...0x9FFF, 0xFF01...0xFF5E: return false
        default: return scalar.properties.isWhitespace
        }
    }
}

/// Font names numbered in the order they are first seen; glyphs and lines refer to fonts by these numbers
/// so a page does not repeat strings.
struct PDFFontTable: Sendable {
    private(set) var names: [String] = []
    private var indexByName: [String: Int] = [:]

    mutating func index(of name: String) -> Int {
        if let known = indexByName[name] { return known }
        names.append(name)
        indexByName[name] = names.count - 1
        return names.count - 1
    }
}
