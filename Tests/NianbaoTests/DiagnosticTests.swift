import Foundation
import Testing
import NianbaoModel
@testable import NianbaoPipeline

/// One diagnostic type for what the stages have to say: refused values, check flags, unreadable files.
@Suite struct DiagnosticTests {
    @Test func renderedWithItsFirstPlace() {
        let diagnostic = Diagnostic(code: "value_above_max", severity: .warning, message: "placement_rate = 130% rejected",
                                    locations: [DocumentLocation(docId: "a", page: 2, line: 14)])
        #expect(diagnostic.rendered == "a p2 l14: placement_rate = 130% rejected")
        #expect(Diagnostic(code: "reader", severity: .warning, message: "no text", locations: []).rendered == "no text")
    }

    @Test func flagAsDiagnosticKeepsKindSeverityAndEveryPlace() {
        let flag = Flag(id: "F0001", check: "placement_rate", kind: .percentMismatch, severity: .error, entity: "静安区",
                        year: 2025, indicators: ["placement_rate"], stated: 98.3, expected: 97.82, tolerance: "[97.8, 97.9)",
                        message: "stated 98.3%", evidence: [Evidence(docId: "003", page: 1, line: 149, quote: "…"),
                                                            Evidence(docId: "003", page: 1, line: 150, quote: "…")])
        let diagnostic = flag.diagnostic
        #expect(diagnostic.code == "percent_mismatch" && diagnostic.severity == .error)
        #expect(diagnostic.locations.map(\.line) == [149, 150])
    }

    @Test func unreadableFileIsAnErrorDiagnosticRenderedIntoErrors() throws {
        let report = Pipeline().process(path: "/nonexistent/report.txt", docId: "report")
        let diagnostic = try #require(report.diagnostics.first)
        #expect(diagnostic.code == "unreadable" && diagnostic.severity == .error)
        #expect(report.record.errors == [diagnostic.rendered])
        #expect(report.record.status == .failed)
    }
}
