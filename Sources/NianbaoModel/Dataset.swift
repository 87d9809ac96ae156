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

    public init(docId: String, source: String, sha256: String, format: SourceFormat?, title: String?,
                region: String?, reportYear: Int?, issuer: String?, published: String?, pages: Int,
                status: DocumentStatus, errors: [String]) {
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

    enum CodingKeys: String, CodingKey {
        case docId = "doc_id", source, sha256, format, title, region
        case reportYear = "report_year", issuer, published, pages, status, errors
    }
}

public enum Qualifier: String, Codable, Sendable, Hashable {
    case approx, atLeast = "at_least", atMost = "at_most", moreThan = "more_than", lessThan = "less_than"
    case range, target, change
}

public enum ObservationRole: String, Codable, Sendable, Hashable { case total, part }

public struct Observation: Codable, Sendable, Hashable {
    public var docId: String
    public var indicator: String
    public var nameZh: String
    public var entity: String
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
    /// False when the document is another format of a publication whose chosen format the checks and the
    /// panel use (the same report as text, PDF and HTML states each fact once per format).
    public var primary: Bool

    public init(docId: String, indicator: String, nameZh: String, entity: String, year: Int?, value: Decimal,
                unit: String, raw: String, qualifier: Qualifier?, page: Int, line: Int, sectionId: String?,
                quote: String, ruleId: String, decimals: Int, fromTable: Bool, group: String? = nil,
                role: ObservationRole? = nil, base: String? = nil, primary: Bool = true) {
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

    enum CodingKeys: String, CodingKey {
        case docId = "doc_id", indicator, nameZh = "name_zh", entity, year, value, unit, raw, qualifier
        case page, line, sectionId = "section_id", quote, ruleId = "rule_id", decimals, fromTable = "from_table"
        case group, role, base, primary
    }
}

public enum FlagKind: String, Codable, Sendable, CaseIterable {
    case percentMismatch = "percent_mismatch", sumMismatch = "sum_mismatch", ratioMismatch = "ratio_mismatch"
    case growthMismatch = "growth_mismatch", tableVsText = "table_vs_text", crossReport = "cross_report"
    case definitionConflict = "definition_conflict", yoyJump = "yoy_jump", targetGap = "target_gap"
}

public enum Severity: String, Codable, Sendable, CaseIterable { case error, warning, info }

public struct Evidence: Codable, Sendable, Hashable {
    public var docId: String
    public var page: Int
    public var line: Int
    public var quote: String
    public init(docId: String, page: Int, line: Int, quote: String) {
        self.docId = docId
        self.page = page
        self.line = line
        self.quote = quote
    }
    enum CodingKeys: String, CodingKey { case docId = "doc_id", page, line, quote }
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

    public init(id: String, check: String, kind: FlagKind, severity: Severity, entity: String, year: Int?,
                indicators: [String], stated: Decimal, expected: Decimal, tolerance: String, message: String,
                evidence: [Evidence]) {
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
    }

    enum CodingKeys: String, CodingKey {
        case id, check, kind, severity, entity, year, indicators, stated, expected, tolerance, message, evidence
    }
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
    public init(check: String, kind: FlagKind, entity: String, year: Int?, status: CheckStatus,
                flagId: String?, missing: [String]) {
        self.check = check
        self.kind = kind
        self.entity = entity
        self.year = year
        self.status = status
        self.flagId = flagId
        self.missing = missing
    }
    enum CodingKeys: String, CodingKey {
        case check, kind, entity, year, status, flagId = "flag_id", missing
    }
}

/// Everything one run produces; what the Dataset stage writes and reads back.
public struct RunOutput: Codable, Sendable {
    public var documents: [DocumentRecord]
    public var sections: [Section]
    public var observations: [Observation]
    /// Values rejected by their rule's constraints, with their source (not in the dataset).
    public var rejected: [Observation]
    public var flags: [Flag]
    public var checks: [CheckRecord]
    public init(documents: [DocumentRecord] = [], sections: [Section] = [], observations: [Observation] = [],
                rejected: [Observation] = [], flags: [Flag] = [], checks: [CheckRecord] = []) {
        self.documents = documents
        self.sections = sections
        self.observations = observations
        self.rejected = rejected
        self.flags = flags
        self.checks = checks
    }
}
