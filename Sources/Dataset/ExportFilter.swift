import Foundation
import NianbaoModel

/// Which observations `nianbao export` keeps. An empty set keeps every value of that field.
public struct ExportFilter: Sendable, Hashable {
    public var entities: Set<String>
    public var indicators: Set<String>
    public var years: ClosedRange<Int>?
    public var measures: Set<Measure>
    /// Keep only rows from the format the checks and the panel use (one row per fact).
    public var primaryOnly: Bool

    public init(entities: Set<String> = [], indicators: Set<String> = [], years: ClosedRange<Int>? = nil,
                measures: Set<Measure> = [], primaryOnly: Bool = false) {
        self.entities = entities
        self.indicators = indicators
        self.years = years
        self.measures = measures
        self.primaryOnly = primaryOnly
    }

    public func accepts(_ observation: Observation) -> Bool {
        // A value without an entity matches no entity asked for.
        if !entities.isEmpty && !(observation.entity.map(entities.contains) ?? false) { return false }
        if !indicators.isEmpty && !indicators.contains(observation.indicator) { return false }
        if let years {
            guard let year = observation.year, years.contains(year) else { return false }
        }
        if !measures.isEmpty && !measures.contains(observation.measure) { return false }
        if primaryOnly && !observation.primary { return false }
        return true
    }

    /// `2019-2024`, `2019–2024`, `2023`, or an open end: `2019-` / `-2024`.
    public static func years(_ text: String) throws(ExportError) -> ClosedRange<Int> {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let parts = trimmed.split(omittingEmptySubsequences: false) { $0 == "-" || $0 == "–" || $0 == "~" }
            .map { $0.trimmingCharacters(in: .whitespaces) }
        func year(_ part: String, empty: Int) throws(ExportError) -> Int {
            if part.isEmpty { return empty }
            guard let value = Int(part), (1900...2200).contains(value) else { throw .badYears(text) }
            return value
        }
        switch parts.count {
        case 1:
            let single = try year(parts[0], empty: -1)
            guard single > 0 else { throw .badYears(text) }
            return single...single
        case 2:
            let lower = try year(parts[0], empty: 1900), upper = try year(parts[1], empty: 2200)
            guard lower <= upper, !(parts[0].isEmpty && parts[1].isEmpty) else { throw .badYears(text) }
            return lower...upper
        default:
            throw .badYears(text)
        }
    }
}

/// A usage mistake in an export or search request, said the way the user typed it.
public enum ExportError: Error, Sendable, Equatable, CustomStringConvertible {
    case badYears(String)
    case needsFile(format: String)
    case unknownMeasure(String)

    public var description: String {
        switch self {
        case .badYears(let text): return "--years \(text): expected a year or a span such as 2019-2024"
        case .needsFile(let format): return "--format \(format) writes a binary file: give --out FILE"
        case .unknownMeasure(let text):
            return "--measure \(text): expected one of \(Measure.allCases.map(\.rawValue).joined(separator: ", "))"
        }
    }
}
