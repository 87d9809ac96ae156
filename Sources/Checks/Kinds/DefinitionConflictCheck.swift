import Foundation
import NianbaoModel

/// `definition_conflict`: one report states the same share or target of two different bases.
struct DefinitionConflictCheck: CheckKind {
    static let id = "definition_conflict"
    static let flagKind = FlagKind.definitionConflict
    static let fields: Set<String> = ["indicators"]

    let rule: CheckRule

    /// One document states the same share (or target) of two different bases. Applies where a
    /// document states it at least twice with a base named.
    func evaluate(_ index: ObservationIndex) -> [Finding] {
        let candidates = index.all.filter { $0.base != nil && rule.admits($0) && $0.qualifier != .change }
        let byKey = Dictionary(grouping: candidates) {
            "\($0.docId)\u{1}\($0.checkEntity)\u{1}\($0.year.map(String.init) ?? "")\u{1}\($0.indicator)\u{1}\($0.qualifier == .target)"
        }
        var findings: [Finding] = []
        for key in byKey.keys.sorted() {
            let statements = byKey[key]!
            guard statements.count >= 2, let first = statements.first else { continue }
            guard let other = statements.first(where: { $0.base != first.base }) else {
                findings.append(.holds(rule, entity: first.checkEntity, year: first.year, anchor: first))
                continue
            }
            let what = first.qualifier == .target ? "target" : "share"
            let message = "\(index.name(first.indicator)) \(what) \(first.raw) is stated of \(index.name(first.base!)) (line \(first.line)) and \(other.raw) of \(index.name(other.base!)) (line \(other.line)) in \(first.docId)"
            findings.append(.flagged(rule, entity: first.checkEntity, year: first.year, anchor: first,
                                     severity: rule.severity ?? .warning,
                                     indicators: [first.indicator, first.base!, other.base!],
                                     stated: first.value, expected: other.value,
                                     tolerance: "same base (\(first.base!) or \(other.base!)), not both",
                                     message: message, evidence: [first, other]))
        }
        return findings
    }
}
