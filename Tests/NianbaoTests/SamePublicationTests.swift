import Testing
import NianbaoModel
@testable import NianbaoPipeline

@Suite struct SamePublicationTests {
    func record(_ id: String, _ format: SourceFormat, title: String?, year: Int? = 2025) -> DocumentRecord {
        DocumentRecord(docId: id, source: id, sha256: "", format: format, title: title, region: "静安区", reportYear: year,
                       issuer: nil, published: nil, pages: 1, status: .ok, errors: [])
    }

    @Test func oneVersionOfAReportIsChecked() {
        let docs = [record("a.pdf", .pdf, title: "上海市静安区中等职业教育质量报告"),
                    record("a.txt", .text, title: "上海市静安区中等职业教育 质量报告"),
                    record("a-gbk", .html, title: "上海市静安区中等职业教育质量报告"),
                    record("b", .text, title: "上海市静安区中等职业教育质量报告", year: 2024),
                    record("c", .text, title: nil), record("d", .pdf, title: nil)]
        #expect(SamePublication.primaryDocuments(docs) == ["a.txt", "b", "c", "d"])
    }
}
