import Testing
import Foundation
@testable import Numbers

/// Scores `NumberParser` in-process against the other projects' test data in ../shared/peer-tests,
/// the way `score_numbers.py` does (relaxed span match by text containment, then value equality with
/// a relative tolerance of 1e-9; ranges and bounds compare as intervals, which our scalar `value` never
/// equals — see `PeerConventionTests`). Thresholds are set at what the parser reaches, so a regression fails.
@Suite struct PeerNumberSuiteTests {
    struct GoldItem { let text: String; let value: String?; let unit: String }
    struct GoldCase { let suite: String; let input: String; let expected: [GoldItem]; let digitString: Bool }
    struct Score {
        var goldWithValue = 0, valueOK = 0, matched = 0, gold = 0, found = 0, relaxedTP = 0
        var negCases = 0, negClean = 0
        var misses: [String] = []
        var recall: Double { goldWithValue == 0 ? 1 : Double(valueOK) / Double(goldWithValue) }
        var spanRecall: Double { gold == 0 ? 1 : Double(relaxedTP) / Double(gold) }
    }

    static func load(_ file: String) throws -> [GoldCase] {
        let url = TestPaths.shared.appendingPathComponent("peer-tests/\(file)")
        let text = try String(contentsOf: url, encoding: .utf8)
        return try text.split(separator: "\n").compactMap { line in
            guard !line.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
            let obj = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
            let items = (obj["expected"] as? [[String: Any]] ?? []).map {
                GoldItem(text: $0["text"] as? String ?? "", value: $0["value"] as? String,
                         unit: $0["unit"] as? String ?? "")
            }
            return GoldCase(suite: obj["suite"] as! String, input: obj["input"] as! String, expected: items,
                            digitString: obj["value_is_digit_string"] as? Bool ?? false)
        }
    }

    /// NFKC + casefold + whitespace removal, as the scorer's `norm_text`.
    static func norm(_ s: String) -> String {
        s.precomposedStringWithCompatibilityMapping.lowercased().filter { !$0.isWhitespace }
    }

    enum GoldValue { case number(Decimal), interval(Decimal?, Decimal?), string(String) }

    static func parseGold(_ v: String) -> GoldValue {
        var s = norm(v).replacingOccurrences(of: ",", with: "").replacingOccurrences(of: "，", with: "")
        if s.first == "[" || s.first == "(" || s.contains("~") || s.contains("～") {
            let inner = s.trimmingCharacters(in: CharacterSet(charactersIn: "[]()"))
            let parts = inner.split(separator: inner.contains("~") ? "~" : inner.contains("～") ? "～" : ",",
                                    omittingEmptySubsequences: false).map { Decimal(string: String($0)) }
            return .interval(parts.first ?? nil, parts.count > 1 ? parts[1] : nil)
        }
        if s.hasSuffix("%") { s.removeLast() }
        if let slash = s.firstIndex(of: "/"), let a = Decimal(string: String(s[..<slash])),
           let b = Decimal(string: String(s[s.index(after: slash)...])), b != 0 {
            return .number(a / b)
        }
        if let d = Decimal(string: s), s.allSatisfy({ $0.isNumber || $0 == "." || $0 == "-" || $0 == "+" }) {
            return .number(d)
        }
        return .string(s)
    }

    static func close(_ a: Decimal, _ b: Decimal) -> Bool {
        if a == b { return true }
        let diff = abs(a - b)
        return diff <= Decimal(string: "1e-9")! * max(abs(a), abs(b)) || diff <= Decimal(string: "1e-12")!
    }

