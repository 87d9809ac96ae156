import Foundation

/// A place in one document of a run: its doc_id, 1-based page and line (see the data contract).
public struct DocumentLocation: Codable, Sendable, Hashable {
    public var docId: String
    public var page: Int
    public var line: Int
    public init(docId: String, page: Int, line: Int) {
        self.docId = docId
        self.page = page
        self.line = line
    }
    enum CodingKeys: String, CodingKey { case docId = "doc_id", page, line }
}

/// One thing a stage has to say about the input: what kind of problem (`code`), how serious, a sentence an
/// analyst understands, and every place it concerns. Check flags and refused values are reported as one.
public struct Diagnostic: Codable, Sendable, Hashable {
    /// Stable machine-readable kind: a flag kind (`percent_mismatch`) or a refusal (`value_above_max`).
    public var code: String
    public var severity: Severity
    public var message: String
    public var locations: [DocumentLocation]

    public init(code: String, severity: Severity, message: String, locations: [DocumentLocation]) {
        self.code = code
        self.severity = severity
        self.message = message
        self.locations = locations
    }

    /// One line for terminals and string lists: `doc p3 l12: message`.
    public var rendered: String {
        guard let first = locations.first else { return message }
        return "\(first.docId) p\(first.page) l\(first.line): \(message)"
    }
}

/// A value its indicator rule refused (a 130 % share, a year 2202), with why.
public struct RejectedValue: Codable, Sendable, Hashable {
    public var observation: Observation
    public var reason: Diagnostic
    public init(observation: Observation, reason: Diagnostic) {
        self.observation = observation
        self.reason = reason
    }
}

extension Observation {
    public var location: DocumentLocation { DocumentLocation(docId: docId, page: page, line: line) }
}

extension Flag {
    /// The flag as a diagnostic: its kind as the code, every evidence place as a location.
    public var diagnostic: Diagnostic {
        Diagnostic(code: kind.rawValue, severity: severity, message: message,
                   locations: evidence.map { DocumentLocation(docId: $0.docId, page: $0.page, line: $0.line) })
    }
}

extension RejectedValue: FieldListed {
    /// rejected.jsonl: an observation's fields, then why its rule refused it.
    public static let fields: [RecordField<RejectedValue>] = Observation.fields.map { $0.lifted(\.observation) } + [
        .field("reason", \.reason.message, whenMissing: ""), .field("reason_code", \.reason.code, whenMissing: "rejected"),
    ]
    public static let blank = RejectedValue(observation: .blank,
                                            reason: Diagnostic(code: "rejected", severity: .warning, message: "", locations: []))
    public init(from decoder: any Decoder) throws { self = try Self.decodeFields(from: decoder) }
    public func encode(to encoder: any Encoder) throws { try encodeFields(to: encoder) }
}
