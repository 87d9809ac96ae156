import Foundation
// TEMPORARY stand-in until branch `numbers` lands; deleted at that merge.
public struct NumberParser: Sendable {
    public init() {}
    public func parse(_ line: String) -> [ParsedNumber] {
        let chars = Array(line)
        var result: [ParsedNumber] = []
        var i = 0
        while i < chars.count {
            guard chars[i].isASCII, chars[i].isNumber else { i += 1; continue }
            let start = i
            var digits = ""
            while i < chars.count, chars[i].isASCII, chars[i].isNumber || chars[i] == "." || chars[i] == "," {
                if chars[i] != "," { digits.append(chars[i]) }
                i += 1
            }
            var j = i
            while j < chars.count, chars[j] == " " { j += 1 }
            var unit = ""
            var scale: Decimal = 1
            let rest = String(chars[j..<min(chars.count, j + 3)])
            for (u, canon, s) in [("万人次", "人次", Decimal(10000)), ("万人", "人", 10000), ("万元", "元", 10000), ("亿元", "元", 100000000), ("亿", "元", 100000000),
                                  ("人次", "人次", 1), ("百分点", "百分点", 1), ("个百分点", "百分点", 1), ("学时", "学时", 1),
                                  ("学年", "学年", 1), ("%", "%", 1), ("人", "人", 1), ("名", "人", 1), ("元", "元", 1), ("个", "个", 1),
                                  ("所", "所", 1), ("门", "门", 1), ("项", "项", 1), ("年", "年", 1), ("届", "届", 1), (":1", "ratio", 1), ("家", "家", 1)] {
                if rest.hasPrefix(u) { unit = canon; scale = s; j += u.count; break }
            }
            if unit.isEmpty { j = i }
            let decimals = digits.split(separator: ".").dropFirst().first?.count ?? 0
            let value = (Decimal(string: digits) ?? 0) * scale
            result.append(ParsedNumber(text: String(chars[start..<j]), value: value, unit: unit, start: start, end: j, decimals: decimals, scale: scale))
            i = j
        }
        return result
    }
}
