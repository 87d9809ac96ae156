import Foundation
import GRDB
import NianbaoModel

/// One passage of a report as the search index holds it: a paragraph or table row of the segmented text,
/// in the innermost section that contains it.
public struct Passage: Sendable, Hashable {
    public var sectionId: String
    /// The kinds of the section and of every section around it, innermost first (`table case chapter`),
    /// so `--kind case` finds a table inside a case.
    public var kinds: [SectionKind]
    public var page: Int
    public var line: Int
    public var text: String
}

/// What the index stores for one document: its passages and each section's own text.
public struct SearchDocument: Sendable {
    public var docId: String
    /// False for another format of a publication already imported (see `Observation.primary`); the store
    /// sets it over all its documents before each export (`DatasetStore.markPrimary`).
    public var primary: Bool
    public var passages: [Passage]
    /// Section id → the text of the blocks the section holds itself (not its subsections'), in order.
    public var sectionTexts: [(sectionId: String, kind: SectionKind, text: String)]

    /// Every block of the cleaned text outside the printed table of contents; the TOC repeats titles only.
    public init(_ document: SegmentedDocument, primary: Bool = true) {
        docId = document.docId
        self.primary = primary
        let owner = document.sectionIndexByBlock()
        let byId = Dictionary(document.sections.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        func kinds(_ section: Section) -> [SectionKind] {
            var result = [section.kind], parent = section.parent, seen = Set([section.id])
            while let id = parent, let next = byId[id], seen.insert(id).inserted {
                result.append(next.kind)
                parent = next.parent
            }
            return result
        }
        var passages: [Passage] = []
        var texts: [Int: [String]] = [:]
        for (index, block) in document.clean.blocks.enumerated() {
            let text = Self.trimmed(block.text)
            guard !text.isEmpty, let sectionIndex = owner[index] else { continue }
            let section = document.sections[sectionIndex]
            guard section.kind != .toc else { continue }
            passages.append(Passage(sectionId: section.id, kinds: kinds(section), page: block.start.page,
                                    line: block.start.line, text: text))
            texts[sectionIndex, default: []].append(text)
        }
        self.passages = passages
        sectionTexts = texts.keys.sorted().map { index in
            (document.sections[index].id, document.sections[index].kind, texts[index]!.joined(separator: "\n"))
        }
    }
}

extension SearchDocument {
    /// `trimmingCharacters(in: .whitespacesAndNewlines)`, asked only of a text that starts or ends with white
    /// space (few blocks do, and the NSString bridge copied every one).
    static func trimmed(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.first, let last = scalars.last,
              first.properties.isWhitespace || last.properties.isWhitespace else { return text }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

/// A passage that matched, with where it stands.
public struct SearchHit: Sendable, Hashable {
    public var docId: String
    public var documentTitle: String?
    public var sectionId: String
    public var sectionKind: SectionKind?
    public var sectionNumber: String?
    public var sectionTitle: String?
    public var page: Int
    public var line: Int
    public var text: String
}

/// Full-text search over nianbao.sqlite: table `passages` (doc_id, section_id, kinds, page, line, text,
/// primary), its FTS5 index `passages_fts` with the `trigram` tokenizer, and `section_texts` (each section's
/// own text). Trigrams need no word segmentation, which Chinese does not mark; a term shorter than three
/// characters has no trigram, so it is matched with LIKE over the same rows.
/// The tables live in the store beside the dataset's (`DatasetStore` creates them and commits a document's
/// passages with its other rows, and removes them with it), and a document's rows are replaced as a whole.
public struct SearchIndex: Sendable {
    public let path: String

    public init(path: String) {
        self.path = path
    }

    /// Passages are committed with their document, but indexed in one batch at the end of an import
    /// (`indexPending`): FTS5 adds a segment per transaction and merges them as it goes, so indexing
    /// document by document cost three times the batch, on the single writer every worker waits for. A
    /// passage not yet indexed (an import killed before the end) is listed in `passages_pending`; search
    /// matches those rows with LIKE, so it never misses one.
    static let schema = """
        CREATE TABLE IF NOT EXISTS passages (
            id INTEGER PRIMARY KEY, doc_id TEXT NOT NULL, section_id TEXT NOT NULL, kinds TEXT NOT NULL,
            page INTEGER NOT NULL, line INTEGER NOT NULL, text TEXT NOT NULL, "primary" INTEGER NOT NULL);
        CREATE INDEX IF NOT EXISTS passages_by_doc ON passages(doc_id);
        CREATE VIRTUAL TABLE IF NOT EXISTS passages_fts USING fts5(
            text, content='passages', content_rowid='id', tokenize='trigram');
        CREATE TABLE IF NOT EXISTS passages_pending (id INTEGER PRIMARY KEY);
        DROP TRIGGER IF EXISTS passages_indexed;
        DROP TRIGGER IF EXISTS passages_unindexed;
        CREATE TRIGGER IF NOT EXISTS passages_queued AFTER INSERT ON passages BEGIN
            INSERT INTO passages_pending(id) VALUES (new.id);
        END;
        CREATE TRIGGER IF NOT EXISTS passages_removed AFTER DELETE ON passages BEGIN
            INSERT INTO passages_fts(passages_fts, rowid, text) SELECT 'delete', old.id, old.text
                WHERE NOT EXISTS (SELECT 1 FROM passages_pending WHERE id = old.id);
            DELETE FROM passages_pending WHERE id = old.id;
        END;
        CREATE TABLE IF NOT EXISTS section_texts (
            doc_id TEXT NOT NULL, section_id TEXT NOT NULL, kind TEXT NOT NULL, text TEXT NOT NULL,
            PRIMARY KEY (doc_id, section_id));
        """

    /// Adds every passage committed since the last call to the full-text index, in the caller's transaction.
    static func indexPending(in db: Database) throws {
        try db.execute(sql: """
            INSERT INTO passages_fts(rowid, text)
                SELECT p.id, p.text FROM passages_pending q JOIN passages p ON p.id = q.id ORDER BY p.id;
            DELETE FROM passages_pending;
            """)
    }

    /// Replaces one document's passages and section texts with `document`'s (none when nil), inside the
    /// caller's transaction: the store commits them with the document's other rows.
    static func replace(_ docId: String, with document: SearchDocument?, in db: Database) throws {
        try db.execute(sql: "DELETE FROM passages WHERE doc_id = ?", arguments: [docId])
        try db.execute(sql: "DELETE FROM section_texts WHERE doc_id = ?", arguments: [docId])
        guard let document else { return }
        let insertPassage = try db.cachedStatement(sql: """
            INSERT INTO passages (doc_id, section_id, kinds, page, line, text, "primary") VALUES (?,?,?,?,?,?,?)
            """)
        let insertText = try db.cachedStatement(sql: """
            INSERT OR REPLACE INTO section_texts (doc_id, section_id, kind, text) VALUES (?,?,?,?)
            """)
        for passage in document.passages {
            try insertPassage.execute(arguments: [
                docId, passage.sectionId, passage.kinds.map(\.rawValue).joined(separator: " "),
                passage.page, passage.line, passage.text, document.primary,
            ])
        }
        for section in document.sectionTexts {
            try insertText.execute(arguments: [docId, section.sectionId, section.kind.rawValue, section.text])
        }
    }

    /// Passages holding every whitespace-separated term of `query`, in document order. `kind` keeps passages
    /// inside a section of that kind; `allFormats` also searches other formats of an imported publication.
    public func search(_ query: String, kind: SectionKind? = nil, allFormats: Bool = false,
                       limit: Int = 100) throws(DatasetError) -> [SearchHit] {
        let terms = SearchIndex.terms(query)
        guard !terms.isEmpty else { return [] }
        var conditions: [String] = []
        var arguments: [any DatabaseValueConvertible] = []
        let indexed = terms.filter { $0.count >= 3 }
        if !indexed.isEmpty {
            // Passages not indexed yet (see `schema`) are matched by LIKE, as the short terms are.
            let pendingMatch = (["p.id IN (SELECT id FROM passages_pending)"]
                + indexed.map { _ in #"p.text LIKE ? ESCAPE '\'"# }).joined(separator: " AND ")
            conditions.append("(p.id IN (SELECT rowid FROM passages_fts WHERE passages_fts MATCH ?) OR (\(pendingMatch)))")
            arguments.append(indexed.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
                .joined(separator: " AND "))
            arguments += indexed.map { "%" + SearchIndex.likeEscaped($0) + "%" }
        }
        for term in terms where term.count < 3 {
            conditions.append(#"p.text LIKE ? ESCAPE '\'"#)
            arguments.append("%" + SearchIndex.likeEscaped(term) + "%")
        }
        if let kind {
            conditions.append("(' ' || p.kinds || ' ') LIKE ?")
            arguments.append("% \(kind.rawValue) %")
        }
        if !allFormats { conditions.append(#"p."primary" = 1"#) }
        arguments.append(limit)
        let sql = """
            SELECT p.doc_id, d.title AS document_title, p.section_id, s.kind, s.number, s.title, p.page, p.line, p.text
            FROM passages p
            LEFT JOIN documents d ON d.doc_id = p.doc_id
            LEFT JOIN sections s ON s.doc_id = p.doc_id AND s.id = p.section_id
            WHERE \(conditions.joined(separator: " AND "))
            GROUP BY p.id
            ORDER BY p.doc_id, p.id
            LIMIT ?
            """
        return try withDatabase { queue in
            try queue.read { db in
                guard try db.tableExists("passages"), try db.tableExists("passages_pending") else {
                    throw SearchIndexMissing()
                }
                return try Row.fetchAll(db, sql: sql, arguments: StatementArguments(arguments)).map { row in
                    SearchHit(docId: row[0], documentTitle: row[1], sectionId: row[2],
                              sectionKind: (row[3] as String?).flatMap(SectionKind.init(rawValue:)),
                              sectionNumber: row[4], sectionTitle: row[5], page: row[6], line: row[7], text: row[8])
                }
            }
        }
    }

    /// The query split on spaces (ASCII and ideographic); quotes around a phrase are dropped.
    static func terms(_ query: String) -> [String] {
        query.split(whereSeparator: { $0 == " " || $0 == "\u{3000}" || $0 == "\t" })
            .map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "\"“”")) }
            .filter { !$0.isEmpty }
    }

    static func likeEscaped(_ term: String) -> String {
        term.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
            .replacingOccurrences(of: "_", with: "\\_")
    }

    /// The passage cut to about `width` characters around the first term, the term set in «».
    public static func snippet(_ text: String, query: String, width: Int = 60) -> String {
        let flat = text.replacingOccurrences(of: "\n", with: " ")
        guard let term = terms(query).first,
              let range = flat.range(of: term, options: .caseInsensitive) else { return String(flat.prefix(width)) }
        let before = max(0, (width - term.count) / 2)
        let start = flat.index(range.lowerBound, offsetBy: -before, limitedBy: flat.startIndex) ?? flat.startIndex
        let end = flat.index(range.upperBound, offsetBy: width - term.count - before, limitedBy: flat.endIndex)
            ?? flat.endIndex
        return (start > flat.startIndex ? "…" : "") + flat[start..<range.lowerBound] + "«" + flat[range] + "»"
            + flat[range.upperBound..<end] + (end < flat.endIndex ? "…" : "")
    }

    /// Seconds a search waits for a store another process is writing.
    static let busyTimeout: TimeInterval = 30

    private func withDatabase<T>(_ body: (DatabaseQueue) throws -> T) throws(DatasetError) -> T {
        do {
            // Another process (an import writing the store) may hold the lock a moment: wait, do not fail.
            var configuration = Configuration()
            configuration.busyMode = .timeout(Self.busyTimeout)
            return try body(try DatabaseQueue(path: path, configuration: configuration))
        } catch is SearchIndexMissing {
            throw .cannotRead(path: path, reason: "no search index (run `nianbao import` with this version first)")
        } catch let error as DatabaseError {
            throw .database(path: path, reason: error.description)
        } catch {
            throw .database(path: path, reason: String(describing: error))
        }
    }
}

private struct SearchIndexMissing: Error {}
