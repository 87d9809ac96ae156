import Foundation

/// A row of a hand-made outline in Tests/NianbaoTests/Fixtures/outlines/<stem>.tsv.
struct OutlineRow: Hashable, CustomStringConvertible {
    var kind: String
    var level: Int
    var number: String
    var title: String
    var lineStart: Int
    var lineEnd: Int

    var description: String { "\(kind) \(number) \(title) L\(lineStart)-\(lineEnd) level \(level)" }

    static func load(_ stem: String) throws -> [OutlineRow] {
        let url = TestPaths.repoRoot.appendingPathComponent("Tests/NianbaoTests/Fixtures/outlines/\(stem).tsv")
        let text = try String(contentsOf: url, encoding: .utf8)
        return text.split(separator: "\n").dropFirst().compactMap { line in
            let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard f.count >= 6, let level = Int(f[1]), let a = Int(f[4]), let b = Int(f[5]) else { return nil }
            return OutlineRow(kind: f[0], level: level, number: f[2], title: f[3], lineStart: a, lineEnd: b)
        }
    }

    static func front(_ stem: String) throws -> [String: String] {
        let url = TestPaths.repoRoot.appendingPathComponent("Tests/NianbaoTests/Fixtures/outlines/\(stem).front.tsv")
        let text = try String(contentsOf: url, encoding: .utf8)
        var fields: [String: String] = [:]
        for line in text.split(separator: "\n").dropFirst() {
            let f = line.split(separator: "\t", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            if f.count == 2 { fields[f[0]] = f[1] }
        }
        return fields
    }
}
