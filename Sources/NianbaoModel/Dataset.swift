import Foundation

/// Records every run writes (see the data contract): documents, observations, flags, check coverage.

public enum DocumentStatus: String, Codable, Sendable { case ok, partial, failed }

public struct DocumentRecord: Codable, Sendable, Hashable {
    public var docId: String
    public var source: String
    public var sha256: String
    public var format: SourceFormat?
    public var title: String?
    public var region: String?
    public var reportYear: Int?
    public var issuer: String?
    public var published: String?
    public var pages: Int
    public var status: DocumentStatus
    public var errors: [String]
    /// The school or region the document is about (`subject_kind` says which), what `我校/全区/本市…` and
    /// subject-less sentences resolve to; null with `subject_source` saying why when nothing names it.
    public var subject: String?
    public var subjectKind: String?
    public var subjectSource: String?
    /// Where `report_year` came from (`title`, `cover`, `preface`, `published`, …) or why it is null.
    public var reportYearSource: String?
    /// The web address the file was saved from: a saved page's own, or the analyst's source list's.
    public var sourceAddress: String?

    public init(docId: String, source: String, sha256: String, format: SourceFormat?, title: String?,
                region: String?, reportYear: Int?, issuer: String?, published: String?, pages: Int,
                status: DocumentStatus, errors: [String], subject: String? = nil, subjectKind: String? = nil,
                subjectSource: String? = nil, reportYearSource: String? = nil) {
        self.subject = subject
        self.subjectKind = subjectKind
        self.subjectSource = subjectSource
        self.reportYearSource = reportYearSource
        self.docId = docId
        self.source = source
        self.sha256 = sha256
        self.format = format
        self.title = title
        self.region = region
        self.reportYear = reportYear
        self.issuer = issuer
        self.published = published
        self.pages = pages
        self.status = status
        self.errors = errors
    }

}

extension DocumentRecord: FieldListed {
    public static let fields: [RecordField<DocumentRecord>] = [
        .field("doc_id", \.docId), .field("source", \.source), .field("sha256", \.sha256), .field("format", \.format),
        .field("title", \.title), .field("region", \.region), .field("report_year", \.reportYear),
        .field("issuer", \.issuer), .field("published", \.published), .field("pages", \.pages),
        .field("status", \.status), .field("errors", \.errors), .field("subject", \.subject),
        .field("subject_kind", \.subjectKind), .field("subject_source", \.subjectSource),
        .field("report_year_source", \.reportYearSource), .field("source_address", \.sourceAddress),
    ]
    public static let blank = DocumentRecord(docId: "", source: "", sha256: "", format: nil, title: nil, region: nil,
                                             reportYear: nil, issuer: nil, published: nil, pages: 0, status: .failed,
                                             errors: [])
    public init(from decoder: any Decoder) throws { self = try Self.decodeFields(from: decoder) }
    public func encode(to encoder: any Encoder) throws { try encodeFields(to: encoder) }
}

public enum Qualifier: String, Codable, Sendable, Hashable {
    case approx, atLeast = "at_least", atMost = "at_most", moreThan = "more_than", lessThan = "less_than"
    case range, target, change
}

/// A value's place in a group (`Observation.group`): the total (a `合计` row, the head of a `其中` list), one of
/// its named parts, or the remainder (`其他 2 所学校共 1,170 人`: the total less the named parts). A remainder is
/// about no entity of its own: it is never an ordinary value of its indicator and fills no panel cell.
public enum ObservationRole: String, Codable, Sendable, Hashable { case total, part, remainder }

