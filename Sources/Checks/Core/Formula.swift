import Foundation

/// The right-hand side of a relation in rules/checks.yaml:
/// `dual_qualified_teachers / specialty_teachers * 100`. Identifiers are indicator ids;
/// numbers are constants; `+ - * /` and parentheses with the usual precedence.
indirect enum Formula: Sendable, Hashable {
    case constant(Decimal)
    case indicator(String)
    case binary(Character, Formula, Formula)

    /// Indicator ids in order of first appearance.
    var indicators: [String] {
        var seen: [String] = []
        func walk(_ node: Formula) {
            switch node {
            case .constant: break
            case .indicator(let id): if !seen.contains(id) { seen.append(id) }
            case .binary(_, let left, let right): walk(left); walk(right)
            }
        }
        walk(self)
        return seen
    }

    /// Indicators that appear under a division (the "of what" of a share).
    var divisors: [String] {
        switch self {
        case .constant, .indicator: return []
        case .binary(let op, let left, let right):
            return left.divisors + (op == "/" ? right.indicators : right.divisors)
        }
    }

    /// Interval value of the formula given intervals for its indicators; nil on a missing value
    /// or a divisor that may be zero.
    func evaluate(_ values: [String: ValueInterval]) -> ValueInterval? {
        switch self {
        case .constant(let number): return ValueInterval(exactly: number)
        case .indicator(let id): return values[id]
        case .binary(let op, let left, let right):
            guard let l = left.evaluate(values), let r = right.evaluate(values) else { return nil }
            switch op {
            case "+": return l + r
            case "-": return l - r
            case "*": return l * r
            default: return l / r
            }
        }
    }

    /// The formula with each indicator replaced by a label (`48人 / 59人 × 100`).
    func rendered(_ label: (String) -> String) -> String {
        switch self {
        case .constant(let number): return DecimalText.string(number)
        case .indicator(let id): return label(id)
        case .binary(let op, let left, let right):
            let symbol = op == "*" ? "×" : String(op)
            func wrap(_ node: Formula) -> String {
                if case .binary(let inner, _, _) = node, (inner == "+" || inner == "-"), op == "*" || op == "/" {
                    return "(\(node.rendered(label)))"
                }
                return node.rendered(label)
            }
            return "\(wrap(left)) \(symbol) \(wrap(right))"
        }
    }
}

/// A relation `result = formula`, parsed from one rule's `relation:` text; inequality rules write
/// `result <= formula` or `result >= formula`.
struct Relation: Sendable, Hashable {
    enum Comparison: String, Sendable, Hashable {
        case equal = "=", atMost = "<=", atLeast = ">="
    }

    var result: String
    var comparison: Comparison = .equal
    var formula: Formula

    /// Why a relation text could not be read; `column` is a 1-based character offset in the text.
    struct ParseError: Error, Sendable {
        var column: Int
        var detail: String
    }

    static func parse(_ text: String) throws(ParseError) -> Relation {
        var parser = FormulaParser(text)
        parser.skipSpaces()
        guard let result = parser.identifier() else {
            throw ParseError(column: parser.column, detail: "a relation starts with the indicator it checks, then `=`")
        }
        parser.skipSpaces()
        let comparison: Comparison
        if parser.take("<") {
            comparison = .atMost
        } else if parser.take(">") {
            comparison = .atLeast
        } else {
            comparison = .equal
        }
        guard parser.take("=") else {
            throw ParseError(column: parser.column, detail: "expected `=`, `<=` or `>=` after `\(result)`")
        }
        let formula = try parser.expression()
        parser.skipSpaces()
        if !parser.atEnd {
            throw ParseError(column: parser.column, detail: "unexpected `\(parser.current!)`")
        }
        if formula.indicators.contains(result) {
            throw ParseError(column: 1, detail: "`\(result)` appears on both sides")
        }
        if formula.indicators.isEmpty {
            throw ParseError(column: 1, detail: "the right-hand side names no indicator")
        }
        return Relation(result: result, comparison: comparison, formula: formula)
    }
}

/// Recursive descent over the characters of a relation text.
private struct FormulaParser {
    let characters: [Character]
    var position = 0

    init(_ text: String) { characters = Array(text) }

    var atEnd: Bool { position >= characters.count }
    var current: Character? { atEnd ? nil : characters[position] }
    var column: Int { position + 1 }

    mutating func skipSpaces() { while let c = current, c == " " || c == "\t" { position += 1 } }

    mutating func take(_ c: Character) -> Bool {
        guard current == c else { return false }
        position += 1
        return true
    }

    mutating func identifier() -> String? {
        guard let first = current, first.isASCII, first.isLetter else { return nil }
        var text = ""
        while let c = current, c.isASCII, c.isLetter || c.isNumber || c == "_" {
            text.append(c)
            position += 1
        }
        return text
    }

    mutating func expression() throws(Relation.ParseError) -> Formula {
        var left = try term()
        while true {
            skipSpaces()
            guard let op = current, op == "+" || op == "-" else { return left }
            position += 1
            left = .binary(op, left, try term())
        }
    }

    mutating func term() throws(Relation.ParseError) -> Formula {
        var left = try factor()
        while true {
            skipSpaces()
            guard let op = current, op == "*" || op == "/" else { return left }
            position += 1
            left = .binary(op, left, try factor())
        }
    }

    mutating func factor() throws(Relation.ParseError) -> Formula {
        skipSpaces()
        if take("(") {
            let inner = try expression()
            skipSpaces()
            guard take(")") else { throw Relation.ParseError(column: column, detail: "missing `)`") }
            return inner
        }
        if let id = identifier() { return .indicator(id) }
        var number = ""
        while let c = current, c.isASCII, c.isNumber || c == "." {
            number.append(c)
            position += 1
        }
        if !number.isEmpty, let value = Decimal(string: number, locale: Locale(identifier: "en_US_POSIX")) {
            return .constant(value)
        }
        let found = current.map { "`\($0)`" } ?? "the end"
        throw Relation.ParseError(column: column, detail: "expected an indicator id, a number or `(`, found \(found)")
    }
}
