import Foundation
import Testing
import NianbaoModel
@testable import Checks

/// Issue 11 "no noise": one flag per inconsistency, how its values were paired, never unresolved entities.
@Suite("Check engine: no noise")
struct CheckNoiseTests {
    let rules = checkRules("""
    checks:
      - id: placement
        kind: share
        relation: placement_rate = placed_graduates / graduates * 100
    """)

    @Test func restatedInconsistencyIsOneFlagWithEveryPlace() {
        // The same wrong 98.3% in the summary (line 5) and the body (line 40), with the same counts.
        let outcome = CheckEngine(rules: rules).run(on: [
            checkObservation("placement_rate", "98.3", unit: "%", line: 5),
            checkObservation("placement_rate", "98.3", unit: "%", line: 40),
            checkObservation("placed_graduates", "629", line: 40),
            checkObservation("graduates", "643", line: 40),
        ])
        #expect(outcome.flags.count == 1)
        #expect(Set(outcome.flags[0].evidence.map(\.line)) == [5, 40])
        // Coverage still counts both statements, both pointing at the one flag.
        #expect(outcome.checks.map(\.flagId) == ["F0001", "F0001"])
    }

    @Test func pairingSaysWhereTheValuesCameFrom() {
        let sentence = CheckEngine(rules: rules).run(on: [
            checkObservation("placement_rate", "98.3", unit: "%", line: 40),
            checkObservation("placed_graduates", "629", line: 40),
            checkObservation("graduates", "643", line: 40),
        ])
        #expect(sentence.flags.first?.pairing == .sameSentence)
        let document = CheckEngine(rules: rules).run(on: [
            checkObservation("placement_rate", "98.3", unit: "%", line: 40),
            checkObservation("placed_graduates", "629", line: 40),
            checkObservation("graduates", "643", line: 12, table: true),
        ])
        #expect(document.flags.first?.pairing == .sameDocument)
        let across = CheckEngine(rules: rules).run(on: [
            checkObservation("placement_rate", "98.3", unit: "%", line: 40),
            checkObservation("placed_graduates", "629", line: 40),
            checkObservation("graduates", "643", doc: "other", line: 12),
        ])
        #expect(across.flags.first?.pairing == .acrossDocuments)
    }

    /// A flag only when every value was paired from the same sentence, table or an explicit reference: values
    /// from different places whose entity or year is a fallback are a skipped relation with the reason.
    @Test func valuesJoinedOnlyByAFallbackAreSkippedWithTheReason() throws {
        // 98.3% and 629 in one sentence naming the year; 643 graduates elsewhere, its year only the one the body
        // names most.
        let outcome = CheckEngine(rules: rules).run(on: [
            checkObservation("placement_rate", "98.3", unit: "%", line: 40, entitySource: "sentence", yearSource: "clause"),
            checkObservation("placed_graduates", "629", line: 40, entitySource: "sentence", yearSource: "clause"),
            checkObservation("graduates", "643", line: 12, entitySource: "document_subject", yearSource: "body_years"),
        ])
        #expect(outcome.flags.isEmpty)
        let record = try #require(outcome.checks.first)
        #expect(record.status == .skipped)
        #expect(record.flagId == nil)
        #expect(record.missing == ["graduates (explicit year)"])
        let reason = try #require(record.reason)
        #expect(reason.contains("graduates 643人 (doc p1 L12): year 2022 by body_years"), "\(reason)")
        #expect(reason.hasPrefix("not flagged: 98.3 against 97.82"), "\(reason)")

        // An inferred subject across documents: the same.
        let across = CheckEngine(rules: rules).run(on: [
            checkObservation("placement_rate", "98.3", unit: "%", line: 40, entitySource: "sentence", yearSource: "clause"),
            checkObservation("placed_graduates", "629", line: 40, entitySource: "sentence", yearSource: "clause"),
            checkObservation("graduates", "643", doc: "other", line: 12, entitySource: "inferred_subject",
                             yearSource: "front_matter"),
        ])
        #expect(across.flags.isEmpty)
        #expect(across.checks.first?.missing == ["graduates (explicit entity)"])
    }

