import Foundation

/// Paths the tests read: the repository root and `../shared` beside it (the real corpus).
enum TestPaths {
    static let repoRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let shared: URL = repoRoot.deletingLastPathComponent().appendingPathComponent("shared")
    static let corpus: URL = shared.appendingPathComponent("corpus")
    static func realReport(_ stem: String, _ ext: String = "txt") -> String {
        switch ext {
        case "pdf": return corpus.appendingPathComponent("pdf/\(stem).pdf").path
        case "html": return corpus.appendingPathComponent("html/\(stem).html").path
        default: return corpus.appendingPathComponent("\(stem).\(ext)").path
        }
    }
    static let realStems = ["000_775551c2d5871d3f", "001_b73c7974c5d57faa", "002_a080b85a17935ede",
                            "003_a3d54043216b8f91", "004_e7c8856d05d9f68a"]
}
