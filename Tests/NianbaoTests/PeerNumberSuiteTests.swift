import Testing
import Foundation
@testable import Numbers

/// Scores `NumberParser` in-process against the other projects' test data in ../shared/peer-tests,
/// the way `score_numbers.py --bound-endpoint` does (relaxed span match by text containment, then value
/// equality with a relative tolerance of 1e-9; ranges and bounds compare as intervals, a bound's figure
/// also with a peer's plain number — JioNLP prints `至少九千` as 9000 — and a code's printed digits with a
/// digit string). Thresholds are set at what the parser reaches, so a regression fails.
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
        // Thousands separators go, but not inside an interval, where a comma separates the bounds.
        let plain = norm(v)
        if plain.first == "[" || plain.first == "(" || plain.contains("~") || plain.contains("～") {
            let s = plain
            let inner = s.trimmingCharacters(in: CharacterSet(charactersIn: "[]()"))
            let parts = inner.split(separator: inner.contains("~") ? "~" : inner.contains("～") ? "～" : ",",
                                    omittingEmptySubsequences: false).map { Decimal(string: String($0)) }
            return .interval(parts.first ?? nil, parts.count > 1 ? parts[1] : nil)
        }
        var s = plain.replacingOccurrences(of: ",", with: "").replacingOccurrences(of: "，", with: "")
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
                let ours = found[fi].digits ?? NumberParser.decimalString(found[fi].value)
                let ok: Bool
                if c.digitString {
                    ok = norm(gv) == norm(ours)
                } else {
                    switch parseGold(gv) {
                    // A two-sided range never equals a number; a one-sided bound does at its figure.
                    case .number(let d): ok = found[fi].qualifier != .range && close(d, found[fi].value)
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
        // 274/275 measured; the miss is a convention (PeerConventionTests.changeVerbsSignTheValue):
        // 低开百分之一点五七 is a change of −1.57 %.
        #expect(all.recall >= 0.99, "cn2an exact-value recall \(all.valueOK)/\(all.goldWithValue): \(all.misses.prefix(30))")
        #expect(scores["cn2an-direct"]!.recall == 1.0, "\(scores["cn2an-direct"]!.misses)")
        #expect(scores["cn2an-strict"]!.recall == 1.0, "\(scores["cn2an-strict"]!.misses)")
        #expect(scores["an2cn-low"]!.recall == 1.0, "\(scores["an2cn-low"]!.misses)")
    }

    @Test func duckling() throws {
        let scores = Self.score(try Self.load("duckling-zh.jsonl"))
        Self.report("duckling", scores)
        let numeral = scores["DucklingNumeral"]!
        // 122/124 measured; the misses are 对 (we count pairs: PeerConventionTests.pairsAreCounted).
        #expect(numeral.recall >= 0.98, "\(numeral.misses)")
        #expect(scores["DucklingTemperature"]!.recall == 1.0)
        #expect(scores["DucklingQuantity"]!.recall == 1.0, "\(scores["DucklingQuantity"]!.misses)")
        // 287/296 measured overall; the misses: amounts below a yuan, which Duckling gives in cents and we in
        // 元 (PeerConventionTests.yuanIsYuan…), 对, and the Cantonese 個九 ($1.90).
        let all = Self.total(scores)
        #expect(all.recall >= 0.96, "duckling exact-value recall \(all.valueOK)/\(all.goldWithValue): \(all.misses.prefix(40))")
    }

    @Test func jionlp() throws {
        let scores = Self.score(try Self.load("jionlp-money.jsonl"))
        Self.report("jionlp", scores)
        let parse = scores["JioMoneyParse"]!
        // 52/54 measured: the misses are 3000多 and 十多, which JioNLP reads as [3000,4000] and we as more
        // than the figure (PeerConventionTests.yuanIsYuanAndDuoIsMoreThan).
        #expect(parse.recall >= 0.96, "\(parse.misses)")
        let extract = scores["JioMoneyExtract"]!
        #expect(extract.spanRecall >= 0.9, "span recall \(extract.relaxedTP)/\(extract.gold)")
    }
}
