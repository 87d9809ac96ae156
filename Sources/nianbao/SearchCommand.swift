import ArgumentParser
import Foundation
import Dataset
import NianbaoModel

extension SectionKind: ExpressibleByArgument {}

struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Find words in the reports' sections and cases (full text, SQLite FTS5 with trigrams).",
        discussion: """
        Prints, for every passage holding all the words, the document, the section (number and title), page \
        and line, and the passage around the first word in «». Words of one or two characters are matched \
        without the index (slower on a large store, same result).
        Examples:
          nianbao search 产教融合
          nianbao search 对口帮扶 --kind case
          nianbao search 实训 基地 --out ~/reports-dataset
        """)

    @Argument(help: "Words to find (every one must occur in the passage).")
    var words: [String]

    @Option(help: "Only passages inside a section of this kind: chapter, section, case, table, figure, appendix, preface, front_matter.")
    var kind: SectionKind?

    @ArgumentParser.Flag(help: "Also search other formats of a publication (PDF beside its text export).")
    var allFormats = false

    @Option(help: "At most this many passages.")
    var limit: Int = 100

    @Option(help: "The folder a previous `nianbao import` wrote.")
    var out: String = "output"

    func run() throws {
        let query = words.joined(separator: " ")
        let path = URL(fileURLWithPath: out).appendingPathComponent(DatasetFile.database).path
        guard FileManager.default.fileExists(atPath: path) else {
            printError("nianbao search: \(DatasetError.missingFile(path: path).description)")
            throw ExitCode(1)
        }
        let hits: [SearchHit]
        do { hits = try SearchIndex(path: path).search(query, kind: kind, allFormats: allFormats, limit: limit) } catch {
            printError("nianbao search: \(error.description)")
            throw ExitCode(1)
        }
        var lines: [String] = []
        for hit in hits {
            let section = [hit.sectionKind.map(label) ?? nil, hit.sectionNumber, hit.sectionTitle]
                .compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
            lines.append("\(hit.docId)  p\(hit.page) L\(hit.line)  \(section)")
            lines.append("    " + SearchIndex.snippet(hit.text, query: query))
        }
        lines.append("\(hits.count) passage(s)" + (hits.count == limit ? " (--limit reached)" : ""))
        print(lines.joined(separator: "\n"))
    }

    private func label(_ kind: SectionKind) -> String? {
        switch kind {
        case .case: return "[案例]"
        case .table: return "[表]"
        case .figure: return "[图]"
        case .appendix: return "[附]"
        default: return nil
        }
    }
}
