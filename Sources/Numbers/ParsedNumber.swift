import Foundation
import NianbaoModel

/// A number found in text by `NumberParser`, normalised per the data contract
/// (元 for money, persons for 万人, percent points for %, `12.3` for `12.3:1`).
public struct ParsedNumber: Sendable, Hashable {
    /// The matched text as printed, unit included.
    public var text: String
    /// Normalised value; for a range, its lower bound.
    public var value: Decimal
    /// Upper bound of a range (`15.4-18.5 万元`), normalised like `value`.
    public var upper: Decimal?
    /// Normalised unit: `人`, `元`, `%`, `个`, `所`, `ratio`, `百分点`, `克`, `ordinal` (第七), … or "" for a
    /// bare number.
    public var unit: String
    /// Character offsets (Swift `Character`s) of `text` in the parsed line; `end` exclusive.
    public var start: Int
    public var end: Int
    public var qualifier: Qualifier?
    /// Digits after the decimal point as printed before scaling (`81.4%` → 1, `1.71亿元` → 2).
    public var decimals: Int
    /// The scale the printed figure was multiplied by (`万` → 10000), so precision can be recovered.
    public var scale: Decimal
    /// For a ratio or fraction whose quotient does not terminate (4:6, 三分之一): the printed denominator;
    /// `value` is then the quotient rounded to 4 places. Nil when `value` is exact.
    public var denominator: Decimal?
    /// A range whose bound excludes its figure (`高于15且不超过40` → lower bound 15 excluded).
    public var lowerExclusive: Bool
    public var upperExclusive: Bool
    /// The digits as printed when they say more than `value`: leading zeros of a code (`零零三` → "003",
    /// `012`) or the trailing zeros of a digit-by-digit reading (`一二点三零` → "12.30"). Nil otherwise.
    public var digits: String?

    public init(text: String, value: Decimal, upper: Decimal? = nil, unit: String, start: Int, end: Int,
                qualifier: Qualifier? = nil, decimals: Int = 0, scale: Decimal = 1,
                denominator: Decimal? = nil, lowerExclusive: Bool = false, upperExclusive: Bool = false,
                digits: String? = nil) {
        self.text = text
        self.value = value
        self.upper = upper
        self.unit = unit
        self.start = start
        self.end = end
        self.qualifier = qualifier
        self.decimals = decimals
        self.scale = scale
        self.denominator = denominator
        self.lowerExclusive = lowerExclusive
        self.upperExclusive = upperExclusive
        self.digits = digits
    }
}
