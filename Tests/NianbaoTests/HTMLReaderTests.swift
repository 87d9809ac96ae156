import Testing
import Foundation
import NianbaoModel
@testable import Extraction

/// The HTML reader against the two real article pages (one GBK) and their block ground truth,
/// and against synthetic pages with other layouts and broken inputs.
@Suite struct HTMLReaderTests {
    struct GroundTruthBlock: Decodable { let tag: String; let text: String }

    static let utf8Page = "004_e7c8856d05d9f68a"
    static let gbkPage = "003_a3d54043216b8f91-gbk"

    static func realPage(_ name: String) -> String {
        TestPaths.corpus.appendingPathComponent("html/\(name).html").path
    }
    static func groundTruth(_ name: String) throws -> [GroundTruthBlock] {
        let url = TestPaths.corpus.appendingPathComponent("html/ground-truth/\(name).blocks.json")
        return try JSONDecoder().decode([GroundTruthBlock].self, from: Data(contentsOf: url))
    }
    static func fixture(_ name: String) -> String {
        TestPaths.repoRoot.appendingPathComponent("Tests/NianbaoTests/Fixtures/html/\(name)").path
    }
    static func read(_ path: String) throws -> SourceDocument {
        try HTMLReader().read(path: path, data: Data(contentsOf: URL(fileURLWithPath: path)), options: ReadOptions())
    }
    static func squeezed(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.filter { !HTMLText.isSpace($0.value) }))
    }

    /// Share of ground-truth characters (whitespace removed) in blocks the output reproduces exactly, and the
    /// share of output characters that are not in any ground-truth block.
    static func agreement(_ document: SourceDocument, _ truth: [GroundTruthBlock]) -> (recall: Double, extra: Double, missing: [String]) {
        var expected: [String] = []
        for block in truth {
            if block.tag == "table" {
                expected += block.text.split(separator: "\n").map { squeezed(String($0)) }
            } else {
                expected.append(squeezed(block.text))
            }
        }
        let produced = document.allLines.map { squeezed($0.text) }
        let producedSet = Set(produced)
        let expectedSet = Set(expected)
        let total = expected.reduce(0) { $0 + $1.count }
        let found = expected.filter { producedSet.contains($0) }.reduce(0) { $0 + $1.count }
        let extraChars = produced.filter { !expectedSet.contains($0) }.reduce(0) { $0 + $1.count }
        let producedTotal = max(1, produced.reduce(0) { $0 + $1.count })
        let missing = expected.filter { !producedSet.contains($0) }
        return (Double(found) / Double(max(1, total)), Double(extraChars) / Double(producedTotal), missing)
    }

    @Test(arguments: [utf8Page, gbkPage])
    func realPageMatchesGroundTruth(_ name: String) throws {
        let document = try Self.read(Self.realPage(name))
        let truth = try Self.groundTruth(name)
        let (recall, extra, missing) = Self.agreement(document, truth)
        print("HTMLReader \(name): \(String(format: "%.2f", recall * 100))% of ground-truth characters in matching blocks, \(String(format: "%.2f", extra * 100))% extra output")
        #expect(recall >= 0.99, "recall \(recall); missing: \(missing.prefix(5))")
        #expect(extra <= 0.01, "extra \(extra)")
        // Blocks in the same order as the ground truth.
        let truthLines = truth.flatMap { $0.tag == "table" ? $0.text.split(separator: "\n").map(String.init) : [$0.text] }
            .map(Self.squeezed)
        #expect(document.allLines.map { Self.squeezed($0.text) } == truthLines)
        #expect(document.format == .html)
        #expect(document.headersRemoved)
        #expect(document.pages.count == 1)
        #expect(document.allLines.enumerated().allSatisfy { $0.element.line == $0.offset + 1 && $0.element.page == 1 })
        #expect(document.allLines.filter { $0.cells == nil }.allSatisfy { $0.startsBlock })
    }

    @Test(arguments: [utf8Page, gbkPage])
    func headingsKeepTheirLevelsAndOrder(_ name: String) throws {
        let document = try Self.read(Self.realPage(name))
        let truth = try Self.groundTruth(name)
        let expected = truth.compactMap { block -> String? in
            guard let level = HTMLBlockWriter.headingLevel(block.tag) else { return nil }
            return "\(level) \(block.text)"
        }
        let produced = document.allLines.compactMap { line in line.markupHeadingLevel.map { "\($0) \(line.text)" } }
        #expect(produced == expected)
        #expect(expected.count > 20)
    }

    @Test(arguments: [utf8Page, gbkPage])
    func siteFurnitureIsGone(_ name: String) throws {
        let document = try Self.read(Self.realPage(name))
        let text = document.allLines.map(\.text).joined(separator: "\n")
        let truthText = try Self.groundTruth(name).map(\.text).joined(separator: "\n")
        for boilerplate in ["首页", "政务公开", "当前位置", "相关链接", "网站地图", "联系我们", "网站标识码", "ICP备",
                            "分享到", "打印本页", "关闭窗口", "发布时间", "字号", "请输入关键字", "统计代码", ".pdf"] {
            #expect(!truthText.contains(boilerplate), "ground truth itself contains \(boilerplate)")
            #expect(!text.contains(boilerplate), "\(boilerplate) leaked into the article")
        }
    }

    @Test func utf8PageMetadata() throws {
        let document = try Self.read(Self.realPage(Self.utf8Page))
        #expect(document.metadataDate == "2022-02-16")
        #expect(document.metadataTitle == "上海市教育委员会关于印发《上海市职业教育发展“十四五”规划》的通知")
        #expect(document.warnings.isEmpty)
        let lines = document.allLines
        #expect(lines.first?.markupHeadingLevel == 1)
        #expect(lines.contains { $0.markupHeadingLevel == 4 && $0.text == "1. 坚持立德树人，德技并修育人机制逐渐完善" })
        // Numbers and the spaces around them as the page writes them, no spaces between Chinese characters.
        #expect(lines.contains { $0.text.contains("建成中高职贯通专业点 183 个、中本贯通专业点 61 个") })
    }

    @Test func gbkPageDecodesAndKeepsTableCells() throws {
        let document = try Self.read(Self.realPage(Self.gbkPage))
        #expect(document.metadataDate == "2026-01-20")
        #expect(document.metadataTitle == "上海市静安区中等职业教育质量报告")
        let rows = document.allLines.filter { $0.cells != nil }
        #expect(rows.count == 5)
        #expect(rows.first?.cells == ["指标", "单位", "2024 年", "2025 年"])
        #expect(rows.last?.cells == ["中级教师职称", "人", "134", "124"])
        #expect(rows[1].text == "本科学历\t人\t197\t183")
        // Caption line precedes the table; bold numbered paragraphs are flagged bold.
        let lines = document.allLines
        if let firstRow = lines.firstIndex(where: { $0.cells != nil }) {
            #expect(lines[firstRow - 1].text == "表 1 静安区中职校师资队伍结构情况")
        }
        let bold = lines.filter(\.isBold).map(\.text)
        #expect(bold.contains("一、管理引领与专业共建相结合，构建帮扶“主心骨”"))
        #expect(bold.contains { $0.hasPrefix("案例 1 ") })
        #expect(!lines.contains { !$0.isBold && $0.text.hasPrefix("一、管理引领") })
        #expect(lines.contains { $0.text.contains("在校生人数达 2261 人，较上年增加 15.7%") })
    }

    // MARK: Synthetic pages

    @Test func contentDivWithHeavyNavigation() throws {
        let document = try Self.read(Self.fixture("div-content.html"))
        let lines = document.allLines
        let texts = lines.map(\.text)
        #expect(texts.first == "示例区职业教育年度报告（样例）")
        #expect(lines.first?.markupHeadingLevel == 1)
        #expect(document.metadataDate == "2023-05-08")
        #expect(document.metadataTitle == "示例区职业教育年度报告（样例）")
        for furniture in ["栏目", "热点新闻", "您现在的位置", "浏览次数", "分享到", "相关阅读", "另一篇", "版权所有",
                          "ICP", "附件", "脚本文字", "装饰花边", "门户网站"] {
            #expect(!texts.contains { $0.contains(furniture) }, "\(furniture) leaked")
        }
        // Source line wrapping between Chinese characters is not a space; ideographic indentation is trimmed.
        #expect(texts.contains("示例区共有中等职业学校3所，在校生共计4321人，比上年增长5.6%。"))
        #expect(texts.contains("专任教师共 356 人，其中“双师型”教师 210 人。"))
        // <br> splits lines inside one block: only the first starts a block.
        guard let first = lines.firstIndex(where: { $0.text == "生均教学仪器设备值达到1.2万元。" }) else {
            Issue.record("missing <br> line"); return
        }
        #expect(lines[first].startsBlock)
        #expect(lines[first + 1].text == "校园占地面积合计18.5万平方米。" && !lines[first + 1].startsBlock)
        #expect(lines[first + 2].text == "实训工位数为2100个。" && !lines[first + 2].startsBlock)
        #expect(lines.contains { $0.text == "（一）办学条件" && $0.isBold })
        #expect(lines.contains { $0.text == "二、主要成效" && $0.isBold })
        #expect(lines.contains { $0.text == "1. 师资队伍" && $0.markupHeadingLevel == 3 })
        // rowspan and colspan expanded: every row has all three cells.
        let rows = lines.compactMap(\.cells)
        #expect(rows == [["学校", "专业数", "专业数"], ["学校", "2022年", "2023年"], ["甲学校", "12", "13"],
                         ["乙学校", "9", "10"], ["合计", "合计", "23"]])
        #expect(texts.contains("表1 示例区中职学校专业设置"))
        // Figure captions: the figcaption once (not the image alt too), and a caption-like alt on its own.
        #expect(texts.filter { $0.hasPrefix("图1") } == ["图1 示例区在校生规模变化"])
        #expect(texts.contains("图2 毕业生去向分布"))
        #expect(document.allLines.enumerated().allSatisfy { $0.element.line == $0.offset + 1 })
    }

    @Test func tableLayoutPage() throws {
        let document = try Self.read(Self.fixture("table-layout.html"))
        let texts = document.allLines.map(\.text)
        #expect(texts.first == "样例市中等职业教育质量报告")
        #expect(document.metadataDate == "2021-12-03")
        #expect(document.metadataTitle == "样例市中等职业教育质量报告")
        for furniture in ["菜单项目", "导航", "主办单位", "网站地图", "样例市教育网", "时间："] {
            #expect(!texts.contains { $0.contains(furniture) }, "\(furniture) leaked")
        }
        #expect(texts.contains("样例市持续推进中等职业教育改革，全市中职学校在校生规模稳定，专业结构不断优化，人才培养质量稳步提升。"))
        #expect(document.allLines.contains { $0.text == "二、教师队伍" && $0.isBold })
        #expect(document.allLines.compactMap(\.cells) == [["指标", "2020年", "2021年"], ["专任教师（人）", "1801", "1876"],
                                                          ["生师比", "16.1:1", "15.3:1"]])
        #expect(texts.last == "以上数据来源于样例市教育事业统计年报。")
    }

    @Test func html5ArticleWithHeaderAndAside() throws {
        let document = try Self.read(Self.fixture("html5-article.html"))
        let texts = document.allLines.map(\.text)
        #expect(texts == ["测试市职业教育年度质量报告", "一、总体情况",
                          "全市共有中职学校6所，参见《测试市职业教育条例》的有关规定，学校布局进一步优化。",
                          "招生人数稳中有升。", "专业设置更加合理。", "二、发展展望", "下一步将继续深化产教融合，提升人才培养质量。"])
        #expect(document.allLines.map(\.markupHeadingLevel) == [1, 2, nil, nil, nil, 2, nil])
        #expect(document.metadataDate == "2024-03-01")
        #expect(document.metadataTitle == "测试市职业教育年度质量报告")
    }

    @Test func gb2312DeclarationWithGBKBytes() throws {
        let document = try Self.read(Self.fixture("gb2312-declared-gbk-bytes.html"))
        let texts = document.allLines.map(\.text)
        // 喆 堃 镕 are GBK but not GB2312: decoding as declared would lose or garble them.
        #expect(texts.contains("经学校推荐，王喆、李堃、张镕三位老师获评年度优秀教师，特此通知。"))
        #expect(texts.last == "请各学校认真组织学习先进事迹，进一步加强师资队伍建设。")
        #expect(!texts.contains { $0.contains("首页") || $0.contains("版权所有") })
        let bytes = try Data(contentsOf: URL(fileURLWithPath: Self.fixture("gb2312-declared-gbk-bytes.html")))
        #expect(HTMLCharset.declaredCharset(bytes) == "gb2312")
    }

    @Test func truncatedMarkupStillReads() throws {
        let path = Self.realPage(Self.utf8Page)
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        // Cut in the middle of a three-byte character, inside a paragraph, with every element left open.
        var cut = data.count / 2
        while data[cut] & 0xC0 != 0x80 { cut += 1 }
        let document = try HTMLReader().read(path: "truncated.html", data: data.prefix(cut), options: ReadOptions())
        let lines = document.allLines
        #expect(lines.first?.text == "上海市教育委员会关于印发《上海市职业教育发展“十四五”规划》的通知")
        #expect(lines.count > 20)
        #expect(lines.contains { $0.text == "一、发展基础和面临形势" && $0.markupHeadingLevel == 2 })
        #expect(!document.warnings.isEmpty)
        // Every prefix of a small page, including ones cut inside tags and entities, reads or fails cleanly.
        let small = try Data(contentsOf: URL(fileURLWithPath: Self.fixture("div-content.html")))
        for length in stride(from: 1, to: small.count, by: 37) {
            do { _ = try HTMLReader().read(path: "cut.html", data: small.prefix(length), options: ReadOptions()) }
            catch ReadError.noArticle, ReadError.notHTML { continue }
            catch { Issue.record("unexpected \(error) at \(length)") }
        }
        // The GBK page cut after a lead byte.
        let gbk = try Data(contentsOf: URL(fileURLWithPath: Self.realPage(Self.gbkPage)))
        var gbkCut = gbk.count / 2
        while gbk[gbkCut - 1] < 0x81 { gbkCut += 1 }
        let gbkDocument = try HTMLReader().read(path: "gbk-cut.html", data: gbk.prefix(gbkCut), options: ReadOptions())
        #expect(gbkDocument.allLines.first?.text == "上海市静安区中等职业教育质量报告")
    }

    @Test(arguments: [200, 3000, 20_000])
    func deeplyNestedUnclosedMarkupDoesNotOverflow(depth: Int) throws {
        // Recovered markup can nest thousands of levels; every pass over the tree is iterative.
        let paragraph = "深层嵌套的段落文字，用于检查解析不会因为递归过深而崩溃，也不会丢失正文。"
        let html = "<html><body>" + String(repeating: "<div><font>", count: depth) + "<p>\(paragraph)</p>"
        let document = try HTMLReader().read(path: "deep.html", data: Data(html.utf8), options: ReadOptions())
        #expect(document.allLines.map(\.text) == [paragraph])
    }

    @Test func undeclaredGBKIsDetected() throws {
        // The GBK corpus page with its charset declaration blanked out: detected from the bytes, with a warning.
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: Self.realPage(Self.gbkPage))))
        let declaration = Array("charset=gbk".utf8)
        guard let at = HTMLCharset.find(declaration, in: bytes, from: 0) else { Issue.record("no declaration"); return }
        for k in at..<(at + declaration.count) { bytes[k] = UInt8(ascii: " ") }
        let document = try HTMLReader().read(path: "undeclared.html", data: Data(bytes), options: ReadOptions())
        #expect(document.allLines.first?.text == "上海市静安区中等职业教育质量报告")
        #expect(document.warnings.contains { $0.contains("GB18030") })
    }

    @Test func errorsSayWhatIsWrong() throws {
        #expect(throws: ReadError.notHTML(path: Self.fixture("image-named-html.html"))) {
            try Self.read(Self.fixture("image-named-html.html"))
        }
        #expect(throws: ReadError.notHTML(path: Self.fixture("plain-text.html"))) {
            try Self.read(Self.fixture("plain-text.html"))
        }
        #expect(throws: ReadError.noArticle(path: Self.fixture("no-article.html"))) {
            try Self.read(Self.fixture("no-article.html"))
        }
        #expect(throws: ReadError.empty(path: "empty.html")) {
            try HTMLReader().read(path: "empty.html", data: Data(), options: ReadOptions())
        }
        // Bytes that are neither UTF-8 nor GB18030 (a stray 0xFF in every pair).
        let garbage = Data("<html><body><p>".utf8) + Data((0..<200).flatMap { _ in [UInt8(0xFF), UInt8(0x41)] }) + Data("</p></body></html>".utf8)
        do {
            _ = try HTMLReader().read(path: "bad.html", data: garbage, options: ReadOptions())
            Issue.record("expected undecodable")
        } catch {
            guard case .undecodable = error else { Issue.record("expected undecodable, got \(error)"); return }
        }
    }

    @Test func charsetDeclarations() {
        #expect(HTMLCharset.declaredCharset(Data(#"<head><META CHARSET="GBK"></head>"#.utf8)) == "gbk")
        #expect(HTMLCharset.declaredCharset(Data(#"<meta http-equiv="Content-Type" content="text/html; charset=gb2312" />"#.utf8)) == "gb2312")
        #expect(HTMLCharset.declaredCharset(Data(#"<meta charset='utf-8'>"#.utf8)) == "utf-8")
        #expect(HTMLCharset.declaredCharset(Data("<p>charset=gbk</p>".utf8)) == nil)
    }

    @Test func whitespaceCollapsing() {
        #expect(HTMLText.collapse("　　中文\n  文字 and\n text\u{00A0}\u{00A0}2022 年 ") == "中文文字 and text 2022 年")
        #expect(HTMLText.visibleCount("　a\u{00A0}中 文\n\u{200B}é𠀀") == 5)
        #expect(HTMLText.firstDate(in: "发布时间：2022年2月14日 来源") == "2022-02-14")
        #expect(HTMLText.firstDate(in: "2023/5/8 09:30") == "2023-05-08")
        #expect(HTMLText.firstDate(in: "编号 120221314") == nil)
    }

    static func threadCPUSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    @Test func readTimeGrowsLinearly() throws {
        // The article of the UTF-8 page repeated 1 and 16 times inside one page: a quadratic step would make
        // the large page ~256 times slower instead of ~16.
        let page = try Data(contentsOf: URL(fileURLWithPath: Self.realPage(Self.utf8Page)))
        let html = String(decoding: page, as: UTF8.self)
        guard let open = html.range(of: "<div class=\"content\" id=\"zoom\">"),
              let close = html.range(of: "<div class=\"attach\">") else { Issue.record("layout changed"); return }
        let body = html[open.upperBound..<close.lowerBound]
        func timed(_ copies: Int) throws -> (seconds: Double, bytes: Int) {
            let big = String(html[..<open.upperBound]) + String(repeating: String(body), count: copies) + String(html[close.lowerBound...])
            let data = Data(big.utf8)
            // CPU time of this thread: the machine is shared, so wall-clock time says little.
            let start = Self.threadCPUSeconds()
            let document = try HTMLReader().read(path: "big.html", data: data, options: ReadOptions())
            let seconds = Self.threadCPUSeconds() - start
            #expect(document.allLines.count > 90 * copies)
            return (seconds, data.count)
        }
        _ = try timed(1)
        // Best of three: the machine is shared, so single timings are noisy.
        let small = try (0..<3).map { _ in try timed(1) }.min { $0.seconds < $1.seconds }!
        let large = try (0..<3).map { _ in try timed(16) }.min { $0.seconds < $1.seconds }!
        if ProcessInfo.processInfo.environment["NIANBAO_HTML_PROFILE"] != nil { for _ in 0..<40 { _ = try timed(16) } }
        print("HTMLReader: \(String(format: "%.1f", Double(large.bytes) / 1_000_000 / large.seconds)) MB/s of CPU time on a \(large.bytes / 1000) KB page")
        #expect(large.seconds / small.seconds < 60, "small \(small.seconds)s, large \(large.seconds)s")
    }
}
