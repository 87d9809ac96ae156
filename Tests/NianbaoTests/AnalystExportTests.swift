import Foundation
import Testing
import NianbaoModel
@testable import Dataset

/// `nianbao export` output opened by the tools an analyst uses: Python's csv module, LibreOffice.
@Suite struct AnalystExportTests {
    static let python = ExternalTool.find("python3")
    static let soffice = ExternalTool.find("soffice")

    /// Rows of a CSV file as Python's csv module reads it, with the encoding Excel-minded tools use
    /// (`utf-8-sig` drops the byte-order mark), as JSON.
    func pythonRows(_ path: String) throws -> [[String]] {
        let script = """
            import csv, json, sys
            with open(sys.argv[1], encoding='utf-8-sig', newline='') as f:
                print(json.dumps(list(csv.reader(f)), ensure_ascii=False))
            """
        let result = try ExternalTool.run(Self.python!, ["-c", script, path])
        #expect(result.status == 0, "python3: \(result.stderr)")
        return try JSONDecoder().decode([[String]].self, from: Data(result.stdout.utf8))
    }

    @Test func filtersKeepWhatTheyName() throws {
        let filter = ExportFilter(entities: ["浦东新区"], years: try ExportFilter.years("2019-2024"), measures: [.level],
                                  primaryOnly: true)
        let rows = Exporter(format: .csv, filter: filter).selected(AnalystCorpus.run)
        let expected = AnalystCorpus.run.observations.filter {
            $0.entity == "浦东新区" && ($0.year.map { (2019...2024).contains($0) } ?? false) && $0.measure == .level && $0.primary
        }
        #expect(rows.count == expected.count && rows.count > 50)
        #expect(try ExportFilter.years("2023") == 2023...2023)
        #expect(try ExportFilter.years("2019-") == 2019...2200)
        #expect(throws: ExportError.badYears("20x9")) { try ExportFilter.years("20x9") }
        #expect(throws: ExportError.badYears("2024-2019")) { try ExportFilter.years("2024-2019") }
    }

