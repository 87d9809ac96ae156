import Foundation
import Testing
import GRDB
import NianbaoModel
@testable import Dataset

@Suite struct DatasetWriterTests {
    typealias F = DatasetFixtures

    /// The field lists of ../shared/docs/data-contract.md, copied by hand so a rename on either side fails here.
    static let contractFields: [String: [String]] = [
        "documents.jsonl": ["doc_id", "source", "sha256", "format", "title", "region", "report_year", "issuer",
                            "published", "pages", "status", "errors"],
        "sections.jsonl": ["doc_id", "id", "kind", "level", "number", "title", "parent", "page_start", "page_end",
                           "line_start", "line_end"],
        "observations.jsonl": ["doc_id", "indicator", "name_zh", "entity", "year", "value", "unit", "raw",
                               "qualifier", "page", "line", "section_id", "quote", "rule_id"],
        "rejected.jsonl": ["doc_id", "indicator", "name_zh", "entity", "year", "value", "unit", "raw",
                           "qualifier", "page", "line", "section_id", "quote", "rule_id", "reason"],
        "flags.jsonl": ["id", "check", "kind", "severity", "entity", "year", "indicators", "stated", "expected",
                        "tolerance", "message", "evidence"],
        "checks.jsonl": ["check", "kind", "entity", "year", "status", "flag_id", "missing"],
    ]

