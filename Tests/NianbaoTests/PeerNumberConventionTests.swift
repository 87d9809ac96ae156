import Testing
import Foundation
import NianbaoModel
@testable import Numbers

/// Where the peers' conventions differ from ours, each difference is a named test here, measured on the
/// peers' own cases — the parser is not bent towards them.
@Suite struct PeerConventionTests {
    static let parser = NumberParser()

    static func cases(_ file: String) throws -> [PeerNumberSuiteTests.GoldCase] {
        try PeerNumberSuiteTests.load(file)
    }

    static func interval(_ v: String) -> (lower: Decimal?, upper: Decimal?)? {
        let s = v.replacingOccurrences(of: " ", with: "")
        guard let open = s.first, open == "[" || open == "(", s.contains(",") else { return nil }
        let inner = s.dropFirst().dropLast().split(separator: ",", omittingEmptySubsequences: false)
        guard inner.count == 2 else { return nil }
        return (Decimal(string: String(inner[0])), Decimal(string: String(inner[1])))
    }

    /// JioNLP and Duckling print a range as an interval "[15.4,18.5]"; the data contract wants a number,
    /// so we print `value` = lower, `upper` = upper, qualifier `range`. Scored our way, ranges agree.
    @Test func rangesAreValuePlusUpper() throws {
        var total = 0, agree = 0
        var disagreements: [String] = []
        for c in try Self.cases("jionlp-money.jsonl") + Self.cases("duckling-zh.jsonl") {
            guard let g = c.expected.first, let v = g.value, let iv = Self.interval(v),
                  let lo = iv.lower, let hi = iv.upper else { continue }
            total += 1
            let found = Self.parser.parse(c.input)
            if found.contains(where: { $0.qualifier == .range && $0.value == lo && $0.upper == hi }) {
                agree += 1
            } else {
                disagreements.append("\(c.input) → \(found.map { "\($0.text)=\($0.value)…\($0.upper.map { "\($0)" } ?? "-")" })")
            }
        }
        // 35 of 38 two-sided intervals agree. The rest: 3000多 and 十多 (we say more_than, JioNLP [3000,4000])
        // and 米六到三米九 (metre-and-tenths, not read).
        #expect(total == 38)
        #expect(agree >= 35, "\(agree)/\(total): \(disagreements)")
    }

    /// Duckling's "(,1.2]" and "[3.04,)" are our `value` with qualifier at_most / at_least.
    @Test func boundsAreValuePlusQualifier() throws {
        var total = 0, agree = 0
        for c in try Self.cases("duckling-zh.jsonl") {
            guard let g = c.expected.first, let v = g.value, let iv = Self.interval(v),
                  (iv.lower == nil) != (iv.upper == nil) else { continue }
            total += 1
            let want: Qualifier = iv.lower == nil ? .atMost : .atLeast
            let bound = iv.lower ?? iv.upper!
            if Self.parser.parse(c.input).contains(where: { $0.value == bound && $0.qualifier == want }) { agree += 1 }
        }
        // 18 of 19; 至少四ml (a Chinese numeral before a Latin unit) is not read.
        #expect(total == 19)
        #expect(agree >= 18, "\(agree)/\(total)")
    }

    /// Duckling calls 元 a generic "Dollar"; we say 元. JioNLP's "3000多欧元" is [3000,4000]; we say more_than 3000.
    @Test func yuanIsYuanAndDuoIsMoreThan() {
        let yuan = Self.parser.parse("七元")
        #expect(yuan.first?.unit == "元")
        #expect(yuan.first?.value == 7)
        let duo = Self.parser.parse("3000多欧元")
        #expect(duo.first?.unit == "欧元")
        #expect(duo.first?.value == 3000)
        #expect(duo.first?.qualifier == .moreThan)
    }

    /// Duckling converts weights to grams (3斤 → 1500); we keep the printed unit.
    @Test func unitsAreNotConverted() {
        let n = Self.parser.parse("3斤")
        #expect(n.first?.unit == "斤")
        #expect(n.first?.value == 3)
        #expect(Self.parser.parse("1.5公斤").first?.unit == "千克")
    }

    /// cn2an's "direct" mode keeps leading zeros as a digit string ("003"); our value is a number (3) and the
    /// zeros survive only in `text`.
    @Test func digitStringsLoseLeadingZerosInValue() {
        let n = Self.parser.parse("零零三")
        #expect(n.first?.text == "零零三")
        #expect(n.first?.value == 3)
    }

    /// cn2an's transform keeps 下降了百分之负三点八 as −3.8 %; we read 下降 as a change and sign the value by the
    /// verb, so a printed double negative comes out positive (3.8) and 低开百分之一点五七 comes out −1.57.
    @Test func changeVerbsSignTheValue() {
        let n = Self.parser.parse("股价下降了百分之负三点八")
        #expect(n.first?.qualifier == .change)
        #expect(n.first.map { NumberParser.decimalString($0.value) } == "3.8")
        let m = Self.parser.parse("早盘低开百分之一点五七")
        #expect(m.first.map { NumberParser.decimalString($0.value) } == "-1.57")
    }

    /// Ordinals (Duckling's 第七 → 7, cn2an's 第一场雪) are positions, not quantities; we skip them.
    @Test func ordinalsAreSkipped() {
        #expect(Self.parser.parse("第七").isEmpty)
        #expect(Self.parser.parse("二〇〇二年的第一场雪").map(\.text) == ["二〇〇二年"])
    }
}
