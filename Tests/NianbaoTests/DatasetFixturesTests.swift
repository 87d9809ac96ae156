import Foundation
import NianbaoModel
@testable import Dataset

/// A run built from values the 2024 Pudong report (001_b73c7974c5d57faa) states, plus one clearly synthetic
/// earlier report about the same district, so the panel has a cell with two disagreeing sources.
enum DatasetFixtures {
    static let pudong = "浦东新区"
    static let report2024 = "001_b73c7974c5d57faa"
    /// Synthetic: an earlier (2023) report about the same district; no such file is in the corpus.
    static let report2023 = "synthetic_2023"

    static func observation(_ doc: String, _ indicator: String, _ nameZh: String, year: Int?, _ value: String,
                            _ unit: String, raw: String, qualifier: Qualifier? = nil, page: Int = 1, line: Int,
                            quote: String, fromTable: Bool = false, decimals: Int = 0) -> Observation {
        Observation(docId: doc, indicator: indicator, nameZh: nameZh, entity: pudong, year: year,
                    value: Decimal(string: value)!, unit: unit, raw: raw, qualifier: qualifier, page: page,
                    line: line, sectionId: fromTable ? "table1" : "s1.1", quote: quote,
                    ruleId: fromTable ? "table.appendix" : "text.\(indicator)", decimals: decimals,
                    fromTable: fromTable)
    }

    static var run: RunOutput {
        let documents = [
            DocumentRecord(docId: report2024, source: "corpus/\(report2024).txt", sha256: String(repeating: "a", count: 64),
                           format: .text, title: "浦东新区中等职业教育质量年度报告（2024年度）", region: pudong,
                           reportYear: 2024, issuer: nil, published: "2025-01", pages: 1, status: .ok, errors: []),
            DocumentRecord(docId: report2023, source: "synthetic/\(report2023).txt", sha256: String(repeating: "b", count: 64),
                           format: nil, title: nil, region: pudong, reportYear: 2023, issuer: nil, published: nil,
                           pages: 1, status: .partial, errors: ["no table of contents found", "page 3: no text"]),
        ]
        let sections = [
            Section(docId: report2024, id: "s1", kind: .chapter, level: 1, number: "1", title: "人才培养",
                    parent: nil, pageStart: 1, pageEnd: 1, lineStart: 95, lineEnd: 300, blockStart: 10, blockEnd: 80),
            Section(docId: report2024, id: "s1.1", kind: .section, level: 2, number: "1.1", title: "办学规模",
                    parent: "s1", pageStart: 1, pageEnd: 1, lineStart: 99, lineEnd: 120, blockStart: 11, blockEnd: 20),
        ]
        let enrollmentTable = "1\t全日制在校生人数\t人\t12206\t12001"
        let observations = [
            // Text: "2024 年 6 所区属中职学校在校生共计 12001 人" (line 99).
            observation(report2024, "enrollment", "在校生数", year: 2024, "12001", "人", raw: "12001 人", line: 99,
                        quote: "2024 年 6 所区属中职学校在校生共计 12001 人。"),
            // Text: "在校生保持在 1.2 万人左右" — approximate, agrees with 12001.
            observation(report2024, "enrollment", "在校生数", year: 2024, "12000", "人", raw: "1.2 万人左右",
                        qualifier: .approx, line: 99, quote: "浦东新区中职学校在校生保持在 1.2 万人左右，", decimals: 1),
            // Appendix table 附表: two year columns (line 716).
            observation(report2024, "enrollment", "在校生数", year: 2023, "12206", "人", raw: "12206", line: 716,
                        quote: enrollmentTable, fromTable: true),
            observation(report2024, "enrollment", "在校生数", year: 2024, "12001", "人", raw: "12001", line: 716,
                        quote: enrollmentTable, fromTable: true),
            // Ratio: text 13.1 (line 218) and table 13.10 (line 614) — the same value.
            observation(report2024, "student_teacher_ratio", "生师比", year: 2024, "13.1", "ratio", raw: "13.1", line: 218,
                        quote: "专任教师总数917人，生师比为13.1，", decimals: 1),
            observation(report2024, "student_teacher_ratio", "生师比", year: 2024, "13.10", "ratio", raw: "13.10", line: 614,
                        quote: "1\t生师比\t:\t12.30\t13.10", fromTable: true, decimals: 2),
            // A quote with ASCII quotes, a comma and a newline, to exercise CSV quoting.
            observation(report2024, "matched_employment_rate", "对口就业率", year: 2024, "100", "%", raw: "100%",
                        line: 506, quote: "\"永达班\",对口就业率实现100%\n（续）"),
            // A target never fills a cell.
            observation(report2024, "enrollment", "在校生数", year: 2025, "13000", "人", raw: "1.3 万人",
                        qualifier: .target, line: 120, quote: "到2025年在校生达到1.3万人。", decimals: 1),
            // Synthetic earlier report: states 2023 enrollment differently, in text.
            observation(report2023, "enrollment", "在校生数", year: 2023, "12209", "人", raw: "12209人", line: 40,
                        quote: "2023年在校生12209人。"),
        ]
        let refused = observation(report2024, "student_teacher_ratio", "生师比", year: 2024, "20", "ratio", raw: "20:1",
                                  line: 218, quote: "规定中20:1的要求。")
        let rejected = [
            RejectedValue(observation: refused,
                          reason: Diagnostic(code: "value_above_max", severity: .warning,
                                             message: "student_teacher_ratio = 20:1 rejected: above the rule's maximum 19",
                                             locations: [])),
        ]
        let flags = [
            Flag(id: "F0001", check: "cross_report.enrollment", kind: .crossReport, severity: .warning, entity: pudong,
                 year: 2023, indicators: ["enrollment"], stated: Decimal(string: "12209")!,
                 expected: Decimal(string: "12206")!, tolerance: "[12206, 12206]",
                 message: "Two reports state different 2023 enrollment for 浦东新区: 12209 and 12206.",
                 evidence: [Evidence(docId: report2023, page: 1, line: 40, quote: "2023年在校生12209人。"),
                            Evidence(docId: report2024, page: 1, line: 716, quote: enrollmentTable)]),
        ]
        let checks = [
            CheckRecord(check: "cross_report.enrollment", kind: .crossReport, entity: pudong, year: 2023,
                        status: .flagged, flagId: "F0001", missing: []),
            CheckRecord(check: "ratio.student_teacher", kind: .ratioMismatch, entity: pudong, year: 2024,
                        status: .skipped, flagId: nil, missing: ["fulltime_teachers"]),
        ]
        return RunOutput(documents: documents, sections: sections, observations: observations, rejected: rejected,
                         flags: flags, checks: checks)
    }

    static func temporaryDirectory() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-dataset-\(UUID().uuidString)")
    }

    static func lines(_ directory: URL, _ name: String) throws -> [String] {
        try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
            .split(separator: "\n").map(String.init)
    }

    static func jsonObjects(_ directory: URL, _ name: String) throws -> [[String: Any]] {
        try lines(directory, name).map {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any]
        }
    }
}