public struct Observation: Codable, Sendable, Hashable {
    public var docId: String
    public var indicator: String
    public var nameZh: String
    /// The region or school the value is about; nil when nothing resolves it (`entitySource` says why).
    /// Values without an entity are never compared across documents.
    public var entity: String?
    public var year: Int?
    /// Exact decimal as printed after normalisation (no binary floating point in outputs).
    public var value: Decimal
    public var unit: String
    public var raw: String
    public var qualifier: Qualifier?
    public var page: Int
    public var line: Int
    public var sectionId: String?
    public var quote: String
    public var ruleId: String
    /// Digits after the decimal point as printed (drives check tolerance); not in the contract.
    public var decimals: Int
    /// The value came from a table cell (used by table-vs-text checks).
    public var fromTable: Bool
    /// Ties a total to its parts for sum checks: the same id on a `合计`/total value and on each part
    /// (table rows of one table column, a `其中` enumeration in one sentence). Not in the contract.
    public var group: String?
    public var role: ObservationRole?
    /// The indicator a stated share is "of" when the sentence names it (`占专业教师数 81.4%` → specialty_teachers).
    public var base: String?
    /// How the entity was decided (`sentence`, `paragraph`, `subject_word`, `section_subject`, `document_subject`, `table_row`,
    /// …), or `unresolved: reason`.
    public var entitySource: String?
    /// How the year was decided (`clause`, `sentence`, `paragraph`, `section`, `table_header`, `document`,
    /// `published`, `previous_year`, …), or `unresolved: reason`.
    public var yearSource: String?
    /// The part of the entity a value is about when it is not the whole (`普通中专`, `技工学校`, `民办`):
    /// 全国 and 全国's 普通中专 are different series.
    public var category: String?
    /// False when the document is another format of a publication whose chosen format the checks and the
    /// panel use (the same report as text, PDF and HTML states each fact once per format).
    public var primary: Bool

    public init(docId: String, indicator: String, nameZh: String, entity: String?, year: Int?, value: Decimal,
                unit: String, raw: String, qualifier: Qualifier?, page: Int, line: Int, sectionId: String?,
                quote: String, ruleId: String, decimals: Int, fromTable: Bool, group: String? = nil,
                role: ObservationRole? = nil, base: String? = nil, entitySource: String? = nil,
                yearSource: String? = nil, category: String? = nil, primary: Bool = true) {
        self.entitySource = entitySource
        self.yearSource = yearSource
        self.category = category
        self.docId = docId
        self.indicator = indicator
        self.nameZh = nameZh
        self.entity = entity
        self.year = year
        self.value = value
        self.unit = unit
        self.raw = raw
        self.qualifier = qualifier
        self.page = page
        self.line = line
        self.sectionId = sectionId
        self.quote = quote
        self.ruleId = ruleId
        self.decimals = decimals
        self.fromTable = fromTable
        self.group = group
        self.role = role
        self.base = base
        self.primary = primary
    }

}

extension Observation: FieldListed {
    /// Contract fields first, then nianbao's own (`decimals` … `primary`), which files of other tools may lack.
    /// `measure` is derived from `qualifier` and `unit`: written everywhere, never read back.
    public static let fields: [RecordField<Observation>] = [
        .field("doc_id", \.docId), .field("indicator", \.indicator), .field("name_zh", \.nameZh),
        .field("entity", \.entity), .field("year", \.year), .field("value", \.value), .field("unit", \.unit),
        .field("raw", \.raw), .field("qualifier", \.qualifier), .field("page", \.page), .field("line", \.line),
        .field("section_id", \.sectionId), .field("quote", \.quote), .field("rule_id", \.ruleId),
        .field("decimals", \.decimals, whenMissing: 0), .field("from_table", \.fromTable, whenMissing: false),
        .field("group", \.group), .field("role", \.role), .field("base", \.base),
        .field("entity_source", \.entitySource), .field("year_source", \.yearSource), .field("category", \.category),
        .derived("measure", \.measure), .field("primary", \.primary, whenMissing: true),
    ]
    public static let blank = Observation(docId: "", indicator: "", nameZh: "", entity: "", year: nil, value: 0,
                                          unit: "", raw: "", qualifier: nil, page: 0, line: 0, sectionId: nil,
                                          quote: "", ruleId: "", decimals: 0, fromTable: false)
    public init(from decoder: any Decoder) throws { self = try Self.decodeFields(from: decoder) }
    public func encode(to encoder: any Encoder) throws { try encodeFields(to: encoder) }
}

