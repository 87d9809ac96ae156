import Foundation
import Testing
import NianbaoModel
import Dataset
@testable import Review

/// The review page in headless Chromium: rendered without script errors, every flag with its evidence, the
/// charts with each entity's years and disputed points, filters that work offline, and a screenshot.
@Suite(.enabled(if: ReviewReportTests.chromium != nil,
                "chromium not installed (apt-get install -y chromium fonts-noto-cjk); .ci/run installs it"))
struct ReviewBrowserTests {
    /// The DOM after the page's scripts ran, and what Chromium logged.
    static func render(_ page: URL, hash: String = "") throws -> (dom: String, log: String) {
        let profile = ExternalTool.temporaryDirectory("nianbao-chromium")
        defer { try? FileManager.default.removeItem(at: profile) }
        let result = try ExternalTool.run(ReviewReportTests.chromium!, [
            "--headless", "--disable-gpu", "--no-sandbox", "--disable-dev-shm-usage", "--no-first-run",
            "--user-data-dir=\(profile.path)", "--enable-logging=stderr", "--v=0", "--virtual-time-budget=10000",
            "--dump-dom", page.absoluteString + hash,
        ], seconds: 120)
        #expect(result.status == 0, "chromium exited \(result.status): \(result.stderr.suffix(2000))")
        return (withoutScripts(result.stdout), result.stderr)
    }

    /// The DOM without its `<script>` elements, whose source text holds the markup it builds.
    static func withoutScripts(_ dom: String) -> String {
        var out = "", rest = dom[...]
        while let start = rest.range(of: "<script") {
            out += rest[..<start.lowerBound]
            guard let end = rest.range(of: "</script>", range: start.upperBound..<rest.endIndex) else { return out }
            rest = rest[end.upperBound...]
        }
        return out + rest
    }

