import Foundation
import NianbaoModel
import Dataset

/// `nianbao report`: one self-contained HTML page for reviewing a run — batch summary, each document's outline,
/// the flags by severity with their evidence, and a chart per indicator. No network: styles, script and data
/// are inline, and the charts are SVG drawn by the inline script.
///
/// The page is also well-formed XML (void elements closed, script in CDATA, data with `<`, `>` and `&`
/// escaped), so an XML parser can check it and no HTML parser has to guess.
public struct ReviewReport: Sendable {
    public var run: RunOutput
    public var labels: [String: IndicatorLabel]

    public init(run: RunOutput, labels: [String: IndicatorLabel] = [:]) {
        self.run = run
        self.labels = labels
    }

    public func html() -> String {
        let data = ReviewReport.scriptSafe(ReviewData(run: run, labels: labels).json.json)
        return """
            <!DOCTYPE html>
            <html xmlns="http://www.w3.org/1999/xhtml" lang="zh-CN">
            <head>
            <meta charset="utf-8"/>
            <meta name="viewport" content="width=device-width, initial-scale=1"/>
            <title>nianbao review</title>
            <script>//<![CDATA[
            \(ReviewAssets.errorHook)
            //]]></script>
            <style>
            \(ReviewAssets.css)
            </style>
            </head>
            <body>
            <header><h1>nianbao review</h1><div id="filters"></div></header>
            <section id="summary"><h2>Batch</h2></section>
            <section id="flags"><h2>Flags</h2><div class="body"></div></section>
            <section id="charts"><h2>Indicators</h2><div class="body"></div></section>
            <section id="documents"><h2>Documents</h2><div class="body"></div></section>
            <pre id="console-errors"></pre>
            <script type="application/json" id="review-data">\(data)</script>
            <script>//<![CDATA[
            \(ReviewAssets.script)
            //]]></script>
            </body>
            </html>

            """
    }

    /// Writes the page; returns its size in bytes.
    @discardableResult
    public func write(to url: URL) throws(DatasetError) -> Int {
        let bytes = Data(html().utf8)
        do { try bytes.write(to: url, options: .atomic) } catch {
            throw .cannotWrite(path: url.path, reason: (error as NSError).localizedDescription)
        }
        return bytes.count
    }

    /// JSON inside `<script>`: `<`, `>` and `&` only occur inside strings, where `\u003c` means the same.
    static func scriptSafe(_ json: String) -> String {
        var out = ""
        out.reserveCapacity(json.utf8.count)
        for scalar in json.unicodeScalars {
            switch scalar {
            case "<": out += "\\u003c"
            case ">": out += "\\u003e"
            case "&": out += "\\u0026"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