public enum FlagKind: String, Codable, Sendable, CaseIterable {
    case percentMismatch = "percent_mismatch", sumMismatch = "sum_mismatch", ratioMismatch = "ratio_mismatch"
    case growthMismatch = "growth_mismatch", tableVsText = "table_vs_text", crossReport = "cross_report"
    case definitionConflict = "definition_conflict", yoyJump = "yoy_jump", targetGap = "target_gap"
    /// Beyond the contract's list: an approximate claim (`近 5%`, `超过 80%`) that the exact figure of the same
    /// report does not fit, and one figure restated in another unit or rounding (`1.3 万人次` / `12,860 人次`) that
    /// does not agree with itself.
    case approxMismatch = "approx_mismatch", unitMismatch = "unit_mismatch"
}

public enum Severity: String, Codable, Sendable, CaseIterable { case error, warning, info }

public struct Evidence: Codable, Sendable, Hashable {
    public var docId: String
    public var page: Int
    public var line: Int
    public var quote: String
    /// How the value quoted here got its entity and year (the observation's `entity_source` and `year_source`):
    /// with the flag's `pairing`, how each value was brought together with the others. Not in the contract.
    public var entitySource: String?
    public var yearSource: String?
    public init(docId: String, page: Int, line: Int, quote: String, entitySource: String? = nil,
                yearSource: String? = nil) {
        self.docId = docId
        self.page = page
        self.line = line
        self.quote = quote
        self.entitySource = entitySource
        self.yearSource = yearSource
    }
}

extension Evidence: FieldListed, FieldValueConvertible {
    public static let fields: [RecordField<Evidence>] = [
        .field("doc_id", \.docId), .field("page", \.page), .field("line", \.line), .field("quote", \.quote),
        .field("entity_source", \.entitySource), .field("year_source", \.yearSource),
    ]
    public static let blank = Evidence(docId: "", page: 0, line: 0, quote: "")
    public init(from decoder: any Decoder) throws { self = try Self.decodeFields(from: decoder) }
    public func encode(to encoder: any Encoder) throws { try encodeFields(to: encoder) }
    /// Evidence is a JSON object inside a flag.
    public var fieldValue: FieldValue {
        .object(Dictionary(uniqueKeysWithValues: Self.fields.map { ($0.name, $0.value(self)) }))
    }
    public init?(fieldValue: FieldValue) {
        guard case .object(let fields) = fieldValue,
              case .success(let evidence) = Self.record(fromValues: Self.fields.map { fields[$0.name] ?? .null })
        else { return nil }
        self = evidence
    }
    public static var fieldStorage: FieldStorage { .json }
}

public struct Flag: Codable, Sendable, Hashable {
    public var id: String
    public var check: String
    public var kind: FlagKind
    public var severity: Severity
    public var entity: String
    public var year: Int?
    public var indicators: [String]
    public var stated: Decimal
    public var expected: Decimal
    /// The interval of `expected` values that would count as agreeing, as text (`[81.35, 81.45)`).
    public var tolerance: String
    public var message: String
    public var evidence: [Evidence]
    /// How the check put the values together (not in the contract): `same_sentence`, `same_table`,
    /// `same_document` or `across_documents`. See `Pairing`.
    public var pairing: Pairing?

    public init(id: String, check: String, kind: FlagKind, severity: Severity, entity: String, year: Int?,
                indicators: [String], stated: Decimal, expected: Decimal, tolerance: String, message: String,
                evidence: [Evidence], pairing: Pairing? = nil) {
        self.id = id
        self.check = check
        self.kind = kind
        self.severity = severity
        self.entity = entity
        self.year = year
        self.indicators = indicators
        self.stated = stated
        self.expected = expected
        self.tolerance = tolerance
        self.message = message
        self.evidence = evidence
        self.pairing = pairing
    }

}

