import Foundation
import NianbaoModel

/// Entity, year and indicator: where a value sits in the dataset.
struct ValueKey: Hashable, Sendable {
    var entity: String
    var year: Int?
    var indicator: String
}

/// The observations, arranged for look-up. Only exact statements (no qualifier) serve as values
/// of relations; approximate ones (`约`, `超过`, …), targets and changes feed only their own checks.
struct ObservationIndex: Sendable {
    let all: [Observation]
    let exact: [Observation]
    let exactByKey: [ValueKey: [Observation]]
    let names: [String: String]

    init(_ observations: [Observation]) {
        let sorted = observations.sorted(by: ObservationIndex.sourceOrder)
        all = sorted
        exact = sorted.filter { $0.qualifier == nil }
        exactByKey = Dictionary(grouping: exact) { ValueKey(entity: $0.entity, year: $0.year, indicator: $0.indicator) }
        var names: [String: String] = [:]
        for observation in sorted where names[observation.indicator] == nil && !observation.nameZh.isEmpty {
            names[observation.indicator] = observation.nameZh
        }
        self.names = names
    }

    static func sourceOrder(_ a: Observation, _ b: Observation) -> Bool {
        if a.docId != b.docId { return a.docId < b.docId }
        if a.page != b.page { return a.page < b.page }
        if a.line != b.line { return a.line < b.line }
        if a.indicator != b.indicator { return a.indicator < b.indicator }
        return a.value < b.value
    }

    func name(_ indicator: String) -> String { names[indicator] ?? indicator }

    func values(_ entity: String, _ year: Int?, _ indicator: String) -> [Observation] {
        exactByKey[ValueKey(entity: entity, year: year, indicator: indicator)] ?? []
    }

    /// The value of `indicator` that belongs with `anchor`: same document first, nearest line,
    /// then other documents in id order.
    func nearest(_ indicator: String, entity: String, year: Int?, to anchor: Observation) -> Observation? {
        values(entity, year, indicator).min { a, b in
            let aSame = a.docId == anchor.docId, bSame = b.docId == anchor.docId
            if aSame != bSame { return aSame }
            if aSame {
                let da = abs(a.page - anchor.page) * 100_000 + abs(a.line - anchor.line)
                let db = abs(b.page - anchor.page) * 100_000 + abs(b.line - anchor.line)
                if da != db { return da < db }
            }
            return ObservationIndex.sourceOrder(a, b)
        }
    }
}
