import Foundation
import NianbaoModel

/// An analyst's list of where the imported files came from (`nianbao import --sources FILE`): one row a file,
/// tab- or comma-separated, a header row naming the columns, `#` starting a comment line.
///
///     file	url	subject	year
///     fj/d1323.txt	https://tjj.fujian.gov.cn/tongjinianjian/dz99/njhtml/d1323.html
///     notes.txt		宁海县第一职业中学	2020
///
/// `file` is required: a path relative to the list's folder or to a folder imported, or a bare file name that
/// only one imported file has. `url` (or `address`) is the page the file was saved from; `subject` and `year`
/// state what the document is about. Any may be empty. The text still decides where it says something: the
/// address and stated facts are used where the title, issuer and first lines name no subject or year.
public struct SourceList: Sendable {
    public struct Entry: Sendable, Hashable {
        public var file: String
        public var facts: StatedFacts
        /// 1-based line of the list the entry is on.
        public var line: Int
    }

    public var path: String
    public var entries: [Entry]

    public static let columns = ["file", "url", "address", "subject", "year"]

    public init(path: String, entries: [Entry]) {
        self.path = path
        self.entries = entries
    }

    public static func load(path: String) throws(SourceListError) -> SourceList {
        guard let data = FileManager.default.contents(atPath: path) else {
            let exists = FileManager.default.fileExists(atPath: path)
            throw SourceListError(path: path, line: 0, reason: exists ? "cannot be read" : "no such file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw SourceListError(path: path, line: 0, reason: "is not UTF-8 text")
        }
        return try parse(text, path: path)
    }

    public static func parse(_ text: String, path: String) throws(SourceListError) -> SourceList {
        var header: [String: Int]?
        var separator: Character = "\t"
        var entries: [Entry] = []
        let body = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        for (offset, raw) in body.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = offset + 1
            let row = raw.hasSuffix("\r") ? raw.dropLast() : raw
            if row.hasPrefix("#") || row.allSatisfy(\.isWhitespace) { continue }
            guard let columns = header else {
                separator = row.contains("\t") ? "\t" : ","
                header = try readHeader(row, separator: separator, path: path, line: line)
                continue
            }
            let fields = row.split(separator: separator, omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) }
            func field(_ name: String) -> String? {
                guard let index = columns[name], index < fields.count, !fields[index].isEmpty else { return nil }
                return fields[index]
            }
            guard let file = field("file") else {
                throw SourceListError(path: path, line: line, reason: "row has no file")
            }
            var year: Int?
            if let written = field("year") {
                guard let value = Int(written), (1949...2100).contains(value) else {
                    throw SourceListError(path: path, line: line, reason: "year “\(written)” is not a year from 1949 to 2100")
                }
                year = value
            }
            let address = field("url") ?? field("address")
            if let address, !(address.lowercased().hasPrefix("http://") || address.lowercased().hasPrefix("https://")) {
                throw SourceListError(path: path, line: line, reason: "url “\(address)” does not start with http:// or https://")
            }
            entries.append(Entry(file: file, facts: StatedFacts(address: address, subject: field("subject"), year: year),
                                 line: line))
        }
        guard header != nil else { throw SourceListError(path: path, line: 0, reason: "has no header row") }
        return SourceList(path: path, entries: entries)
    }

    private static func readHeader(_ row: Substring, separator: Character, path: String,
                                   line: Int) throws(SourceListError) -> [String: Int] {
        let names = row.split(separator: separator, omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        var columns: [String: Int] = [:]
        for (index, name) in names.enumerated() where !name.isEmpty {
            guard Self.columns.contains(name) else {
                throw SourceListError(path: path, line: line,
                                      reason: "unknown column “\(name)” (the columns are \(Self.columns.joined(separator: ", ")))")
            }
            columns[name] = columns[name] ?? index
        }
        guard columns["file"] != nil else {
            throw SourceListError(path: path, line: line, reason: "header has no “file” column")
        }
        return columns
    }

    /// The inputs with the facts their entries state, and a note for each entry that names no input (or
    /// names several by a bare file name).
    public func apply(to files: [InputFile], roots: [String]) -> (files: [InputFile], problems: [String]) {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        var byPath: [String: Int] = [:]
        var byName: [String: [Int]] = [:]
        for (index, file) in files.enumerated() {
            byPath[Self.standard(file.path)] = index
            byName[URL(fileURLWithPath: file.path).lastPathComponent, default: []].append(index)
        }
        var result = files
        var problems: [String] = []
        for entry in entries {
            let candidates = ([folder] + roots).map { Self.standard(URL(fileURLWithPath: entry.file, relativeTo:
                URL(fileURLWithPath: $0, isDirectory: true)).path) } + [Self.standard(entry.file)]
            var index = candidates.lazy.compactMap { byPath[$0] }.first
            if index == nil, !entry.file.contains("/") {
                let named = byName[entry.file] ?? []
                if named.count > 1 {
                    problems.append("\(path):\(entry.line): “\(entry.file)” names \(named.count) imported files; "
                                    + "give its path relative to \(folder)")
                    continue
                }
                index = named.first
            }
            guard let index else {
                problems.append("\(path):\(entry.line): “\(entry.file)” is not among the files imported")
                continue
            }
            result[index].stated = result[index].stated.overridden(by: entry.facts)
        }
        return (result, problems)
    }

    /// The names a folder's own source list may have.
    public static let folderListNames = ["sources.tsv", "sources.csv"]

    /// The source lists at the top of the folders among `inputs`, in order.
    public static func folderLists(_ inputs: [String]) -> [String] {
        var lists: [String] = []
        for input in inputs {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: input, isDirectory: &isDirectory), isDirectory.boolValue else { continue }
            for name in folderListNames {
                let path = URL(fileURLWithPath: input).appendingPathComponent(name).path
                if FileManager.default.fileExists(atPath: path) { lists.append(path) }
            }
        }
        return lists
    }

    static func standard(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.path
    }
}

/// A source list that cannot be used, with where.
public struct SourceListError: Error, CustomStringConvertible, Sendable {
    public var path: String
    /// 1-based line, or 0 for the whole file.
    public var line: Int
    public var reason: String
    public var description: String { line > 0 ? "\(path):\(line): \(reason)" : "\(path): \(reason)" }
}
