import Foundation
import NianbaoModel

/// The verdict on a stated figure against the interval its sources imply.
struct Judgement {
    enum Outcome { case holds, truncationOnly, nearMiss, clearMiss }
    var outcome: Outcome
    /// Range of expected values that would agree with the stated figure (for `Flag.tolerance`).
    var agreeing: ValueInterval

    /// `stated` is compared under rounding; if that fails, under truncation (some reports cut
    /// digits instead of rounding); otherwise a miss within one printed step is near, beyond it clear.
    static func judge(stated: Observation, value: Decimal? = nil, statedIsRounded: Bool = false,
                      expected: ValueInterval, expectedIfTruncated: ValueInterval,
                      expectedPoint: Decimal) -> Judgement {
        let value = value ?? stated.value
        let precision = PrintedPrecision(of: stated, rounded: statedIsRounded)
        let rounded = precision.rounding(value)
        let agreeing = ValueInterval(rounded.lower - (expectedPoint - expected.lower),
                                     rounded.upper + (expected.upper - expectedPoint))
        if rounded.overlaps(expected) { return Judgement(outcome: .holds, agreeing: agreeing) }
        let truncated = precision.truncation(value)
        if truncated.overlaps(expectedIfTruncated) || truncated.overlaps(expected) {
            return Judgement(outcome: .truncationOnly, agreeing: agreeing)
        }
        let gap = rounded.gap(to: expected)
        return Judgement(outcome: gap <= precision.step ? .nearMiss : .clearMiss, agreeing: agreeing)
    }

    func severity(_ rule: CheckRule) -> Severity {
        switch outcome {
        case .holds, .truncationOnly: return .info
        case .nearMiss: return rule.severity ?? .warning
        case .clearMiss: return rule.severity ?? .error
        }
    }

    static let truncationNote = "; it agrees only if the report truncated instead of rounding"
}

/// How to print numbers in messages: in the stated figure's own scale and unit (`7703.16 万元`).
enum Figure {
    static func scaleExponent(_ observation: Observation) -> Int {
        var scale = PrintedPrecision.scale(of: observation)
        var exponent = 0
        while scale >= 10 { scale /= 10; exponent += 1 }
        return exponent
    }

    /// The text after the number in `raw` (`%`, ` 万元`, `:1`, `人`).
    static func suffix(_ observation: Observation) -> String {
        var sawDigit = false
        var index = observation.raw.startIndex
        for position in observation.raw.indices {
            let c = observation.raw[position]
            let isDigit = PrintedPrecision.asciiDigit(c).map { $0.isASCII && $0.isNumber } ?? false
            let isNumberPart = isDigit || (sawDigit && (c == "." || c == "," || c == "．" || c == "，"))
            if isNumberPart { sawDigit = sawDigit || isDigit; index = observation.raw.index(after: position); continue }
            if sawDigit { break }
        }
        return sawDigit ? String(observation.raw[index...]).trimmingCharacters(in: .whitespaces) : observation.unit
    }

    /// `value` written like `observation` was printed, with `extraPlaces` more decimals.
    static func like(_ observation: Observation, _ value: Decimal, extraPlaces: Int = 1) -> String {
        let exponent = scaleExponent(observation)
        let scaled = value / PrintedPrecision.power10(exponent)
        let number = DecimalText.fixed(scaled, places: observation.decimals + extraPlaces)
        let unit = suffix(observation)
        return unit == "%" || unit.hasPrefix(":") || unit.isEmpty ? number + unit : number + " " + unit
    }

    /// Decimal places for tolerance text in the observation's normalised unit.
    static func places(_ observation: Observation) -> Int {
        max(0, observation.decimals + 2 - scaleExponent(observation))
    }
}

extension Judgement {
    /// Whether two statements of one fact can stand for the same number, and how badly they differ if not.
    static func compare(_ stated: Observation, with other: Observation) -> Judgement {
        let precision = PrintedPrecision(of: other)
        return judge(stated: stated, expected: precision.rounding(other.value),
                     expectedIfTruncated: precision.truncation(other.value), expectedPoint: other.value)
    }

    /// Order of badness, for keeping the worst of several comparisons.
    var rank: Int {
        switch outcome {
        case .holds: return 0
        case .truncationOnly: return 1
        case .nearMiss: return 2
        case .clearMiss: return 3
        }
    }
}