    @Test func roundTripGivesBackTheSameRecords() throws {
        let out = F.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: out) }
        let run = F.run
        try DatasetWriter(outputDirectory: out).write(run)
        let loaded = try DatasetReader.load(outputDirectory: out)

        // Documents come back sorted by doc_id: "001_…" before "synthetic_2023".
        #expect(loaded.documents == run.documents)
        #expect(loaded.sections == run.sections)
        // Observations are grouped by doc_id, each document keeping its order.
        let expected = run.observations.filter { $0.docId == F.report2024 }
            + run.observations.filter { $0.docId == F.report2023 }
        #expect(loaded.observations == expected)
        #expect(loaded.rejected == run.rejected)
        #expect(loaded.flags == run.flags)
        #expect(loaded.checks == run.checks)
        #expect(loaded.observations.map { plainDecimal($0.value) }.contains("13.1"))
        #expect(loaded.documents[1].errors == ["no table of contents found", "page 3: no text"])
    }

    @Test func everyJSONLineHasTheContractFieldsInSortedOrder() throws {
        let out = F.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: out) }
        try DatasetWriter(outputDirectory: out).write(F.run)

        for (file, fields) in Self.contractFields {
            let lines = try F.lines(out, file)
            #expect(!lines.isEmpty, "\(file) is empty")
            for line in lines {
                let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
                let missing = Set(fields).subtracting(object.keys)
                #expect(missing.isEmpty, "\(file) lacks \(missing.sorted())")
                // Keys are written sorted so files diff cleanly.
                let keysInOrder = try orderedKeys(line)
                #expect(keysInOrder == keysInOrder.sorted(), "\(file): keys not sorted")
            }
        }
        // Documents carry exactly the contract's fields and the documented extras, nulls included (never omitted).
        let documents = try F.jsonObjects(out, "documents.jsonl")
        #expect(Set(documents[1].keys) == Set(Self.contractFields["documents.jsonl"]!
                                              + ["subject", "subject_kind", "subject_source", "report_year_source", "source_address"]))
        #expect(documents[1]["subject"] is NSNull)
        #expect(documents[1]["format"] is NSNull)
        #expect(documents[1]["published"] is NSNull)
        // Evidence items are the contract's {doc_id, page, line, quote} and how the value was paired (null when
        // the record does not say).
        let flag = try F.jsonObjects(out, "flags.jsonl")[0]
        let evidence = flag["evidence"] as! [[String: Any]]
        #expect(evidence.count == 2)
        #expect(Set(evidence[0].keys) == ["doc_id", "page", "line", "quote", "entity_source", "year_source"])
        #expect(evidence[0]["entity_source"] is NSNull)
        #expect(evidence[1]["line"] as? Int == 716)
        #expect(flag["indicators"] as? [String] == ["enrollment"])
        let check = try F.jsonObjects(out, "checks.jsonl")[1]
        #expect(check["missing"] as? [String] == ["fulltime_teachers"])
        #expect(check["flag_id"] is NSNull)
        #expect(check["reason"] is NSNull)
    }

    @Test func decimalsAreWrittenExactly() throws {
        let out = F.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: out) }
        var run = F.run
        let sum = Decimal(string: "0.1")! + Decimal(string: "0.2")!
        let base = run.observations[0]
        for (index, value) in [Decimal(string: "1.57")!, Decimal(string: "84713600")!, sum,
                               Decimal(string: "81.40")!].enumerated() {
            var observation = base
            observation.indicator = "probe\(index)"
            observation.value = value
            run.observations.append(observation)
        }
        try DatasetWriter(outputDirectory: out).write(run)

        let json = try F.lines(out, "observations.jsonl").joined(separator: "\n")
        #expect(json.contains(#""value":1.57,"#))
        #expect(json.contains(#""value":84713600,"#))
        #expect(json.contains(#""value":0.3,"#))
        #expect(json.contains(#""value":81.4,"#))
        #expect(!json.contains("0.30000000000000004"))
        #expect(!json.contains("1.5699999"))
        #expect(!json.contains("E+") && !json.contains("e+"))

        let csv = try String(contentsOf: out.appendingPathComponent("observations.csv"), encoding: .utf8)
        let rows = CSV.parse(csv)
        let valueColumn = rows[0].firstIndex(of: "value")!
        let indicatorColumn = rows[0].firstIndex(of: "indicator")!
        let probes = rows.filter { $0[indicatorColumn].hasPrefix("probe") }.map { $0[valueColumn] }
        #expect(probes == ["1.57", "84713600", "0.3", "81.4"])

        let db = try DatabaseQueue(path: out.appendingPathComponent("nianbao.sqlite").path)
        try db.read { (db: Database) throws in
            let row = try Row.fetchOne(db, sql: """
                SELECT value, typeof(value) AS type, value_text FROM observations WHERE indicator = 'probe0'
                """)!
            #expect(row["value"] as Double == 1.57)
            #expect(row["type"] as String == "real")
            #expect(row["value_text"] as String == "1.57")
            let big = try Row.fetchOne(db, sql: "SELECT value, typeof(value) AS type FROM observations WHERE indicator = 'probe1'")!
            #expect(big["value"] as Int64 == 84_713_600)
            #expect(big["type"] as String == "integer")
            #expect(try String.fetchOne(db, sql: "SELECT value_text FROM observations WHERE indicator = 'probe2'") == "0.3")
            #expect(try String.fetchOne(db, sql: "SELECT CAST(value AS TEXT) FROM observations WHERE indicator = 'probe2'") == "0.3")
        }
        #expect(plainDecimal(Decimal(string: "-0.0")!) == "0")
        #expect(expandExponent("1.5E+3") == "1500")
        #expect(expandExponent("2e-3") == "0.002")
    }

    @Test func csvQuotingSurvivesCommasQuotesAndNewlines() throws {
        let out = F.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: out) }
        let run = F.run
        try DatasetWriter(outputDirectory: out).write(run)
        let text = try String(contentsOf: out.appendingPathComponent("observations.csv"), encoding: .utf8)

        // The quote `"永达班",对口就业率实现100%` + newline is written quoted with doubled quotes.
        #expect(text.contains("\"\"\"永达班\"\",对口就业率实现100%\n（续）\""))
        #expect(text.hasPrefix("doc_id,indicator,name_zh,entity,year,value,unit,raw,qualifier,page,line,section_id,quote,rule_id,"))
        let rows = CSV.parse(text)
        #expect(rows.count == run.observations.count + 1)
        #expect(rows.allSatisfy { $0.count == RecordFields.observation.count })
        let quoteColumn = rows[0].firstIndex(of: "quote")!
        let parsedQuotes = Set(rows.dropFirst().map { $0[quoteColumn] })
        #expect(parsedQuotes == Set(run.observations.map(\.quote)))
        // The raw text `12001 人` has no comma; a table row's tabs need no quoting either.
        #expect(CSV.field("1\t生师比") == "1\t生师比")
        #expect(CSV.field("12,001人") == "\"12,001人\"")
        #expect(CSV.row(["a", "", "b\"c"]) == "a,,\"b\"\"c\"\r\n")
    }

    @Test func writingTheSameRunTwiceChangesNothing() throws {
        let out = F.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: out) }
        let writer = DatasetWriter(outputDirectory: out)
        try writer.write(F.run)
        let files = ["documents.jsonl", "sections.jsonl", "observations.jsonl", "observations.csv", "rejected.jsonl",
                     "flags.jsonl", "checks.jsonl", "panel.csv", "panel_sources.csv"]
        let first = try files.map { try Data(contentsOf: out.appendingPathComponent($0)) }
        let firstDump = try databaseDump(out)

        // Input order must not matter either (documents processed in parallel arrive in any order).
        var shuffled = F.run
        shuffled.documents.reverse()
        try writer.write(shuffled)
        let second = try files.map { try Data(contentsOf: out.appendingPathComponent($0)) }
        #expect(first == second)
        #expect(try databaseDump(out) == firstDump)
        #expect(firstDump["observations"]?.count == 9)
        #expect(firstDump["documents"]?.count == 2)
        #expect(firstDump["sections"]?.count == 2)
        #expect(firstDump["flags"]?.count == 1)
        #expect(firstDump["checks"]?.count == 2)
    }

    @Test func reimportingAChangedFileReplacesItsRowsOnly() throws {
        let out = F.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: out) }
        let writer = DatasetWriter(outputDirectory: out)
        try writer.write(F.run)

        // The synthetic report changed (new sha256) and now yields no observations; the 2024 report is absent.
        var changed = F.run
        changed.documents = [changed.documents[1]]
        changed.documents[0].sha256 = String(repeating: "c", count: 64)
        changed.sections = []
        changed.observations = []
        try writer.write(changed)

        let db = try DatabaseQueue(path: out.appendingPathComponent("nianbao.sqlite").path)
        try db.read { (db: Database) throws in
            #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM documents") == 2)
            #expect(try String.fetchOne(db, sql: "SELECT sha256 FROM documents WHERE doc_id = 'synthetic_2023'")
                    == String(repeating: "c", count: 64))
            #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM observations WHERE doc_id = 'synthetic_2023'") == 0)
            // The 2024 report's rows from the earlier run stay.
            #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM observations WHERE doc_id = ?",
                                     arguments: [F.report2024]) == 8)
        }
    }

    @Test func sqliteHasTheContractTablesAndAnswersQueries() throws {
        let out = F.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: out) }
        try DatasetWriter(outputDirectory: out).write(F.run)
        let db = try DatabaseQueue(path: out.appendingPathComponent("nianbao.sqlite").path)
        try db.read { (db: Database) throws in
            for (table, file) in [("documents", "documents.jsonl"), ("sections", "sections.jsonl"),
                                  ("observations", "observations.jsonl"), ("flags", "flags.jsonl"),
                                  ("checks", "checks.jsonl")] {
                let columns = Set(try db.columns(in: table).map(\.name))
                let missing = Set(Self.contractFields[file]!).subtracting(columns)
                #expect(missing.isEmpty, "\(table) lacks \(missing.sorted())")
            }
            let values = try String.fetchAll(db, sql: """
                SELECT value_text FROM observations
                WHERE entity = '浦东新区' AND indicator = 'enrollment' AND year = 2024 AND qualifier IS NULL
                ORDER BY seq
                """)
            #expect(values == ["12001", "12001"])
            #expect(try Int.fetchOne(db, sql: "SELECT SUM(value) FROM observations WHERE indicator = 'enrollment' AND year = 2023") == 12206 + 12209)
            let errors = try String.fetchOne(db, sql: "SELECT errors FROM documents WHERE doc_id = 'synthetic_2023'")
            #expect(errors == #"["no table of contents found","page 3: no text"]"#)
            #expect(try String.fetchAll(db, sql: "SELECT value FROM json_each((SELECT missing FROM checks WHERE status = 'skipped'))")
                    == ["fulltime_teachers"])
            #expect(try Int.fetchOne(db, sql: "SELECT from_table FROM observations WHERE line = 614") == 1)
            #expect(try Double.fetchOne(db, sql: "SELECT stated FROM flags WHERE id = 'F0001'") == 12209)
        }
    }

    @Test func errorsNameThePathAndTheReason() throws {
        let out = F.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: out) }
        try DatasetWriter(outputDirectory: out).write(F.run)

        // A malformed third line of observations.jsonl.
        let observations = out.appendingPathComponent("observations.jsonl")
        var lines = try F.lines(out, "observations.jsonl")
        lines[2] = #"{"doc_id": "x", "value": "12,001"}"#
        try (lines.joined(separator: "\n") + "\n").write(to: observations, atomically: true, encoding: .utf8)
        #expect(throws: DatasetError.malformedLine(path: observations.path, line: 3, reason: "missing field `indicator`")) {
            try DatasetReader.load(outputDirectory: out)
        }
        lines[2] = "{not json"
        try lines.joined(separator: "\n").write(to: observations, atomically: true, encoding: .utf8)
        do {
            _ = try DatasetReader.load(outputDirectory: out)
            Issue.record("malformed JSON was accepted")
        } catch {
            guard case .malformedLine(let path, let line, _) = error else { Issue.record("\(error)"); return }
            #expect(path == observations.path && line == 3)
            #expect(error.description.hasPrefix(observations.path + ": malformed line 3"))
        }

        try FileManager.default.removeItem(at: observations)
        #expect(throws: DatasetError.missingFile(path: observations.path)) {
            try DatasetReader.load(outputDirectory: out)
        }

        // --out names an existing file, not a directory.
        let notADirectory = out.appendingPathComponent("panel.csv")
        #expect(throws: DatasetError.self) { try DatasetWriter(outputDirectory: notADirectory).write(F.run) }
        do {
            try DatasetWriter(outputDirectory: notADirectory.appendingPathComponent("sub")).write(F.run)
            Issue.record("wrote under a file")
        } catch {
            guard case .cannotCreateDirectory(let path, _) = error else { Issue.record("\(error)"); return }
            #expect(path == notADirectory.appendingPathComponent("sub").path)
        }
    }

    @Test func writesTenThousandObservationsQuickly() throws {
        let out = F.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: out) }
        var run = F.run
        let base = run.observations[0]
        run.observations = (0..<10_000).map { index in
            var observation = base
            observation.line = index + 1
            observation.value = Decimal(index) / 100
            return observation
        }
        let clock = ContinuousClock()
        let elapsed = try clock.measure { try DatasetWriter(outputDirectory: out).write(run) }
        let db = try DatabaseQueue(path: out.appendingPathComponent("nianbao.sqlite").path)
        #expect(try db.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM observations") } == 10_000)
        #expect(try db.read { try String.fetchOne($0, sql: "SELECT value_text FROM observations WHERE line = 1235") } == "12.34")
        // A loose bound: catches accidental quadratic work, not machine load (debug build, shared cores).
        #expect(elapsed < .seconds(60), "writing 10k observations took \(elapsed)")
    }

    /// Every row of every table, as text, for comparing two states of the database.
    private func databaseDump(_ out: URL) throws -> [String: [String]] {
        let db = try DatabaseQueue(path: out.appendingPathComponent("nianbao.sqlite").path)
        return try db.read { (db: Database) throws in
            var dump: [String: [String]] = [:]
            for table in ["documents", "sections", "observations", "flags", "checks"] {
                dump[table] = try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY rowid").map(\.description)
            }
            return dump
        }
    }

    /// The keys of a one-level JSON object in the order written.
    private func orderedKeys(_ line: String) throws -> [String] {
        var keys: [String] = []
        var depth = 0
        var index = line.startIndex
        var expectingKey = false
        while index < line.endIndex {
            let character = line[index]
            if character == "\"" {
                var end = line.index(after: index)
                while line[end] != "\"" { if line[end] == "\\" { end = line.index(after: end) }; end = line.index(after: end) }
                if depth == 1 && expectingKey { keys.append(String(line[line.index(after: index)..<end])) }
                expectingKey = false
                index = line.index(after: end)
                continue
            }
            switch character {
            case "{", "[": depth += 1; expectingKey = character == "{" && depth == 1
            case "}", "]": depth -= 1
            case ",": expectingKey = depth == 1
            default: break
            }
            index = line.index(after: index)
        }
        return keys
    }
}
