import Foundation
import NianbaoModel

/// Terminal summary of a run: coverage, flag counts by kind and severity, then every error on a line.
public func summary(_ outcome: CheckOutcome) -> String {
    var lines: [String] = []
    let held = outcome.checks.filter { $0.status == .holds }.count
    let flagged = outcome.checks.filter { $0.status == .flagged }.count
    let skipped = outcome.checks.filter { $0.status == .skipped }.count
    let unpaired = outcome.checks.filter { $0.status == .skipped && $0.reason != nil }.count
    lines.append("checks: \(outcome.checks.count) relations — \(held) hold, \(flagged) flagged, \(skipped) skipped "
                 + "(\(skipped - unpaired) for values missing, \(unpaired) disagreeing but paired only by fallback)")
    lines.append("flags: \(outcome.flags.count)")
    for kind in FlagKind.allCases {
        let ofKind = outcome.flags.filter { $0.kind == kind }
        guard !ofKind.isEmpty else { continue }
        let counts = Severity.allCases.map { severity in
            "\(ofKind.filter { $0.severity == severity }.count) \(severity.rawValue)"
        }
        lines.append("  \(kind.rawValue): \(counts.joined(separator: ", "))")
    }
    let errors = outcome.flags.filter { $0.severity == .error }
    if !errors.isEmpty {
        lines.append("errors:")
        for flag in errors {
            let year = flag.year.map(String.init) ?? "-"
            let place = flag.evidence.first.map { " [\($0.docId):\($0.line)]" } ?? ""
            lines.append("  \(flag.id) \(flag.kind.rawValue) \(flag.entity) \(year): \(flag.message)\(place)")
        }
    }
    return lines.joined(separator: "\n")
}