    static func score(_ cases: [GoldCase]) -> [String: Score] {
        let parser = NumberParser()
        var scores: [String: Score] = [:]
        for c in cases {
            let found = parser.parse(c.input)
            var sc = scores[c.suite, default: Score()]
            sc.gold += c.expected.count
            sc.found += found.count
            if c.expected.isEmpty { sc.negCases += 1; if found.isEmpty { sc.negClean += 1 } }
            // Greedy matching: exact normalised text first, then containment.
            var used = Set<Int>()
            var pairs: [Int: Int] = [:]
            for (gi, g) in c.expected.enumerated() {
                if let fi = found.indices.first(where: { !used.contains($0) && norm(found[$0].text) == norm(g.text) }) {
                    pairs[gi] = fi; used.insert(fi)
                }
            }
            for (gi, g) in c.expected.enumerated() where pairs[gi] == nil {
                let a = norm(g.text)
                if let fi = found.indices.first(where: {
                    let b = norm(found[$0].text)
                    return !used.contains($0) && !a.isEmpty && !b.isEmpty && (a.contains(b) || b.contains(a))
                }) { pairs[gi] = fi; used.insert(fi) }
            }
            sc.relaxedTP += pairs.count
            for (gi, g) in c.expected.enumerated() {
                guard let gv = g.value else { continue }
                sc.goldWithValue += 1
                guard let fi = pairs[gi] else { sc.misses.append("MISS \(c.input)"); continue }
                sc.matched += 1
                let ours = NumberParser.decimalString(found[fi].value)
                let ok: Bool
                if c.digitString {
                    ok = norm(gv) == norm(ours)
                } else {
                    switch parseGold(gv) {
                    case .number(let d): ok = close(d, found[fi].value)
                    case .interval(let lo, let hi):
                        // Ours: a range's value and upper; a bound's figure on its side (the JSON prints these as intervals).
                        let f = found[fi]
                        switch f.qualifier {
                        case .range?: ok = lo.map { close($0, f.value) } ?? false && hi.map { h in f.upper.map { close(h, $0) } ?? false } ?? false
                        case .atLeast?, .moreThan?: ok = hi == nil && (lo.map { close($0, f.value) } ?? false)
                        case .atMost?, .lessThan?: ok = lo == nil && (hi.map { close($0, f.value) } ?? false)
                        default: ok = false
                        }
                    case .string(let s): ok = s == norm(ours)
                    }
                }
                if ok { sc.valueOK += 1 } else { sc.misses.append("VALUE \(c.input): gold \(gv) ours \(ours)") }
            }
            scores[c.suite] = sc
        }
        return scores
    }

    static func total(_ scores: [String: Score]) -> Score {
        scores.values.reduce(into: Score()) { t, s in
            t.goldWithValue += s.goldWithValue; t.valueOK += s.valueOK; t.matched += s.matched
            t.gold += s.gold; t.found += s.found; t.relaxedTP += s.relaxedTP
            t.negCases += s.negCases; t.negClean += s.negClean; t.misses += s.misses
        }
    }

    static func report(_ name: String, _ scores: [String: Score]) {
        for (suite, s) in scores.sorted(by: { $0.key < $1.key }) {
            print("\(name) \(suite): exact-value recall \(s.valueOK)/\(s.goldWithValue), span recall \(s.relaxedTP)/\(s.gold)")
        }
    }

    @Test func cn2an() throws {
        let scores = Self.score(try Self.load("cn2an.jsonl"))
        Self.report("cn2an", scores)
        let all = Self.total(scores)
        // Digit-string cases (零零三 → "003") keep their leading zeros only as text; see PeerConventionTests.
        // 255/275 measured: the misses are conventions (PeerConventionTests) — leading zeros of digit strings,
        // 下降了百分之负三点八 read as a change, ordinals (第一), 半 and lone 角/分 amounts.
        #expect(all.recall >= 0.92, "cn2an exact-value recall \(all.valueOK)/\(all.goldWithValue): \(all.misses.prefix(30))")
        // Without the digit-string suites (leading zeros cannot survive in a JSON number) we reach ≥ 95 %.
        let comparable = Self.total(scores.filter { !$0.key.contains("direct") || $0.key == "an2cn-direct" })
        #expect(comparable.recall >= 0.95, "\(comparable.valueOK)/\(comparable.goldWithValue)")
        #expect(scores["cn2an-strict"]!.recall == 1.0, "\(scores["cn2an-strict"]!.misses)")
        #expect(scores["an2cn-low"]!.recall == 1.0, "\(scores["an2cn-low"]!.misses)")
    }

    @Test func duckling() throws {
        let scores = Self.score(try Self.load("duckling-zh.jsonl"))
        Self.report("duckling", scores)
        let numeral = scores["DucklingNumeral"]!
        // 112/124 measured; misses are 对/双/打 multiples, Cantonese fractions (十份十一, 二份一) and 0.0012G.
        #expect(numeral.recall >= 0.90, "\(numeral.misses)")
        #expect(scores["DucklingTemperature"]!.recall == 1.0)
        // 213/296 measured overall: Duckling converts units (3斤 → 1500 g) and prints bounds and ranges as
        // intervals; we keep the printed unit and a scalar value with a qualifier (PeerConventionTests).
        let all = Self.total(scores)
        #expect(all.recall >= 0.71, "duckling exact-value recall \(all.valueOK)/\(all.goldWithValue): \(all.misses.prefix(40))")
    }

    @Test func jionlp() throws {
        let scores = Self.score(try Self.load("jionlp-money.jsonl"))
        Self.report("jionlp", scores)
        let parse = scores["JioMoneyParse"]!
        // 29/54 measured: 22 of the misses are JioNLP intervals (ranges, 多 as [3000,4000], 几十万) that we
        // print as value + upper + qualifier (PeerConventionTests.rangesAreValuePlusUpper).
        #expect(parse.recall >= 0.53, "\(parse.misses)")
        let extract = scores["JioMoneyExtract"]!
        #expect(extract.spanRecall >= 0.9, "span recall \(extract.relaxedTP)/\(extract.gold)")
    }
}
