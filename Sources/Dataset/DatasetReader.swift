import Foundation
import NianbaoModel

/// Reads a previous run back from `--out` so `nianbao check` can re-run the checks without re-importing.
/// documents.jsonl and observations.jsonl are required; sections, rejected, flags and checks are read when
/// present. Numbers are decoded exactly (`1.57` stays `1.57`). Fields the contract does not name
/// (`decimals`, `from_table`, `block_start`, …) may be missing, so files written by other tools load too.
public struct DatasetReader {
    public static func load(outputDirectory: URL) throws(DatasetError) -> RunOutput {
        let directory = outputDirectory
        var run = RunOutput()
        run.documents = try read(directory, DatasetFile.documents, required: true, as: DocumentRecord.self)
        run.observations = try read(directory, DatasetFile.observations, required: true, as: ObservationLine.self)
            .map(\.observation)
        run.sections = try read(directory, DatasetFile.sections, required: false, as: SectionLine.self)
            .map(\.section)
        run.rejected = try read(directory, DatasetFile.rejected, required: false, as: ObservationLine.self)
            .map(\.observation)
        run.flags = try read(directory, DatasetFile.flags, required: false, as: Flag.self)
        run.checks = try read(directory, DatasetFile.checks, required: false, as: CheckRecord.self)
        return run
    }

    private static func read<T: Decodable>(_ directory: URL, _ name: String, required: Bool,
                                           as type: T.Type) throws(DatasetError) -> [T] {
        let url = directory.appendingPathComponent(name)
        guard FileManager.default.fileExists(atPath: url.path) else {
            if required { throw .missingFile(path: url.path) }
            return []
        }
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw .cannotRead(path: url.path, reason: DatasetWriter.reason(error))
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw .cannotRead(path: url.path, reason: "not UTF-8 text")
        }
        let decoder = JSONDecoder()
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        // Fast path: the whole file as one JSON array, decoded in one call (per-line decoding costs ~10x more).
        var array: [UInt8] = [UInt8(ascii: "[")]
        array.reserveCapacity(data.count + 2)
        for line in lines where !line.allSatisfy(\.isWhitespace) {
            if array.count > 1 { array.append(UInt8(ascii: ",")) }
            array.append(contentsOf: line.utf8)
        }
        array.append(UInt8(ascii: "]"))
        if let records = try? decoder.decode([T].self, from: Data(array)) { return records }

        // Something is wrong: decode line by line to say which line and why.
        var records: [T] = []
        for (index, line) in lines.enumerated() where !line.allSatisfy(\.isWhitespace) {
            do {
                records.append(try decoder.decode(T.self, from: Data(line.utf8)))
            } catch let error as DecodingError {
                throw .malformedLine(path: url.path, line: index + 1, reason: describe(error))
            } catch {
                throw .malformedLine(path: url.path, line: index + 1, reason: String(describing: error))
            }
        }
        // Each line decodes alone but not together (e.g. a line holding two objects `{…},{…}`).
        throw .cannotRead(path: url.path, reason: "not one JSON object per line")
    }

    /// "missing field `value`", "field `year`: expected Int" — what a user needs to fix the line.
    private static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            context.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
        }
        switch error {
        case .keyNotFound(let key, _): return "missing field `\(key.stringValue)`"
        case .typeMismatch(let type, let context): return "field `\(path(context))`: expected \(type)"
        case .valueNotFound(let type, let context): return "field `\(path(context))`: null where \(type) is required"
        case .dataCorrupted(let context):
            let at = path(context)
            return at.isEmpty ? "not valid JSON" : "field `\(at)`: \(context.debugDescription)"
        @unknown default: return String(describing: error)
        }
    }
}

/// An observations.jsonl line: contract fields required, nianbao's extra fields optional.
private struct ObservationLine: Decodable {
    var observation: Observation

    enum Keys: String, CodingKey {
        case docId = "doc_id", indicator, nameZh = "name_zh", entity, year, value, unit, raw, qualifier
        case page, line, sectionId = "section_id", quote, ruleId = "rule_id", decimals, fromTable = "from_table"
        case group, role, base, primary
    }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        observation = Observation(
            docId: try c.decode(String.self, forKey: .docId),
            indicator: try c.decode(String.self, forKey: .indicator),
            nameZh: try c.decode(String.self, forKey: .nameZh),
            entity: try c.decode(String.self, forKey: .entity),
            year: try c.decodeIfPresent(Int.self, forKey: .year),
            value: try c.decode(Decimal.self, forKey: .value),
            unit: try c.decode(String.self, forKey: .unit),
            raw: try c.decode(String.self, forKey: .raw),
            qualifier: try c.decodeIfPresent(Qualifier.self, forKey: .qualifier),
            page: try c.decode(Int.self, forKey: .page),
            line: try c.decode(Int.self, forKey: .line),
            sectionId: try c.decodeIfPresent(String.self, forKey: .sectionId),
            quote: try c.decode(String.self, forKey: .quote),
            ruleId: try c.decode(String.self, forKey: .ruleId),
            decimals: try c.decodeIfPresent(Int.self, forKey: .decimals) ?? 0,
            fromTable: try c.decodeIfPresent(Bool.self, forKey: .fromTable) ?? false,
            group: try c.decodeIfPresent(String.self, forKey: .group),
            role: try c.decodeIfPresent(ObservationRole.self, forKey: .role),
            base: try c.decodeIfPresent(String.self, forKey: .base),
            primary: try c.decodeIfPresent(Bool.self, forKey: .primary) ?? true)
    }
}

/// A sections.jsonl line: contract fields required, block indexes optional.
private struct SectionLine: Decodable {
    var section: Section

    enum Keys: String, CodingKey {
        case docId = "doc_id", id, kind, level, number, title, parent
        case pageStart = "page_start", pageEnd = "page_end", lineStart = "line_start", lineEnd = "line_end"
        case blockStart = "block_start", blockEnd = "block_end"
    }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        section = Section(
            docId: try c.decode(String.self, forKey: .docId), id: try c.decode(String.self, forKey: .id),
            kind: try c.decode(SectionKind.self, forKey: .kind), level: try c.decode(Int.self, forKey: .level),
            number: try c.decodeIfPresent(String.self, forKey: .number),
            title: try c.decode(String.self, forKey: .title),
            parent: try c.decodeIfPresent(String.self, forKey: .parent),
            pageStart: try c.decode(Int.self, forKey: .pageStart), pageEnd: try c.decode(Int.self, forKey: .pageEnd),
            lineStart: try c.decode(Int.self, forKey: .lineStart), lineEnd: try c.decode(Int.self, forKey: .lineEnd),
            blockStart: try c.decodeIfPresent(Int.self, forKey: .blockStart) ?? 0,
            blockEnd: try c.decodeIfPresent(Int.self, forKey: .blockEnd) ?? 0)
    }
}
