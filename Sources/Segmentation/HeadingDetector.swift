import Foundation
import NianbaoModel
import Cleaning

/// A body block recognised as a heading, case, table caption or figure caption.
struct Heading: Sendable {
    enum Role { case part, caseStart, tableCaption, figureCaption, appendix, bodyEnd }
    var role: Role
    var blockIndex: Int
    var level: Int
    var number: String?
    var title: String
    /// Path of numbers for ids (`1.2` → [1, 2]).
    var path: [Int]
    var kind: SectionKind
}

/// Tells headings from numbered points inside paragraphs, for the decimal scheme (`1`, `1.1`, `1.1.1`)
/// and the Chinese one (`一、` `（一）` `1.`), by shape, length and the sequence numbers must follow.
struct HeadingDetector {
    enum Style { case decimal, chinese }

    /// Longest heading title we accept; longer numbered lines are points in the running text.
    static let maxHeadingLength = 48

    let blocks: [Block]
    let tocTitles: Set<String>
    /// Openings of the lines that close a notice's body (`documents.yaml` `closing_words`).
    let closingWords: [String]
    /// Lines that alone open an unnumbered part (`documents.yaml` `named_parts`).
    let words: DocumentWords
    /// `candidateShape` of each paragraph, parsed once: the passes below ask for it four times or more.
    private let paragraphShapes: [HeadingShape??]

    init(blocks: [Block], tocTitles: Set<String>, closingWords: [String], words: DocumentWords) {
        self.blocks = blocks
        self.tocTitles = tocTitles
        self.closingWords = closingWords
        self.words = words
        paragraphShapes = blocks.parallelMap { $0.kind == .paragraph ? .some(Self.candidateShape($0, words: words)) : nil }
    }

    func candidateShape(at index: Int) -> HeadingShape? {
        paragraphShapes[index] ?? Self.candidateShape(blocks[index], words: words)
    }

    func style(in range: Range<Int>) -> Style {
        var chinese = 0, decimal = 0
        for i in range where blocks[i].kind == .paragraph {
            guard let shape = candidateShape(at: i) else { continue }
            switch shape.scheme {
            case .chineseComma: chinese += 1
            case .decimal where shape.components.count >= 2 || !shape.hasTrailingDot: decimal += 1
            default: break
            }
        }
        return chinese >= 2 && chinese * 2 >= decimal ? .chinese : .decimal
    }

    static func candidateShape(_ block: Block, words: DocumentWords) -> HeadingShape? {
        let text = block.text
        guard text.hasAtMostCharacters(Self.maxHeadingLength + 12) else { return nil }
        guard let shape = HeadingShape.parse(text, words: words) else { return nil }
        switch shape.scheme {
        case .caseLabel, .table, .figure, .appendix:
            return text.count <= 90 && !LineShape.endsSentence(text) ? shape : nil
        default:
            guard shape.title.count <= Self.maxHeadingLength, !LineShape.endsSentence(text), !shape.title.contains("。"),
                  !text.hasSuffix("：") && !text.hasSuffix(":") else { return nil }
            // `1.加强管理，…，…，…` reads as a sentence: headings have at most a couple of commas.
            if shape.title.filter({ $0 == "，" || $0 == "," }).count > 2 { return nil }
            return shape
        }
    }

    /// A run-in heading (`1. 坚持立德树人。全面贯彻…`), in documents numbered the Chinese way only: there a
    /// number opens a task or a point; in decimal documents `1.` opens a chapter. A first one (`1.`) counts
    /// only when its next number follows as another run-in heading.
    func runInShape(at i: Int, style: Style, in range: Range<Int>) -> HeadingShape? {
        guard style == .chinese, blocks[i].kind == .paragraph, let shape = RunInHeading.shape(blocks[i].text, words: words) else { return nil }
        guard shape.components.first == 1 else { return shape }
        for j in (i + 1)..<range.upperBound where blocks[j].kind == .paragraph {
            guard let next = RunInHeading.shape(blocks[j].text, words: words) ?? candidateShape(at: j) else { continue }
            if next.scheme == shape.scheme && next.components.first == 2 { return shape }
            if next.scheme != shape.scheme && depth(of: next.scheme) ?? 0 < depth(of: shape.scheme) ?? 0 { break }
        }
        return nil
    }

    /// Depth of a numbering scheme in Chinese-numbered documents, below any `第N章`/`第N节` levels.
    func depth(of scheme: HeadingShape.Scheme) -> Int? {
        switch scheme {
        case .ordinalPart: return 0
        case .ordinalSection: return 0
        case .chineseComma: return 1
        case .chineseParen: return 2
        case .decimal, .arabicComma: return 3
        case .arabicParen: return 4
        default: return nil
        }
    }

