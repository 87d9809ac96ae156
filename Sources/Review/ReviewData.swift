import Foundation
import NianbaoModel
import Dataset

/// The review page's data, as one JSON value the page's script renders on demand: a thousand documents'
/// outlines, flags and series would be tens of thousands of DOM nodes if all were drawn at once.
/// Built from what `nianbao import` wrote (documents, sections, flags) and the same panel the dataset
/// writes, so a chart shows exactly the cells of panel.csv and marks exactly the cells of panel_flags.csv.
struct ReviewData {
    let run: RunOutput
    let panel: Panel

    init(run: RunOutput, labels: [String: IndicatorLabel]) {
        self.run = run
        panel = Panel(observations: run.observations, documents: run.documents, labels: labels, flags: run.flags)
    }

    var json: FieldValue {
        .object([
            "summary": summary,
            "documents": .array(documents),
            "flags": .array(run.flags.sorted(by: ReviewData.flagOrder).map(flag)),
            "indicators": .array(indicators),
            "entities": .array(Set(panel.rows.map(\.entity)).union(run.flags.map(\.entity)).sorted().map(FieldValue.string)),
        ])
    }

    private var summary: FieldValue {
        func count(_ status: DocumentStatus) -> FieldValue { .int(run.documents.filter { $0.status == status }.count) }
        func count(_ severity: Severity) -> FieldValue { .int(run.flags.filter { $0.severity == severity }.count) }
        return .object([
            "documents": .int(run.documents.count), "ok": count(.ok), "partial": count(.partial),
            "failed": count(.failed), "sections": .int(run.sections.count),
            "observations": .int(run.observations.count),
            "primary_observations": .int(run.observations.filter(\.primary).count),
            "error": count(.error), "warning": count(.warning), "info": count(.info),
            "checks": .int(run.checks.count),
            "holds": .int(run.checks.filter { $0.status == .holds }.count),
            "skipped": .int(run.checks.filter { $0.status == .skipped }.count),
        ])
    }

    /// Outline rows are arrays, not objects ([level, kind, number, title, page, line]): a thousand documents'
    /// sections are the bulk of the page.
    private var documents: [FieldValue] {
        let sectionsByDocument = Dictionary(grouping: run.sections, by: \.docId)
        // A document whose values the checks and the panel use; other formats of its publication are not.
        let checked = Set(run.observations.filter(\.primary).map(\.docId))
        let unchecked = Set(run.observations.filter { !$0.primary }.map(\.docId))
        return run.documents.sorted { $0.docId < $1.docId }.map { document in
            let outline = (sectionsByDocument[document.docId] ?? []).filter { $0.kind != .toc }.map { section in
                FieldValue.array([.int(section.level), .string(section.kind.rawValue), optional(section.number),
                                  .string(section.title), .int(section.pageStart), .int(section.lineStart)])
            }
            return .object([
                "id": .string(document.docId), "source": .string(document.source),
                "format": optional(document.format?.rawValue), "title": optional(document.title),
                "region": optional(document.region), "year": document.reportYear.map(FieldValue.int) ?? .null,
                "subject": optional(document.subject), "subjectSource": optional(document.subjectSource),
                "yearSource": optional(document.reportYearSource), "address": optional(Self.webAddress(document.sourceAddress)),
                "pages": .int(document.pages), "status": .string(document.status.rawValue),
                "errors": .array(document.errors.map(FieldValue.string)), "outline": .array(outline),
                "checked": checked.contains(document.docId) ? .bool(true)
                    : unchecked.contains(document.docId) ? .bool(false) : .null,
            ])
        }
    }

    /// An http(s) address, the only kind the page makes a link of.
    static func webAddress(_ address: String?) -> String? {
        guard let address, let scheme = address.split(separator: ":").first?.lowercased(),
              scheme == "http" || scheme == "https" else { return nil }
        return address
    }

    private func flag(_ flag: Flag) -> FieldValue {
        .object([
            "id": .string(flag.id), "kind": .string(flag.kind.rawValue), "severity": .string(flag.severity.rawValue),
            "entity": .string(flag.entity), "year": flag.year.map(FieldValue.int) ?? .null,
            "indicators": .array(flag.indicators.map(FieldValue.string)), "stated": .decimal(flag.stated),
            "expected": .decimal(flag.expected), "tolerance": .string(flag.tolerance),
            "message": .string(flag.message),
            "evidence": .array(flag.evidence.map { evidence in
                .object(["doc": .string(evidence.docId), "page": .int(evidence.page), "line": .int(evidence.line),
                         "quote": .string(evidence.quote)])
            }),
        ])
    }

    /// One chart per indicator: a series per entity, a point per panel cell with its sources.
    private var indicators: [FieldValue] {
        let rowsByIndicator = Dictionary(grouping: panel.rows, by: \.indicator)
        return rowsByIndicator.keys.sorted().map { indicator in
            let rows = rowsByIndicator[indicator]!.sorted { $0.entity < $1.entity }
            let series = rows.map { row in
                FieldValue.object([
                    "entity": .string(row.entity),
                    "points": .array(row.cells.keys.sorted().map { point(row.cells[$0]!) }),
                ])
            }
            return .object(["id": .string(indicator), "name": .string(rows[0].nameZh), "unit": .string(rows[0].unit),
                            "series": .array(series)])
        }
    }

    private func point(_ cell: PanelCell) -> FieldValue {
        .object([
            "year": .int(cell.year), "value": .decimal(cell.value), "disagree": .bool(cell.disagree),
            "flags": .array(cell.flags.map(FieldValue.string)),
            "sources": .array(cell.sources.map { source in
                .object(["doc": .string(source.docId), "page": .int(source.page), "line": .int(source.line),
                         "value": .decimal(source.value), "table": .bool(source.fromTable),
                         "quote": .string(source.quote)])
            }),
        ])
    }

    /// Errors first, then warnings, then info; within a severity by id.
    static func flagOrder(_ a: Flag, _ b: Flag) -> Bool {
        let rank: [Severity: Int] = [.error: 0, .warning: 1, .info: 2]
        return (rank[a.severity]!, a.id) < (rank[b.severity]!, b.id)
    }

    private func optional(_ text: String?) -> FieldValue { text.map(FieldValue.string) ?? .null }
}
