/// What an observation's value measures, so that one indicator filtered to one measure has one unit:
/// `enrollment` 2261 人 is a `level`, 较上年增加 15.7% a `change_rate`, 增加 300 人 a `change`, 到 2025 年达到 … a
/// `target`. Derived from the qualifier and unit the rules gave the value; nothing is stored twice.
public enum Measure: String, Codable, Sendable, Hashable, CaseIterable {
    /// The value of the indicator in that year (exact or 约/左右).
    case level
    /// A difference in the indicator's own unit (增加 300 人, 提高 2.1 个百分点).
    case change
    /// A relative change in percent of the earlier value (较上年增长 15.7%).
    case changeRate = "change_rate"
    /// A value announced for a later year (到 2025 年达到 …).
    case target
    /// A one-sided statement: 不低于, 超过, 以上, 不足 …
    case bound
    /// An interval (90%–95%); `value` is its lower end.
    case range

    public init(qualifier: Qualifier?, unit: String) {
        switch qualifier {
        case nil, .approx?: self = .level
        case .change?: self = unit == "%" ? .changeRate : .change
        case .target?: self = .target
        case .atLeast?, .atMost?, .moreThan?, .lessThan?: self = .bound
        case .range?: self = .range
        }
    }
}

extension Observation {
    public var measure: Measure { Measure(qualifier: qualifier, unit: unit) }
}

extension Measure: RawFieldValue {}
