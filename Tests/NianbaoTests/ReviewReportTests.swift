import Foundation
import Testing
import CLibXML2
import NianbaoModel
import Dataset
@testable import Review

/// The review page: well-formed, self-contained, and opened in a real (headless) browser as a user would.
@Suite struct ReviewReportTests {
    static let chromium = ExternalTool.find("chromium") ?? ExternalTool.find("chromium-browser")

    static let realPage: URL = {
        let url = AnalystCorpus.output.appendingPathComponent("report.html")
        let labels = ["placement_rate": IndicatorLabel(nameZh: "毕业去向落实率", unit: "%")]
        do { try ReviewReport(run: AnalystCorpus.run, labels: labels).write(to: url) } catch { fatalError("\(error)") }
        return url
    }()

    /// Parses with libxml2's XML parser (no recovery): nil unless the page is well-formed.
    static func isWellFormedXML(_ data: Data) -> Bool {
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
                            | XML_PARSE_HUGE.rawValue)
        let document = data.withUnsafeBytes { buffer in
            xmlReadMemory(buffer.baseAddress!.assumingMemoryBound(to: CChar.self), Int32(buffer.count),
                          "report.html", "UTF-8", options)
        }
        guard let document else { return false }
        defer { xmlFreeDoc(document) }
        let root = xmlDocGetRootElement(document)
        return root.map { String(cString: $0.pointee.name) } == "html"
    }

    @Test func thePageIsWellFormedAndSelfContained() throws {
        let data = try Data(contentsOf: Self.realPage)
        #expect(Self.isWellFormedXML(data))
        #expect(!Self.isWellFormedXML(Data("<html><body><p>unclosed</body></html>".utf8)))
        let html = String(decoding: data, as: UTF8.self)
        // Nothing is fetched: no external script, style, image or font.
        #expect(!html.contains("src="))
        #expect(!html.contains("<link"))
        #expect(!html.contains("@import") && !html.contains("url("))
        let addresses = html.components(separatedBy: "http").count - 1
        let namespaces = html.components(separatedBy: "http://www.w3.org/").count - 1
        #expect(addresses == namespaces)
        // Every flag and every evidence quote is in the page's data.
        for flag in AnalystCorpus.run.flags {
            #expect(html.contains(#""id":"\#(flag.id)""#))
            for evidence in flag.evidence {
                #expect(html.contains(ReviewReport.scriptSafe(FieldValue.string(evidence.quote).json)))
            }
        }
        // Every document's outline: each section outside the printed TOC, as [level, kind, number, title, page, line].
        for section in AnalystCorpus.run.sections where section.kind != .toc {
            let row = FieldValue.array([.int(section.level), .string(section.kind.rawValue),
                                        section.number.map(FieldValue.string) ?? .null, .string(section.title),
                                        .int(section.pageStart), .int(section.lineStart)]).json
            #expect(html.contains(ReviewReport.scriptSafe(row)), "outline row \(section.docId) \(section.id) missing")
        }
        #expect(ReviewReport.scriptSafe(#"{"q":"a<b && c>d"}"#) == #"{"q":"a\u003cb \u0026\u0026 c\u003ed"}"#)
    }

    @Test func aThousandDocumentsMakeAPageQuickly() throws {
        let run = Self.syntheticRun(documents: 1000)
        let clock = ContinuousClock()
        var html = ""
        let elapsed = clock.measure { html = ReviewReport(run: run).html() }
        #expect(elapsed < .seconds(60), "the page for 1,000 documents took \(elapsed)")
        #expect(html.utf8.count < 40_000_000)
        #expect(Self.isWellFormedXML(Data(html.utf8)))
        #expect(html.contains(#""id":"doc0999""#))
    }

    /// Each document's subject and covered year come with how they were decided, and the page it was saved
    /// from; the page links only an http(s) address.
    @Test func documentsCarryTheirSubjectYearAndAddress() throws {
        var run = Self.syntheticRun(documents: 2)
        run.documents[0].subject = "福建省"
        run.documents[0].subjectSource = "address_site"
        run.documents[0].reportYearSource = "address_yearbook"
        run.documents[0].sourceAddress = "https://tjj.fujian.gov.cn/tongjinianjian/dz99/njhtml/d1323.html"
        let html = ReviewReport(run: run).html()
        #expect(Self.isWellFormedXML(Data(html.utf8)))
        #expect(html.contains(#""subject":"福建省""#) && html.contains(#""subjectSource":"address_site""#))
        #expect(html.contains(#""yearSource":"address_yearbook""#))
        #expect(html.contains(#""address":"https://tjj.fujian.gov.cn/tongjinianjian/dz99/njhtml/d1323.html""#))
        #expect(html.contains("function provenanceHTML(doc)"))
        #expect(ReviewData.webAddress("javascript:alert(1)") == nil && ReviewData.webAddress("HTTPS://x.cn/") == "HTTPS://x.cn/")
    }

    /// `count` documents of 40 sections each, a flag and a value per document.
    static func syntheticRun(documents count: Int) -> RunOutput {
        var run = RunOutput()
        for index in 0..<count {
            let id = String(format: "doc%04d", index)
            let region = "区\(index % 40)"
            run.documents.append(DocumentRecord(docId: id, source: "\(id).txt", sha256: "", format: .text,
                                                title: "\(region)中等职业教育质量年度报告", region: region,
                                                reportYear: 2019 + index % 6, issuer: nil, published: nil, pages: 30,
                                                status: index % 50 == 0 ? .partial : .ok,
                                                errors: index % 50 == 0 ? ["\(id).txt: page 3: no text"] : []))
            for number in 1...40 {
                run.sections.append(Section(docId: id, id: "s\(number)", kind: number % 10 == 0 ? .case : .section,
                                            level: 1 + number % 3, number: "\(number)", title: "第\(number)节 办学条件",
                                            parent: nil, pageStart: number, pageEnd: number, lineStart: number * 10,
                                            lineEnd: number * 10 + 9, blockStart: 0, blockEnd: 0))
            }
            run.observations.append(Observation(docId: id, indicator: "enrollment", nameZh: "在校生数", entity: region,
                                                year: 2019 + index % 6, value: Decimal(2000 + index), unit: "人",
                                                raw: "\(2000 + index)人", qualifier: nil, page: 2, line: 20,
                                                sectionId: "s1", quote: "在校生\(2000 + index)人", ruleId: "r",
                                                decimals: 0, fromTable: false))
            run.flags.append(Flag(id: String(format: "F%04d", index), check: "c", kind: .percentMismatch,
                                  severity: [.error, .warning, .info][index % 3], entity: region, year: 2019 + index % 6,
                                  indicators: ["enrollment"], stated: 1, expected: 2, tolerance: "[2, 2]",
                                  message: "stated 1 but 2", evidence: [Evidence(docId: id, page: 2, line: 20,
                                                                                  quote: "在校生\(2000 + index)人")]))
        }
        return run
    }
}