extension Flag: FieldListed {
    public static let fields: [RecordField<Flag>] = [
        .field("id", \.id), .field("check", \.check), .field("kind", \.kind), .field("severity", \.severity),
        .field("entity", \.entity), .field("year", \.year), .field("indicators", \.indicators),
        .field("stated", \.stated), .field("expected", \.expected), .field("tolerance", \.tolerance),
        .field("message", \.message), .field("evidence", \.evidence), .field("pairing", \.pairing),
    ]
    public static let blank = Flag(id: "", check: "", kind: .percentMismatch, severity: .info, entity: "", year: nil,
                                   indicators: [], stated: 0, expected: 0, tolerance: "", message: "", evidence: [])
    public init(from decoder: any Decoder) throws { self = try Self.decodeFields(from: decoder) }
    public func encode(to encoder: any Encoder) throws { try encodeFields(to: encoder) }
}

/// How the values of a flag were brought together: all read in one sentence (one line of one document),
/// all from the cells of one table, from different places of one document (matched by indicator, entity
/// and year), or from different documents.
public enum Pairing: String, Codable, Sendable, Hashable, RawFieldValue {
    case sameSentence = "same_sentence", sameTable = "same_table", sameDocument = "same_document"
    case acrossDocuments = "across_documents"
}

public enum CheckStatus: String, Codable, Sendable { case holds, flagged, skipped }

public struct CheckRecord: Codable, Sendable, Hashable {
    public var check: String
    public var kind: FlagKind
    public var entity: String
    public var year: Int?
    public var status: CheckStatus
    public var flagId: String?
    public var missing: [String]
    /// Why a relation was skipped when it was not for a missing value: its values disagree, but one of them was
    /// paired with the others only by a fallback (`ValueSources`), so no flag is raised. Not in the contract.
    public var reason: String?
    public init(check: String, kind: FlagKind, entity: String, year: Int?, status: CheckStatus,
                flagId: String?, missing: [String], reason: String? = nil) {
        self.reason = reason
        self.check = check
        self.kind = kind
        self.entity = entity
        self.year = year
        self.status = status
        self.flagId = flagId
        self.missing = missing
    }
}

extension CheckRecord: FieldListed {
    public static let fields: [RecordField<CheckRecord>] = [
        .field("check", \.check), .field("kind", \.kind), .field("entity", \.entity), .field("year", \.year),
        .field("status", \.status), .field("flag_id", \.flagId), .field("missing", \.missing),
        .field("reason", \.reason),
    ]
    public static let blank = CheckRecord(check: "", kind: .percentMismatch, entity: "", year: nil, status: .skipped,
                                          flagId: nil, missing: [])
    public init(from decoder: any Decoder) throws { self = try Self.decodeFields(from: decoder) }
    public func encode(to encoder: any Encoder) throws { try encodeFields(to: encoder) }
}

extension SourceFormat: RawFieldValue {}
extension DocumentStatus: RawFieldValue {}
extension Qualifier: RawFieldValue {}
extension ObservationRole: RawFieldValue {}
extension FlagKind: RawFieldValue {}
extension Severity: RawFieldValue {}
extension CheckStatus: RawFieldValue {}

/// Everything one run produces; what the Dataset stage writes and reads back.
public struct RunOutput: Codable, Sendable {
    public var documents: [DocumentRecord]
    public var sections: [Section]
    public var observations: [Observation]
    /// Values rejected by their rule's constraints, with their source and why (not in the dataset).
    public var rejected: [RejectedValue]
    public var flags: [Flag]
    public var checks: [CheckRecord]
    public init(documents: [DocumentRecord] = [], sections: [Section] = [], observations: [Observation] = [],
                rejected: [RejectedValue] = [], flags: [Flag] = [], checks: [CheckRecord] = []) {
        self.documents = documents
        self.sections = sections
        self.observations = observations
        self.rejected = rejected
        self.flags = flags
        self.checks = checks
    }
}