    @Test func aSentenceOrATableNeedsNoExplicitEntityOrYear() throws {
        // All three in one sentence whose year is the publication's: the sentence pairs them.
        let sentence = CheckEngine(rules: rules).run(on: [
            checkObservation("placement_rate", "98.3", unit: "%", line: 40, entitySource: "inferred_subject", yearSource: "published"),
            checkObservation("placed_graduates", "629", line: 40, entitySource: "inferred_subject", yearSource: "published"),
            checkObservation("graduates", "643", line: 40, entitySource: "inferred_subject", yearSource: "published"),
        ])
        let flag = try #require(sentence.flags.first)
        #expect(flag.pairing == .sameSentence)
        #expect(flag.evidence.count == 3)
        #expect(Set(flag.evidence.map(\.entitySource)) == ["inferred_subject"])
        #expect(Set(flag.evidence.map(\.yearSource)) == ["published"])
        // One sentence wrapped over two lines quotes the same sentence for both.
        let quote = "毕业生 643 人，落实 629 人，落实率 98.3%。"
        let wrapped = CheckEngine(rules: rules).run(on: [
            checkObservation("placement_rate", "98.3", unit: "%", line: 41, quote: quote, yearSource: "body_years"),
            checkObservation("placed_graduates", "629", line: 40, quote: quote, yearSource: "body_years"),
            checkObservation("graduates", "643", line: 40, quote: quote, yearSource: "body_years"),
        ])
        #expect(wrapped.flags.first?.pairing == .sameSentence)
        // The cells of one table, its year the document's.
        let table = CheckEngine(rules: rules).run(on: [
            checkObservation("placement_rate", "98.3", unit: "%", line: 42, table: true, yearSource: "published", section: "t1"),
            checkObservation("placed_graduates", "629", line: 41, table: true, yearSource: "published", section: "t1"),
            checkObservation("graduates", "643", line: 40, table: true, yearSource: "published", section: "t1"),
        ])
        #expect(table.flags.first?.pairing == .sameTable)
        // Different places, each value's entity and year read where it stands: flagged, each value saying how.
        let explicit = CheckEngine(rules: rules).run(on: [
            checkObservation("placement_rate", "98.3", unit: "%", line: 40, entitySource: "subject_word", yearSource: "sentence"),
            checkObservation("placed_graduates", "629", line: 40, entitySource: "subject_word", yearSource: "sentence"),
            checkObservation("graduates", "643", line: 12, table: true, entitySource: "document_subject",
                             yearSource: "table_header", section: "t1"),
        ])
        let document = try #require(explicit.flags.first)
        #expect(document.pairing == .sameDocument)
        #expect(document.evidence.map { "\($0.line) \($0.entitySource ?? "-") \($0.yearSource ?? "-")" }
                == ["40 subject_word sentence", "40 subject_word sentence", "12 document_subject table_header"])
    }

    @Test func unresolvedEntitiesAndYearsAreNeverJoined() {
        let outcome = CheckEngine(rules: rules).run(on: [
            checkObservation("placement_rate", "98.3", unit: "%", entity: "unknown", line: 40),
            checkObservation("placed_graduates", "629", entity: "unknown", line: 40),
            checkObservation("graduates", "643", entity: "unknown", line: 40),
            checkObservation("placement_rate", "98.3", unit: "%", year: nil, line: 50),
            checkObservation("placed_graduates", "629", year: nil, line: 50),
            checkObservation("graduates", "643", year: nil, line: 50),
        ])
        #expect(outcome.flags.isEmpty)
        #expect(outcome.checks.isEmpty)
    }
}

/// Where a value is stated twice, the one whose entity and year were read is joined before a nearer guess.
@Suite("Check engine: explicit values first")
struct CheckExplicitFirstTests {
    @Test func aReadValueIsPreferredToANearerGuess() throws {
        let rules = checkRules("""
        checks:
          - id: placement
            kind: share
            relation: placement_rate = placed_graduates / graduates * 100
        """)
        let statement = [
            checkObservation("placement_rate", "98.3", unit: "%", line: 40, entitySource: "sentence", yearSource: "clause"),
            checkObservation("placed_graduates", "629", line: 40, entitySource: "sentence", yearSource: "clause"),
        ]
        // 643 two lines away with a guessed year, 643 in a table far off with its header's year.
        let outcome = CheckEngine(rules: rules).run(on: statement + [
            checkObservation("graduates", "643", line: 42, entitySource: "document_subject", yearSource: "body_years"),
            checkObservation("graduates", "643", line: 300, table: true, entitySource: "document_subject",
                             yearSource: "table_header", section: "t1"),
        ])
        let flag = try #require(outcome.flags.first)
        #expect(Set(flag.evidence.map(\.line)) == [40, 300])
        #expect(outcome.checks.allSatisfy { $0.reason == nil })
    }
}
