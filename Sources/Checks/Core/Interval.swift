import Foundation
import NianbaoModel

/// A closed range of exact decimals: what a printed, rounded figure can stand for, and what a
/// computation on such figures can yield (interval arithmetic, so rounding of the inputs propagates).
struct ValueInterval: Sendable, Hashable {
    var lower: Decimal
    var upper: Decimal

    init(_ lower: Decimal, _ upper: Decimal) {
        self.lower = min(lower, upper)
        self.upper = max(lower, upper)
    }

    init(exactly value: Decimal) { self.init(value, value) }

    var isPoint: Bool { lower == upper }
    var midpoint: Decimal { (lower + upper) / 2 }

    func overlaps(_ other: ValueInterval) -> Bool { lower <= other.upper && other.lower <= upper }

    func contains(_ value: Decimal) -> Bool { lower <= value && value <= upper }

    /// Distance between the two intervals; zero when they overlap.
    func gap(to other: ValueInterval) -> Decimal {
        if overlaps(other) { return 0 }
        return upper < other.lower ? other.lower - upper : lower - other.upper
    }

    static func + (a: ValueInterval, b: ValueInterval) -> ValueInterval {
        ValueInterval(a.lower + b.lower, a.upper + b.upper)
    }

    static func - (a: ValueInterval, b: ValueInterval) -> ValueInterval {
        ValueInterval(a.lower - b.upper, a.upper - b.lower)
    }

    static func * (a: ValueInterval, b: ValueInterval) -> ValueInterval {
        let products = [a.lower * b.lower, a.lower * b.upper, a.upper * b.lower, a.upper * b.upper]
        return ValueInterval(products.min()!, products.max()!)
    }

    /// nil when the divisor may be zero: no finite interval results.
    static func / (a: ValueInterval, b: ValueInterval) -> ValueInterval? {
        guard b.lower > 0 || b.upper < 0 else { return nil }
        return a * ValueInterval(1 / b.upper, 1 / b.lower)
    }
}

/// How precisely a printed figure was given, recovered from the observation:
/// `81.4%` carries one decimal, `148.05 亿元` two decimals of 亿 (so a step of 10^6 元).
struct PrintedPrecision: Sendable {
    /// Units whose figures are always rounded, even without decimals (`75%`, `10:1`).
    static let alwaysRoundedUnits: Set<String> = ["%", "百分点", "ratio", ":", "个/生", "人/门"]

    /// The value of one unit in the last printed digit, in the observation's normalised unit.
    let step: Decimal
    /// True when the figure is a count or sum printed in full (`1087 人`): it is not rounded.
    let isExact: Bool

    /// `rounded: true` for figures that are results of a division (`校均 422 门`): never exact.
    init(of observation: Observation, rounded: Bool = false) {
        let scale = PrintedPrecision.scale(of: observation)
        // Trailing zeros claim no precision: tables pad `15.5` to `15.50` (and `13.1` to `13.10`).
        let decimals = max(0, observation.decimals - PrintedPrecision.trailingZeros(in: observation.raw))
        step = PrintedPrecision.power10(-decimals) * scale
        isExact = !rounded && decimals == 0 && scale == 1
            && !PrintedPrecision.alwaysRoundedUnits.contains(observation.unit)
    }

    /// Zeros at the end of the decimal part of the printed number (`15.50` → 1, `4174.00` → 2).
    static func trailingZeros(in raw: String) -> Int {
        guard let number = numberText(in: raw), let point = number.firstIndex(of: ".") else { return 0 }
        return number[number.index(after: point)...].reversed().prefix { $0 == "0" }.count
    }

    /// What the printed figure stands for if the report rounded half-up: `81.4` → [81.35, 81.45].
    func rounding(_ value: Decimal) -> ValueInterval {
        if isExact { return ValueInterval(exactly: value) }
        let half = step / 2
        return ValueInterval(value - half, value + half)
    }

    /// What it stands for if the report truncated: `81.4` → [81.4, 81.5].
    func truncation(_ value: Decimal) -> ValueInterval {
        if isExact { return ValueInterval(exactly: value) }
        return value < 0 ? ValueInterval(value - step, value) : ValueInterval(value, value + step)
    }