    @Test(.enabled(if: python != nil, "python3 not installed")) func pythonsCSVReaderReadsTheChinese() throws {
        let directory = ExternalTool.temporaryDirectory("nianbao-export")
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("placement.csv").path
        let filter = ExportFilter(indicators: ["placement_rate"], measures: [.level])
        let count = try Exporter(format: .csv, filter: filter).write(AnalystCorpus.run, to: path)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])

        let rows = try pythonRows(path)
        #expect(rows.count == count + 1)
        #expect(rows[0] == RecordFields.observation)
        let column = Dictionary(uniqueKeysWithValues: rows[0].enumerated().map { ($0.element, $0.offset) })
        let pudong2023 = rows.filter { $0[column["entity"]!] == "浦东新区" && $0[column["year"]!] == "2023" && $0[column["primary"]!] == "true" }
        #expect(pudong2023.map { $0[column["value"]!] } .contains("89.3"))
        #expect(pudong2023.allSatisfy { $0[column["name_zh"]!] == "毕业去向落实率" && $0[column["measure"]!] == "level" })
        #expect(rows.dropFirst().allSatisfy { $0[column["quote"]!].unicodeScalars.contains { $0.value >= 0x4E00 && $0.value <= 0x9FFF } })

        // --no-bom: the first byte is the header's.
        let plain = directory.appendingPathComponent("plain.csv").path
        try Exporter(format: .csv, filter: filter, byteOrderMark: false).write(AnalystCorpus.run, to: plain)
        #expect(try Data(contentsOf: URL(fileURLWithPath: plain)).first == UInt8(ascii: "d"))
        #expect(try pythonRows(plain) == rows)
    }

    @Test(.enabled(if: python != nil, "python3 not installed")) func xlsxAndSQLiteExportsHoldTheRows() throws {
        let directory = ExternalTool.temporaryDirectory("nianbao-export")
        defer { try? FileManager.default.removeItem(at: directory) }
        let filter = ExportFilter(entities: ["静安区"], primaryOnly: true)
        let xlsx = directory.appendingPathComponent("jingan.xlsx").path
        let count = try Exporter(format: .xlsx, filter: filter).write(AnalystCorpus.run, to: xlsx)
        #expect(count > 30)
        let sheet = try xlsxText(xlsx)
        #expect(sheet.sharedStrings.contains("静安区") && sheet.sharedStrings.contains("在校生数"))
        // One header row plus a row per observation, numbers stored as numbers (<c … t="n"> or untyped <v>).
        #expect(sheet.rows == count + 1)
        #expect(sheet.sheet.contains("<v>2261</v>"))

        let sqlite = directory.appendingPathComponent("jingan.sqlite").path
        #expect(try Exporter(format: .sqlite, filter: filter).write(AnalystCorpus.run, to: sqlite) == count)
        let loaded = try ExternalTool.run(Self.python!, ["-c", """
            import sqlite3, sys
            db = sqlite3.connect(sys.argv[1])
            print(db.execute("select count(*), count(distinct entity), min(entity) from observations").fetchone())
            """, sqlite])
        #expect(loaded.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "(\(count), 1, '静安区')")

        let jsonl = directory.appendingPathComponent("jingan.jsonl").path
        try Exporter(format: .jsonl, filter: filter).write(AnalystCorpus.run, to: jsonl)
        let lines = try String(contentsOfFile: jsonl, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == count && lines.allSatisfy { $0.contains(#""entity":"静安区""#) })
    }

    /// The issue's acceptance: LibreOffice converts the exported CSV to a workbook whose strings are the right
    /// Chinese. Headless LibreOffice (7.4) shows no import dialog and does not look at the byte-order mark: it
    /// reads a CSV as Latin-1 unless told the character set, so the conversion names UTF-8 (76) as a user picks
    /// it in the dialog; the mark itself must then vanish, not become part of the first header.
    @Test(.enabled(if: soffice != nil && python != nil,
                   "soffice not installed (apt-get install -y libreoffice-calc-nogui); .ci/run installs it"))
    func libreOfficeOpensTheExportedCSVWithTheRightChinese() throws {
        let directory = ExternalTool.temporaryDirectory("nianbao-soffice")
        defer { try? FileManager.default.removeItem(at: directory) }
        let csv = directory.appendingPathComponent("export.csv")
        let count = try Exporter(format: .csv, filter: ExportFilter(indicators: ["placement_rate", "enrollment"], primaryOnly: true))
            .write(AnalystCorpus.run, to: csv.path)
        let profile = directory.appendingPathComponent("profile")
        let result = try ExternalTool.run(Self.soffice!, [
            "-env:UserInstallation=file://\(profile.path)", "--headless", "--infilter=CSV:44,34,76", "--convert-to", "xlsx",
            "--outdir", directory.path, csv.path,
        ], seconds: 180)
        let xlsx = directory.appendingPathComponent("export.xlsx").path
        #expect(FileManager.default.fileExists(atPath: xlsx), "soffice: \(result.stdout) \(result.stderr)")
        let sheet = try xlsxText(xlsx)
        #expect(sheet.sharedStrings.contains("毕业去向落实率"))
        #expect(sheet.sharedStrings.contains("浦东新区"))
        #expect(sheet.sharedStrings.contains(">doc_id<"), "the byte-order mark must not glue to the first header")
        #expect(!sheet.sharedStrings.contains("\u{FEFF}"))
        // UTF-8 read as Latin-1 would show as æ/å/ç sequences.
        #expect(!sheet.sharedStrings.contains("æ") && !sheet.sharedStrings.contains("å"))
        #expect(sheet.rows == count + 1)
    }

    /// The first sheet's XML, the shared strings and the number of rows of an .xlsx (a zip), read by Python.
    func xlsxText(_ path: String) throws -> (sheet: String, sharedStrings: String, rows: Int) {
        let script = """
            import json, re, sys, zipfile
            z = zipfile.ZipFile(sys.argv[1])
            sheet = z.read('xl/worksheets/sheet1.xml').decode('utf-8')
            names = z.namelist()
            strings = z.read('xl/sharedStrings.xml').decode('utf-8') if 'xl/sharedStrings.xml' in names else ''
            print(json.dumps({'sheet': sheet, 'strings': strings, 'rows': len(re.findall(r'<row[ >]', sheet))}, ensure_ascii=False))
            """
        let result = try ExternalTool.run(Self.python!, ["-c", script, path])
        struct Content: Decodable { var sheet: String; var strings: String; var rows: Int }
        let content = try JSONDecoder().decode(Content.self, from: Data(result.stdout.utf8))
        return (content.sheet, content.strings, content.rows)
    }
}
