import Foundation
import RuleFiles
import Testing
import NianbaoModel
import Extraction
import Cleaning
import Segmentation
@testable import Indicators

/// Shared fixtures for the indicator tests: the rules in `rules/`, and real reports as segmented documents.
enum IndicatorFixtures {
    static let rulesDirectory = TestPaths.repoRoot.appendingPathComponent("rules")

    static let rules: RuleSet = {
        do { return try RuleSet.load(directory: rulesDirectory) } catch { fatalError("rules/ do not load: \(error)") }
    }()

    /// The segmenter's words of the repository's rules/documents.yaml.
    static let documentWords: DocumentWords = {
        do { return try DocumentWords.load(directory: rulesDirectory) } catch { fatalError("documents.yaml does not load: \(error)") }
    }()

    /// Front matter of the real reports as a reader states it (used until the Segmenter supplies it).
    static let frontMatter: [String: FrontMatter] = [
        "000_775551c2d5871d3f": FrontMatter(title: "普陀区中等职业教育年度质量报告", region: "普陀区", reportYear: 2023),
        "001_b73c7974c5d57faa": FrontMatter(title: "浦东新区中等职业教育质量年度报告", region: "浦东新区", reportYear: 2024),
        "002_a080b85a17935ede": FrontMatter(title: "上海市中等职业教育质量年度报告", region: "上海市", reportYear: 2020),
        "003_a3d54043216b8f91": FrontMatter(title: "上海市静安区中等职业教育质量报告", region: "静安区", reportYear: 2025),
        "004_e7c8856d05d9f68a": FrontMatter(title: "上海市教育委员会关于印发《上海市职业教育发展“十四五”规划》的通知", region: "上海市", reportYear: 2022),
    ]

    /// A crude segmentation of a text report: each non-blank line one paragraph block, tab lines table rows
    /// gathered into tables, one section. Stands in for Cleaning + Segmentation in these tests.
    static func crudeDocument(_ stem: String) -> SegmentedDocument {
        let text = (try? String(contentsOfFile: TestPaths.realReport(stem), encoding: .utf8)) ?? ""
        var blocks: [Block] = []
        var tables: [TableData] = []
        var current: TableData?
        var lastCaption = ""
        for (index, line) in text.components(separatedBy: "\n").enumerated() {
            let location = SourceLocation(page: 1, line: index + 1)
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if line.contains("\t") {
                let cells = line.components(separatedBy: "\t")
                blocks.append(Block(kind: .tableRow, text: line, spans: [LineSpan(offset: 0, location: location)], cells: cells))
                if current == nil { current = TableData(sectionId: "s1", caption: lastCaption, rows: [], rowLocations: []) }
                current!.rows.append(cells)
                current!.rowLocations.append(location)
                continue
            }
            if let table = current { tables.append(table); current = nil }
            guard !trimmed.isEmpty else { continue }
            if trimmed.contains("表") || trimmed.hasPrefix("名称：") { lastCaption = trimmed }
            blocks.append(Block(kind: .paragraph, text: trimmed, spans: [LineSpan(offset: 0, location: location)]))
        }
        if let table = current { tables.append(table) }
        let clean = CleanDocument(source: SourceDocument(path: stem, format: .text, pages: []), blocks: blocks, footnotes: [])
        let section = Section(docId: stem, id: "s1", kind: .chapter, level: 1, number: nil, title: "", parent: nil,
                              pageStart: 1, pageEnd: 1, lineStart: 1, lineEnd: blocks.last?.start.line ?? 1,
                              blockStart: 0, blockEnd: max(0, blocks.count - 1))
        return SegmentedDocument(docId: stem, clean: clean, frontMatter: frontMatter[stem] ?? FrontMatter(),
                                 toc: [], sections: [section], tables: tables, warnings: [])
    }

    /// A real report through the real pipeline: reader, cleaner, segmenter.
    static func document(_ stem: String) -> SegmentedDocument {
        do {
            let source = try Readers.read(path: TestPaths.realReport(stem))
            return Segmenter(words: IndicatorFixtures.documentWords).segment(TextCleaner().clean(source), docId: stem)
        } catch {
            Issue.record("cannot read \(stem): \(error)")
            return crudeDocument(stem)
        }
    }
}

@Suite struct IndicatorFixtureTests {
    @Test func dumpObservationsForReading() throws {
        // Writes what the extractor finds to a scratch file when NIANBAO_DUMP is set; asserts that it finds something.
        let extractor = IndicatorExtractor(rules: IndicatorFixtures.rules)
        var lines: [String] = []
        for stem in TestPaths.realStems {
            let document = IndicatorFixtures.document(stem)
            lines.append("## \(stem) region=\(document.frontMatter.region ?? "-") year=\(document.frontMatter.reportYear.map(String.init) ?? "-") data=\(document.frontMatter.dataYear.map(String.init) ?? "-") title=\(document.frontMatter.title ?? "-") tables=\(document.tables.count)")
            let result = extractor.extract(from: document)
            #expect(!result.observations.isEmpty, "\(stem)")
            for o in result.observations {
                lines.append([stem.prefix(3).description, String(o.line), o.indicator, o.entity ?? "-", o.year.map(String.init) ?? "-",
                              "\(o.value)", o.unit, o.qualifier?.rawValue ?? "", o.fromTable ? "T" : "", o.base ?? "", o.role?.rawValue ?? "", o.raw, o.ruleId].joined(separator: "\t"))
            }
            for o in result.rejected.map(\.observation) { lines.append("\(stem.prefix(3))\t\(o.line)\tREJECTED\t\(o.indicator)\t\(o.raw)") }
        }
        if let path = ProcessInfo.processInfo.environment["NIANBAO_DUMP"] {
            try lines.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
        }
    }
}

extension IndicatorFixtureTests {
    @Test func dumpBlocksForReading() throws {
        guard let path = ProcessInfo.processInfo.environment["NIANBAO_BLOCKS"], let stem = ProcessInfo.processInfo.environment["NIANBAO_STEM"] else { return }
        let document = IndicatorFixtures.document(stem)
        var lines: [String] = []
        for (i, block) in document.clean.blocks.enumerated() {
            lines.append("[\(i) \(block.kind.rawValue) L\(block.start.line)-\(block.end.line) \(document.section(containingBlock: i)?.id ?? "-")] \(block.text)")
        }
        for t in document.tables { lines.append("TABLE \(t.sectionId) caption=\(t.caption) rows=\(t.rows.count) first=\(t.rowLocations.first?.line ?? 0)") }
        for s in document.sections { lines.append("SECTION \(s.id) \(s.title) blocks \(s.blockStart)-\(s.blockEnd)") }
        try lines.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
    }
}