    static func power10(_ exponent: Int) -> Decimal {
        var result = Decimal(1)
        if exponent >= 0 {
            for _ in 0..<exponent { result *= 10 }
        } else {
            for _ in 0..<(-exponent) { result /= 10 }
        }
        return result
    }

    /// The factor the printed number was multiplied by (`万` → 10000), read back from `raw`:
    /// value ÷ printed number, snapped to a power of ten. 1 when `raw` has no readable number.
    static func scale(of observation: Observation) -> Decimal {
        guard var printed = firstNumber(in: observation.raw), printed != 0 else { return 1 }
        var value = observation.value
        if value < 0 { value = -value }
        if printed < 0 { printed = -printed }
        guard value > 0 else { return 1 }
        // Snap value ÷ printed to the nearest power of ten (the scales in use are 1, 10^3, 10^4, 10^8),
        // multiplying instead of dividing: Decimal division was most of the cost of the checks.
        var scale = Decimal(1)
        while value >= printed * scale * 9 { scale *= 10 }
        return scale
    }

    /// The first decimal number in a printed figure, full-width digits and thousands commas allowed.
    static func firstNumber(in raw: String) -> Decimal? {
        guard let digits = numberText(in: raw) else { return nil }
        return Decimal(string: digits, locale: posixLocale)
    }

    private static let posixLocale = Locale(identifier: "en_US_POSIX")

    /// The first number in `raw` as ASCII text without thousands separators (`2,261` → `2261`).
    static func numberText(in raw: String) -> String? {
        var digits = ""
        var started = false
        for character in raw {
            let ascii = asciiDigit(character)
            if let ascii, ascii.isASCII, ascii.isNumber {
                digits.append(ascii)
                started = true
            } else if started, ascii == "." || character == "．" {
                digits.append(".")
            } else if started, character == "," || character == "，" {
                continue
            } else if started {
                break
            }
        }
        while digits.hasSuffix(".") { digits.removeLast() }
        return digits.isEmpty ? nil : digits
    }

    /// Full-width digits to ASCII; anything else unchanged (CJK numerals such as 万 are not digits here).
    static func asciiDigit(_ character: Character) -> Character? {
        guard let scalar = character.unicodeScalars.first else { return nil }
        if (0xFF10...0xFF19).contains(scalar.value) {
            return Character(Unicode.Scalar(scalar.value - 0xFF10 + 0x30)!)
        }
        return character
    }
}

/// Decimal text for messages and tolerance strings: no binary floating point, no locale.
enum DecimalText {
    static func rounded(_ value: Decimal, places: Int) -> Decimal {
        var input = value
        var output = Decimal()
        NSDecimalRound(&output, &input, places, .plain)
        return output
    }

    /// Rounded to `places`, trailing zeros trimmed (`81.450` → `81.45`).
    static func string(_ value: Decimal, places: Int) -> String {
        NSDecimalNumber(decimal: rounded(value, places: places)).stringValue
    }

    /// Rounded to exactly `places` decimals, zeros kept (`80` → `80.00`), for messages.
    static func fixed(_ value: Decimal, places: Int) -> String {
        var text = string(value, places: places)
        guard places > 0 else { return text }
        if !text.contains(".") { text += "." }
        let have = text.count - 1 - text.distance(from: text.startIndex, to: text.firstIndex(of: ".")!)
        return text + String(repeating: "0", count: max(0, places - have))
    }

    /// Plain text of an exact decimal with trailing zeros trimmed by Decimal itself.
    static func string(_ value: Decimal) -> String {
        NSDecimalNumber(decimal: value).stringValue
    }

    /// `[81.35, 81.45)`: the agreeing range, half-open as the printed rounding convention is.
    static func interval(_ interval: ValueInterval, places: Int) -> String {
        if interval.isPoint { return "[\(string(interval.lower, places: places))]" }
        return "[\(string(interval.lower, places: places)), \(string(interval.upper, places: places)))"
    }
}
