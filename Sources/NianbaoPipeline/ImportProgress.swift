import Foundation
import Synchronization
import NianbaoModel

/// What happened to one file of an import.
public enum DocumentAction: String, Sendable {
    /// Read, cleaned, segmented and run through the rules.
    case processed
    /// Unchanged file, changed rules: the rules ran again on its stored segmented form; the file was not read.
    case reextracted
    /// Unchanged file, rules and nianbao version: nothing was done.
    case unchanged
}

/// One finished file, as progress displays and `--verbose` see it.
public struct DocumentOutcome: Sendable {
    public var docId: String
    public var path: String
    public var action: DocumentAction
    public var status: DocumentStatus
    public var pages: Int
    public var observations: Int
    public var seconds: Double
    public var errors: [String]
}

/// Events an import reports while it runs; called from worker threads.
public enum ImportEvent: Sendable {
    /// The files to import are known.
    case started(total: Int)
    /// A file is committed to the store.
    case finished(DocumentOutcome)
    /// Every file is done, or the import was interrupted; the checks and the exported files follow.
    case checking
}

/// Asks an import to stop taking new files: the files in flight finish and are committed.
public final class Cancellation: Sendable {
    private let flag = Mutex(false)
    public init() {}
    public func cancel() { flag.withLock { $0 = true } }
    public var isCancelled: Bool { flag.withLock { $0 } }
}

/// Counts of one import, by what was done to each file.
public struct ImportCounts: Sendable, Equatable {
    public var processed = 0
    public var reextracted = 0
    public var unchanged = 0
    public var ok = 0
    public var partial = 0
    public var failed = 0
    public var pagesRead = 0
    public var done: Int { processed + reextracted + unchanged }

    public init() {}

    public mutating func add(_ outcome: DocumentOutcome) {
        switch outcome.action {
        case .processed: processed += 1; pagesRead += outcome.pages
        case .reextracted: reextracted += 1
        case .unchanged: unchanged += 1
        }
        switch outcome.status {
        case .ok: ok += 1
        case .partial: partial += 1
        case .failed: failed += 1
        }
    }
}