    static func noScriptErrors(_ rendered: (dom: String, log: String)) {
        #expect(rendered.dom.contains(#"data-rendered="yes""#), "the page's script did not finish")
        #expect(rendered.dom.contains(#"<pre id="console-errors"></pre>"#),
                "script errors: \(rendered.dom.components(separatedBy: "console-errors").dropFirst().first?.prefix(500) ?? "")")
        #expect(!rendered.dom.contains("data-errors="))
        // Chromium's own log of the page's console (CONSOLE lines) has no error either.
        let consoleErrors = rendered.log.split(separator: "\n").filter {
            $0.contains("CONSOLE") && ($0.contains("Uncaught") || $0.localizedCaseInsensitiveContains("error"))
        }
        #expect(consoleErrors.isEmpty, "\(consoleErrors)")
    }

    /// The HTML of one flag's article in the DOM.
    static func article(_ dom: String, _ id: String) -> String? {
        guard let anchor = dom.range(of: #"id="flag-\#(id)""#),
              let start = dom.range(of: "<article", options: .backwards, range: dom.startIndex..<anchor.lowerBound),
              let end = dom.range(of: "</article>", range: anchor.upperBound..<dom.endIndex) else { return nil }
        return String(dom[start.lowerBound..<end.upperBound])
    }

    /// The attribute texts of each `<circle …>` in the DOM (one string per circle).
    static func circles(_ dom: String) -> [String] {
        dom.components(separatedBy: "<circle ").dropFirst().map { String($0.prefix { $0 != ">" }) }
    }

    static func attribute(_ name: String, _ tag: String) -> String? {
        guard let range = tag.range(of: " \(name)=\"") ?? (tag.hasPrefix("\(name)=\"") ? tag.range(of: "\(name)=\"") : nil)
        else { return nil }
        return String(tag[range.upperBound...].prefix { $0 != "\"" })
    }

    @Test func theReportShowsEveryFlagWithItsEvidence() throws {
        let rendered = try Self.render(ReviewReportTests.realPage)
        Self.noScriptErrors(rendered)
        let flags = AnalystCorpus.run.flags
        #expect(flags.count >= 30)
        for flag in flags {
            let html = try #require(Self.article(rendered.dom, flag.id), "flag \(flag.id) is not on the page")
            #expect(html.contains(#"class="flag \#(flag.severity.rawValue)""#))
            #expect(html.components(separatedBy: "<li>").count - 1 == flag.evidence.count, "\(flag.id): evidence missing")
            for evidence in flag.evidence {
                #expect(html.contains("\(evidence.docId) p\(evidence.page) L\(evidence.line)"))
                // The quote's text is there with its numbers marked: take the quote's longest run without digits.
                let words = evidence.quote.split(whereSeparator: { $0.isNumber || "<>&\"'".contains($0) })
                let longest = words.map { $0.trimmingCharacters(in: .whitespaces) }.max(by: { $0.count < $1.count })
                if let longest, longest.count >= 2 {
                    #expect(html.contains(String(longest)), "\(flag.id): quote text \(longest) missing")
                }
            }
            #expect(html.contains(#"<mark class="num">"#))
        }
        // Grouped by severity: all errors come before the first warning, warnings before info.
        let order = flags.sorted(by: ReviewData.flagOrder).map(\.id)
        let positions = order.compactMap { rendered.dom.range(of: #"id="flag-\#($0)""#)?.lowerBound }
        #expect(positions == positions.sorted())
        // Each publication's checked format is named in the document list: five publications, five checked.
        #expect(rendered.dom.components(separatedBy: #"<span class="checked">"#).count - 1 == 5)
        #expect(rendered.dom.components(separatedBy: #"<span class="other-format">"#).count - 1 == AnalystCorpus.run.documents.count - 5)
        // Chinese survives into the DOM.
        #expect(rendered.dom.contains("浦东新区") && rendered.dom.contains("毕业去向落实率"))
    }

    @Test func aChartShowsEachEntitysYearsAndMarksDisputedPoints() throws {
        let rendered = try Self.render(ReviewReportTests.realPage, hash: "#indicator=placement_rate")
        Self.noScriptErrors(rendered)
        #expect(rendered.dom.contains(#"<svg class="chart-svg""#) && rendered.dom.contains(#"data-indicator="placement_rate""#))
        let panel = Panel(observations: AnalystCorpus.run.observations, documents: AnalystCorpus.run.documents,
                          flags: AnalystCorpus.run.flags)
        let rows = panel.rows.filter { $0.indicator == "placement_rate" }
        #expect(rows.count >= 2)
        let circles = Self.circles(rendered.dom)
        let attribute = Self.attribute
        for row in rows {
            let years = circles.filter { attribute("data-entity", $0) == row.entity }.compactMap { attribute("data-year", $0) }
            #expect(years == row.cells.keys.sorted().map(String.init), "\(row.entity): chart years \(years)")
        }
        // Pudong 2023 (89.3, disputed by a flag) is drawn as a disputed point naming that flag.
        let pudong = try #require(circles.first { attribute("data-entity", $0) == "浦东新区" && attribute("data-year", $0) == "2023" })
        #expect(attribute("class", pudong) == "pt disputed")
        #expect(attribute("data-value", pudong) == "89.3")
        let flag = try #require(AnalystCorpus.run.flags.first { $0.entity == "浦东新区" && $0.year == 2023 && $0.indicators.contains("placement_rate") })
        #expect(attribute("data-flags", pudong)?.split(separator: " ").contains(Substring(flag.id)) == true)
        // Only that indicator's flags are listed under the indicator filter.
        #expect(rendered.dom.contains(#"id="flag-\#(flag.id)""#))
        #expect(!AnalystCorpus.run.flags.filter { !$0.indicators.contains("placement_rate") }
            .contains { rendered.dom.contains(#"id="flag-\#($0.id)""#) })
    }

    @Test func aPointOpensItsSources() throws {
        // What a click on Pudong's 2023 placement rate shows, opened through the link the click writes.
        let rendered = try Self.render(ReviewReportTests.realPage,
                                       hash: "#indicator=placement_rate&point=%E6%B5%A6%E4%B8%9C%E6%96%B0%E5%8C%BA%2F2023")
        Self.noScriptErrors(rendered)
        let start = try #require(rendered.dom.range(of: #"<div class="point-sources"><div><b>浦东新区 2023: 89.3 %</b>"#))
        let box = String(rendered.dom[start.lowerBound...].prefix(3000))
        let cell = try #require(Panel(observations: AnalystCorpus.run.observations, documents: AnalystCorpus.run.documents,
                                      flags: AnalystCorpus.run.flags).rows
            .first { $0.entity == "浦东新区" && $0.indicator == "placement_rate" }?.cells[2023])
        #expect(box.contains("flagged: "))
        for flag in cell.flags { #expect(box.contains(##"<a href="#flag-\##(flag)">"##)) }
        for source in cell.sources { #expect(box.contains("\(source.docId) p\(source.page) L\(source.line)")) }
        #expect(box.contains(#"<li class="accepted">"#))
    }

    @Test func filtersByEntityAndSeverityWorkOffline() throws {
        let rendered = try Self.render(ReviewReportTests.realPage, hash: "#entity=%E9%9D%99%E5%AE%89%E5%8C%BA&severity=error")
        Self.noScriptErrors(rendered)
        let expected = AnalystCorpus.run.flags.filter { $0.entity == "静安区" && $0.severity == .error }.map(\.id)
        #expect(!expected.isEmpty)
        let shown = rendered.dom.components(separatedBy: #"data-flag=""#).dropFirst().map { String($0.prefix { $0 != "\"" }) }
        #expect(shown.sorted() == expected.sorted())
        let entities = Self.circles(rendered.dom).compactMap { Self.attribute("data-entity", $0) }
        #expect(!entities.isEmpty && Set(entities) == ["静安区"])
    }

    @Test func aScreenshotIsSaved() throws {
        let shots = TestPaths.repoRoot.appendingPathComponent(".build/screenshots")
        try FileManager.default.createDirectory(at: shots, withIntermediateDirectories: true)
        let profile = ExternalTool.temporaryDirectory("nianbao-chromium")
        defer { try? FileManager.default.removeItem(at: profile) }
        let png = shots.appendingPathComponent("report.png")
        try? FileManager.default.removeItem(at: png)
        let result = try ExternalTool.run(ReviewReportTests.chromium!, [
            "--headless", "--disable-gpu", "--no-sandbox", "--disable-dev-shm-usage", "--no-first-run", "--hide-scrollbars",
            "--user-data-dir=\(profile.path)", "--window-size=1400,1800", "--virtual-time-budget=10000",
            "--screenshot=\(png.path)", ReviewReportTests.realPage.absoluteString + "#indicator=placement_rate",
        ], seconds: 120)
        let data = try Data(contentsOf: png)
        #expect(Array(data.prefix(4)) == [0x89, 0x50, 0x4E, 0x47], "not a PNG: \(result.stderr.suffix(500))")
        #expect(data.count > 50_000, "a blank page would compress far smaller")
    }

    @Test func aThousandDocumentPageRendersItsFirstPages() throws {
        let directory = ExternalTool.temporaryDirectory("nianbao-review-1000")
        defer { try? FileManager.default.removeItem(at: directory) }
        let page = directory.appendingPathComponent("report.html")
        try ReviewReport(run: ReviewReportTests.syntheticRun(documents: 1000)).write(to: page)
        let clock = ContinuousClock()
        var rendered: (dom: String, log: String) = ("", "")
        let elapsed = try clock.measure { rendered = try Self.render(page) }
        Self.noScriptErrors(rendered)
        #expect(elapsed < .seconds(90), "opening the 1,000-document page took \(elapsed)")
        // Paged: 100 flags, 25 documents and their outlines only when opened.
        #expect(rendered.dom.components(separatedBy: "<article class=\"flag").count - 1 == 100)
        #expect(rendered.dom.components(separatedBy: "<details class=\"doc\"").count - 1 == 25)
        #expect(rendered.dom.contains("page 1 of 40"))
        #expect(!rendered.dom.contains("<ol class=\"outline\""))
    }
}
