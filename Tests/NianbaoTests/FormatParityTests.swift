import Testing
import Foundation
@testable import NianbaoPipeline
@testable import Extraction
import NianbaoModel

/// The same report as text, PDF and HTML gives the same outline (PDF and HTML now with pages).
@Suite struct FormatParityTests {
    static func outline(_ path: String) throws -> [String] {
        let source = try Readers.read(path: path)
        let doc = Pipeline().segment(source, docId: "x")
        return doc.sections.filter { $0.kind != .frontMatter && $0.kind != .toc }
            .map { "\($0.kind.rawValue) \($0.level) \($0.number ?? "") \($0.title.replacingOccurrences(of: " ", with: ""))" }
    }

    /// Longest common subsequence length, so one differing caption does not hide the rest.
    static func common(_ a: [String], _ b: [String]) -> Int {
        var row = [Int](repeating: 0, count: b.count + 1)
        for x in a {
            var previous = 0
            for (j, y) in b.enumerated() {
                let saved = row[j + 1]
                row[j + 1] = x == y ? previous + 1 : max(row[j + 1], row[j])
                previous = saved
            }
        }
        return row[b.count]
    }

    @Test(arguments: TestPaths.realStems)
    func pdfOutlineMatchesText(stem: String) throws {
        let text = try Self.outline(TestPaths.realReport(stem))
        let pdf = try Self.outline(TestPaths.realReport(stem, "pdf"))
        let shared = Self.common(text, pdf)
        #expect(shared >= text.count - 1, "\(stem): \(shared) of \(text.count) sections agree")
        #expect(pdf.count <= text.count + 1)
    }

    @Test(arguments: ["003_a3d54043216b8f91-gbk", "004_e7c8856d05d9f68a"])
    func htmlOutlineMatchesText(name: String) throws {
        let stem = String(name.prefix(20))
        let text = try Self.outline(TestPaths.realReport(stem))
        let html = try Self.outline(TestPaths.realReport(name, "html"))
        #expect(html == text)
    }

    @Test func pdfSectionsCarryPages() throws {
        let source = try Readers.read(path: TestPaths.realReport("003_a3d54043216b8f91", "pdf"))
        let doc = Pipeline().segment(source, docId: "003")
        let chapter5 = try #require(doc.sections.first { $0.number == "5" && $0.kind == .chapter })
        #expect(chapter5.pageStart == 15 && chapter5.pageEnd == 16)
        #expect(doc.frontMatter.reportYear == 2025)
    }
}