    /// The outline of `range`: its numbered headings, or, in a Markdown or wiki export numbering none, the
    /// headings its markup marks.
    func detect(in range: Range<Int>) -> [Heading] {
        let numbered = detectNumbered(in: range)
        guard !numbered.contains(where: { $0.role == .part }) else { return numbered }
        let markup = markupHeadings(in: range)
        guard !markup.isEmpty else { return numbered }
        let taken = Set(markup.map(\.blockIndex))
        return (markup + numbered.filter { !taken.contains($0.blockIndex) }).sorted { $0.blockIndex < $1.blockIndex }
    }

    /// Unnumbered headings the markup marks (`## 办学规模`, `== 师资力量 ==`), levelled by their markup depth.
    /// A top-level line that stands alone before them (`# 某校简介`) is the page's title, not a chapter. Two
    /// at least, so that one bold line is no outline.
    func markupHeadings(in range: Range<Int>) -> [Heading] {
        var marked = range.filter { i in
            let block = blocks[i]
            return block.kind == .paragraph && block.markupHeadingLevel != nil && block.text.hasAtMostCharacters(Self.maxHeadingLength)
                && !LineShape.endsSentence(block.text) && !block.text.isEmpty
        }
        if let first = marked.first, let level = blocks[first].markupHeadingLevel,
           !marked.dropFirst().contains(where: { blocks[$0].markupHeadingLevel! <= level }) {
            marked.removeFirst()
        }
        guard marked.count >= 2 else { return [] }
        let depths = Array(Set(marked.map { blocks[$0].markupHeadingLevel! })).sorted()
        var path: [Int] = []   // the count of headings so far at each level of the current branch
        return marked.map { i in
            let level = depths.firstIndex(of: blocks[i].markupHeadingLevel!)! + 1
            if path.count >= level {
                path = Array(path.prefix(level))
                path[level - 1] += 1
            } else {
                while path.count < level { path.append(1) }
            }
            return Heading(role: .part, blockIndex: i, level: level, number: nil, title: blocks[i].text,
                           path: path, kind: level == 1 ? .chapter : .section)
        }
    }

    func detectNumbered(in range: Range<Int>) -> [Heading] {
        let style = style(in: range)
        let numbersAhead = Set(range.compactMap { i -> String? in
            guard blocks[i].kind == .paragraph, let shape = candidateShape(at: i), shape.scheme == .decimal else { return nil }
            return shape.components.map(String.init).joined(separator: ".")
        })
        // `第N章`/`第N部分` and `第N节` headings each take a level above the numbered ones.
        let ordinalSchemes = Set(range.compactMap { i -> HeadingShape.Scheme? in
            guard blocks[i].kind == .paragraph, let scheme = candidateShape(at: i)?.scheme,
                  scheme == .ordinalPart || scheme == .ordinalSection else { return nil }
            return scheme
        })
        let ordinalLevels = ordinalSchemes.count
        var headings: [Heading] = []
        var path: [Int] = []          // numbering path of the current innermost part
        var levels: [Int] = []        // level of each element of `path` (Chinese style skips none)
        var inCase = false
        var lastCase = 0
        // The last run-in number at each level: a plan numbers its tasks on through a chapter's sections.
        var lastRunIn: [Int: Int] = [:]
        for i in range where blocks[i].kind == .paragraph {
            let block = blocks[i]
            if endsBody(block.text) {
                headings.append(Heading(role: .bodyEnd, blockIndex: i, level: 0, number: nil, title: "", path: [], kind: .section))
                break
            }
            let standalone = candidateShape(at: i)
            guard let shape = standalone ?? runInShape(at: i, style: style, in: range) else { continue }
            let runIn = standalone == nil
            switch shape.scheme {
            case .ordinalPart, .ordinalSection:
                let level = shape.scheme == .ordinalPart || !ordinalSchemes.contains(.ordinalPart) ? 1 : 2
                guard level <= path.count + 1 else { continue }
                let previous = path.count >= level ? path[level - 1] : 0
                guard let value = shape.components.first, value > previous, value <= previous + 2 else { continue }
                path = Array(path.prefix(level - 1)) + [value]
                levels = Array(1...level)
                inCase = false
                headings.append(Heading(role: .part, blockIndex: i, level: level, number: shape.number,
                                        title: shape.title.isEmpty ? block.text : shape.title,
                                        path: path, kind: level == 1 ? .chapter : .section))
            case .named:
                if words.headingLabels.opensAppendix(shape.title) && !headings.contains(where: { $0.kind == .chapter }) { continue }
                if words.headingLabels.opensAppendix(shape.title) {
                    headings.append(Heading(role: .appendix, blockIndex: i, level: 1, number: nil, title: shape.title, path: [], kind: .appendix))
                } else {
                    headings.append(Heading(role: .part, blockIndex: i, level: 1, number: nil, title: shape.title, path: [], kind: .preface))
                }
                path = []; levels = []; inCase = false
            case .caseLabel:
                guard !shape.title.isEmpty || block.text.hasPrefix("【") else { continue }
                let number = shape.components.first ?? 0
                if number > 0 && number < lastCase && number != 1 { continue }
                lastCase = number
                headings.append(Heading(role: .caseStart, blockIndex: i, level: (levels.last ?? 0) + 1, number: shape.number,
                                        title: shape.title, path: path, kind: .case))
                inCase = true
            case .table:
                headings.append(Heading(role: .tableCaption, blockIndex: i, level: (levels.last ?? 0) + 1, number: shape.number,
                                        title: shape.title, path: path, kind: .table))
            case .figure:
                headings.append(Heading(role: .figureCaption, blockIndex: i, level: (levels.last ?? 0) + 1, number: shape.number,
                                        title: shape.title, path: path, kind: .figure))
            case .appendix:
                // A notice's `附件` line before any chapter introduces the attached document itself; a numbered
                // appendix table (`附表 1 …`) is one wherever it stands.
                let isAppendixTable = words.headingLabels.appendixTables.contains(where: { block.text.hasPrefix($0) }) && !shape.number.isEmpty
                if !isAppendixTable && !headings.contains(where: { $0.kind == .chapter }) { continue }
                headings.append(Heading(role: .appendix, blockIndex: i, level: 1, number: shape.number.isEmpty ? nil : shape.number,
                                        title: shape.title.isEmpty ? block.text : shape.title, path: [], kind: .appendix))
                path = []; levels = []; inCase = false
            case .decimal, .arabicComma, .chineseComma, .chineseParen, .arabicParen:
                var accepted = accept(shape, style: style, path: path, levels: levels, inCase: inCase, block: block,
                                      numbersAhead: numbersAhead, ordinalLevels: ordinalLevels)
                if accepted == nil, runIn, let value = shape.components.first, let base = depth(of: shape.scheme),
                   base + ordinalLevels <= path.count + 1, lastRunIn[base + ordinalLevels] == value - 1 {
                    let level = base + ordinalLevels
                    accepted = (level, Array(path.prefix(level - 1)) + [value])
                }
                guard let (level, newPath) = accepted else { continue }
                if runIn { lastRunIn[level] = shape.components.first } else if level == 1 { lastRunIn = [:] }
                path = newPath
                levels = Array(levels.prefix(newPath.count - 1)) + [level]
                inCase = false
                let number = style == .decimal && shape.scheme == .decimal ? newPath.map(String.init).joined(separator: ".") : shape.number
                headings.append(Heading(role: .part, blockIndex: i, level: level, number: number, title: shape.title,
                                        path: newPath, kind: level == 1 ? .chapter : .section))
            }
        }
        return headings
    }

