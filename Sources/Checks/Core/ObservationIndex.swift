import Foundation
import NianbaoModel

/// Entity, year and indicator: where a value sits in the dataset.
struct ValueKey: Hashable, Sendable {
    var entity: String
    var year: Int?
    var indicator: String

    init(entity: String, year: Int?, indicator: String) {
        self.entity = entity
        self.year = year
        self.indicator = indicator
    }

    init(_ observation: Observation) {
        self.init(entity: observation.checkEntity, year: observation.year, indicator: observation.indicator)
    }

    /// The observations grouped by key, keys in a stable order (entity, year, indicator), so that findings
    /// come out in the same order on every run.
    static func grouped(_ observations: [Observation]) -> [(key: ValueKey, observations: [Observation])] {
        Dictionary(grouping: observations, by: ValueKey.init).map { ($0.key, $0.value) }.sorted {
            ($0.key.entity, $0.key.year ?? Int.min, $0.key.indicator) < ($1.key.entity, $1.key.year ?? Int.min, $1.key.indicator)
        }
    }
}

/// The observations, arranged for look-up. Only exact statements (no qualifier) serve as values
/// of relations; approximate ones (`约`, `超过`, …), targets and changes feed only their own checks.
struct ObservationIndex: Sendable {
    let all: [Observation]
    let exact: [Observation]
    let exactByKey: [ValueKey: [Observation]]
    let names: [String: String]
    /// Remainders of groups (`其他 2 所学校共 1,170 人`, role `remainder`): the rest of a total, no value of the
    /// entity's own, so they are in none of the lists above and only the `remainder` kind reads them.
    let remainders: [Observation]
    /// `doc_id` and group of every group with a remainder (`groupKey`): its total is the parts plus the remainder.
    let groupsWithRemainder: Set<String>

    /// `names`: the indicators' names over every observation (`IndicatorNames`) when these are a part.
    init(_ observations: [Observation], names knownNames: [String: String]? = nil) {
        // A value whose entity was not resolved is never joined with another: it could be anyone's.
        let resolved = observations.filter(ObservationIndex.hasEntity).sorted(by: ObservationIndex.sourceOrder)
        remainders = resolved.filter { $0.role == .remainder && $0.group != nil }
        groupsWithRemainder = Set(remainders.compactMap(ObservationIndex.groupKey))
        let sorted = resolved.filter { $0.role != .remainder }
        all = sorted
        // Nor is a value without a year: it could be any year's (targets may still name none, see target_gap).
        exact = sorted.filter { $0.qualifier == nil && $0.year != nil }
        exactByKey = Dictionary(grouping: exact, by: ValueKey.init)
        if let knownNames {
            names = knownNames
            return
        }
        var names: [String: String] = [:]
        for observation in sorted where names[observation.indicator] == nil && !observation.nameZh.isEmpty {
            names[observation.indicator] = observation.nameZh
        }
        self.names = names
    }

    /// Entity names files of older runs or other tools give when the value's entity was not resolved (the
    /// extractor now leaves it null).
    static let unresolvedEntities: Set<String> = ["", "unknown", "null"]

    /// A group is one document's: `doc_id` and `group`.
    static func groupKey(_ observation: Observation) -> String? {
        observation.group.map { "\(observation.docId)\u{1}\($0)" }
    }

    static func hasEntity(_ observation: Observation) -> Bool {
        guard let entity = observation.entity else { return false }
        return !unresolvedEntities.contains(entity.trimmingCharacters(in: .whitespaces))
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

    /// The value of `indicator` that belongs with `anchor`: one in the anchor's own sentence first; then one whose
    /// entity and year were read, not guessed (`ValueSources`: only those may be joined from elsewhere); same
    /// document first, nearest line, then other documents in id order.
    func nearest(_ indicator: String, entity: String, year: Int?, to anchor: Observation) -> Observation? {
        func sameSentence(_ value: Observation) -> Bool {
            value.docId == anchor.docId && value.page == anchor.page && value.line == anchor.line
        }
        func guessed(_ value: Observation) -> Bool {
            ValueSources.isFallback(entitySource: value.entitySource) || ValueSources.isFallback(yearSource: value.yearSource)
        }
        return values(entity, year, indicator).min { a, b in
            if sameSentence(a) != sameSentence(b) { return sameSentence(a) }
            if guessed(a) != guessed(b) { return !guessed(a) }
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

/// The name findings give each indicator: that of its first observation in source order, among those the
/// index admits, gathered one observation at a time (the same as `ObservationIndex` finds over all of them).
public struct IndicatorNames: Sendable {
    /// Per indicator: its name and the place in the sources it was first seen at (`sourceOrder`'s key).
    private var first: [String: (name: String, docId: String, page: Int, line: Int, value: Decimal)] = [:]
    public init() {}

    /// Observations in the order the whole list would have them (a store's doc_id, seq).
    public mutating func add(_ observation: Observation) {
        add(indicator: observation.indicator, nameZh: observation.nameZh, entity: observation.entity,
            docId: observation.docId, page: observation.page, line: observation.line, value: observation.value)
    }

    /// The fields `add(_:)` reads, for a caller that reads only those columns of a store.
    public mutating func add(indicator: String, nameZh: String, entity: String?, docId: String, page: Int, line: Int,
                             value: Decimal) {
        guard let entity, !ObservationIndex.unresolvedEntities.contains(entity.trimmingCharacters(in: .whitespaces)),
              !nameZh.isEmpty else { return }
        if let current = first[indicator],
           (current.docId, current.page, current.line) < (docId, page, line)
            || (current.docId, current.page, current.line) == (docId, page, line) && current.value <= value { return }
        first[indicator] = (nameZh, docId, page, line, value)
    }

    public var names: [String: String] { first.mapValues(\.name) }
}

extension Observation {
    /// The entity of a value the engine checks: the index admits only values whose entity is resolved. A
    /// value about a category of an entity (全国's 普通中专, a district's 民办 schools) is checked as an entity
    /// of its own, `全国·普通中专`, the name of its panel row: a whole and its part are two values, never two
    /// statements of one (a table's category rows still sum to its total through their group). A remainder
    /// (`其他学校`) is the rest of its group's total and keeps the total's entity.
    var checkEntity: String {
        guard let entity else { return "" }
        guard let category, !category.isEmpty, role != .remainder else { return entity }
        return entity + "·" + category
    }
}
