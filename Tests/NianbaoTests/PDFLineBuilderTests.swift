import Foundation
import Testing
import NianbaoModel
@testable import Extraction

/// Line rebuilding on synthetic glyph boxes: layouts the real corpus does not have (two columns, full-width
/// digits, glued cells) without needing a PDF for each.
@Suite("PDFLineBuilder")
struct PDFLineBuilderTests {
    @Test func whitespaceShortcutAgreesWithTheUnicodeProperty() {
        for value in UInt32(0)...0x2FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            #expect(PopplerDocumentHandle.isWhitespace(scalar) == scalar.properties.isWhitespace, "U+\(String(value, radix: 16))")
        }
    }

    /// Glyphs for `text` starting at `x` on the line whose box spans `top`…`top + size`, `advance` apart.
    static func run(_ text: String, x: Double, top: Double, size: Double = 10, advance: Double = 10.5) -> [PDFGlyph] {
        text.unicodeScalars.enumerated().map { offset, scalar in
            let left = x + Double(offset) * advance
            return PDFGlyph(scalar: scalar, minX: left, minY: top, maxX: left + size, maxY: top + size,
                            fontSize: size, fontIndex: 0)
        }
    }

    @Test("a two-column page reads the left column before the right one")
    func twoColumns() {
        var glyphs: [PDFGlyph] = []
        for row in 0..<12 {
            let top = 100 + Double(row) * 15
            glyphs += Self.run(String(repeating: "左", count: 20), x: 60, top: top)
            glyphs += Self.run(String(repeating: "右", count: 20), x: 310, top: top)
        }
        let page = PDFPageGlyphs(number: 1, width: 595, height: 842, glyphs: glyphs)
        let lines = PDFLineBuilder().lines(of: page)
        #expect(lines.count == 24)
        #expect(lines.prefix(12).allSatisfy { $0.text == String(repeating: "左", count: 20) })
        #expect(lines.suffix(12).allSatisfy { $0.text == String(repeating: "右", count: 20) })
        #expect(lines.allSatisfy { $0.cells == nil })
    }

    @Test("a table with a wide gap in the middle is not taken for two columns")
    func tableIsNotTwoColumns() {
        var glyphs: [PDFGlyph] = []
        for row in 0..<12 {
            let top = 100 + Double(row) * 15
            glyphs += Self.run("学校\(row)", x: 60, top: top)
            glyphs += Self.run("人数", x: 160, top: top)
            glyphs += Self.run("1,28\(row)", x: 330, top: top)
            glyphs += Self.run("45.\(row)%", x: 420, top: top)
        }
        let lines = PDFLineBuilder().lines(of: PDFPageGlyphs(number: 1, width: 595, height: 842, glyphs: glyphs))
        #expect(lines.count == 12)
        #expect(lines[0].cells == ["学校0", "人数", "1,280", "45.0%"])
        #expect(lines[11].cells == ["学校11", "人数", "1,2811", "45.11%"])
    }

    @Test("no spaces between CJK characters, spaces kept between words, full-width digits kept")
    func spacing() {
        let glyphs = Self.run("２０２３年", x: 60, top: 100) + Self.run("in", x: 120, top: 100)
            + Self.run("Shanghai", x: 147, top: 100, advance: 6)
        let lines = PDFLineBuilder().lines(of: PDFPageGlyphs(number: 1, width: 595, height: 842, glyphs: glyphs))
        #expect(lines.map(\.text) == ["２０２３年 in Shanghai"])
    }

    @Test("a raised small footnote number after body text is dropped, a footnote's own label is kept")
    func footnoteMarkers() {
        var glyphs = Self.run("专业建设", x: 60, top: 100)
        glyphs.append(PDFGlyph(scalar: "9", minX: 102, minY: 96, maxX: 106, maxY: 103, fontSize: 6, fontIndex: 0))
        glyphs += Self.run("继续", x: 108, top: 100)
        glyphs.append(PDFGlyph(scalar: "9", minX: 60, minY: 700, maxX: 64, maxY: 706, fontSize: 6, fontIndex: 0))
        glyphs += Self.run("注：参见通知", x: 66, top: 700, size: 8, advance: 8)
        let lines = PDFLineBuilder().lines(of: PDFPageGlyphs(number: 1, width: 595, height: 842, glyphs: glyphs))
        #expect(lines.map(\.text) == ["专业建设继续", "9 注：参见通知"])
    }
}