    /// Whether a numbered line continues the outline where it stands; returns its level and path.
    func accept(_ shape: HeadingShape, style: Style, path: [Int], levels: [Int], inCase: Bool, block: Block,
                numbersAhead: Set<String>, ordinalLevels: Int = 0) -> (Int, [Int])? {
        let inToc = tocTitles.contains(normalisedTitle(shape.title))
        switch style {
        case .decimal:
            guard shape.scheme == .decimal else { return nil }
            let c = shape.components
            if c.count == 1 {
                let chapter = path.first ?? 0
                guard c[0] > chapter, c[0] <= chapter + 2 || inToc else { return nil }
                // A chapter title is short and stands alone; a body point `1. xxx` in a case is not one.
                if shape.isGlued && !inToc && !numbersAhead.contains("\(c[0]).1") { return nil }
                // Inside a case, a numbered line opens a chapter only when its sections follow (`5` then `5.1`).
                if inCase && !inToc && block.markupHeadingLevel == nil && !block.isBold
                    && !numbersAhead.contains("\(c[0]).1") { return nil }
                return (1, c)
            }
            // `2.1` must sit in chapter 2, `2.1.3` in section 2.1, and follow its previous sibling.
            let parent = Array(c.dropLast())
            guard path.count >= parent.count, Array(path.prefix(parent.count)) == parent else { return nil }
            let previous = path.count > parent.count ? path[parent.count] : 0
            guard c.last! > previous, c.last! <= previous + 3 || inToc else { return nil }
            return (c.count, c)
        case .chinese:
            let value = shape.components.first ?? 0
            guard shape.scheme != .decimal || shape.components.count == 1,
                  let base = depth(of: shape.scheme), base > 0 else { return nil }
            let depth = base + ordinalLevels
            guard depth <= path.count + 1 else { return nil }
            let previous = path.count >= depth ? path[depth - 1] : 0
            guard value > previous, value <= previous + 2 else { return nil }
            let newPath = Array(path.prefix(depth - 1)) + [value]
            return (depth, newPath)
        }
    }

    /// A notice's distribution lines (`抄送：…`) close the document body.
    func endsBody(_ text: String) -> Bool {
        closingWords.contains { text.hasPrefix($0) }
    }

    func normalisedTitle(_ s: String) -> String {
        s.filter { !$0.isWhitespace && !"：:，,.。“”\"".contains($0) }
    }
}
