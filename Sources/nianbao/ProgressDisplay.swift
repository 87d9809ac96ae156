import Foundation
import Synchronization
import NianbaoPipeline
#if canImport(Glibc)
import Glibc
#endif

/// Shows an import's progress on standard error: a bar redrawn in place on a terminal (documents done /
/// total, pages/s, time left, failures so far), a plain line every few seconds otherwise (a log, a pipe).
/// `verbose` adds a line per finished file; `quiet` shows nothing.
final class ProgressDisplay: Sendable {
    enum Mode: Sendable { case quiet, normal, verbose }

    struct State: Sendable {
        /// Nil until the files to import are known (rules load and the store opens first).
        var total: Int?
        var counts = ImportCounts()
        var start = DispatchTime.now().uptimeNanoseconds
        var lastLine = 0.0
        var checking = false
        var drawn = false
    }

    let mode: Mode
    let terminal: Bool
    /// Seconds between plain lines when standard error is not a terminal.
    let interval: Double
    let state = Mutex(State())
    /// Set once in `init`; DispatchSource is thread-safe, though not marked Sendable.
    nonisolated(unsafe) let timer: DispatchSourceTimer?

    init(mode: Mode, interval: Double = 10) {
        self.mode = mode
        terminal = isatty(STDERR_FILENO) == 1
        self.interval = interval
        guard mode != .quiet else { timer = nil; return }
        let source = DispatchSource.makeTimerSource(queue: DispatchQueue(label: "nianbao.progress"))
        timer = source
        source.schedule(deadline: .now() + 0.25, repeating: terminal ? 0.25 : 1)
        source.setEventHandler { [weak self] in self?.tick() }
        source.resume()
    }

    var handler: @Sendable (ImportEvent) -> Void {
        { [self] event in self.handle(event) }
    }

    func handle(_ event: ImportEvent) {
        switch event {
        case .started(let total):
            state.withLock { $0.total = total; $0.start = DispatchTime.now().uptimeNanoseconds }
        case .finished(let outcome):
            state.withLock { $0.counts.add(outcome) }
            if mode == .verbose { printLine(Self.describe(outcome)) }
        case .checking:
            state.withLock { $0.checking = true }
            tick(force: true)
        }
    }

    /// Stops the display and clears the bar.
    func stop() {
        timer?.cancel()
        let drawn = state.withLock { s -> Bool in defer { s.drawn = false }; return s.drawn }
        if terminal && drawn { write("\r\u{1B}[K") }
    }

    private func tick(force: Bool = false) {
        let now = DispatchTime.now().uptimeNanoseconds
        let (line, due) = state.withLock { s -> (String, Bool) in
            guard let total = s.total else { return ("", false) }
            let elapsed = Double(now - s.start) / 1e9
            let due = terminal || force || elapsed - s.lastLine >= interval
            if due { s.lastLine = elapsed }
            if terminal { s.drawn = true }
            return (Self.line(s, total: total, elapsed: elapsed, width: terminal ? 24 : 0), due)
        }
        guard due, mode != .quiet else { return }
        if terminal { write("\r\u{1B}[K" + line) } else { write(line + "\n") }
    }

    /// `[#########-----] 120/400 docs  35.2 pages/s  2m10s left  3 failed`.
    static func line(_ s: State, total: Int, elapsed: Double, width: Int) -> String {
        let done = s.counts.done
        var parts: [String] = []
        if width > 0 {
            let filled = total > 0 ? width * done / total : 0
            parts.append("[" + String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled) + "]")
        }
        parts.append("\(done)/\(total) documents")
        let rate = elapsed > 0 ? Double(s.counts.pagesRead) / elapsed : 0
        parts.append(String(format: "%.1f pages/s", rate))
        if s.checking {
            parts.append("checking and writing the dataset")
        } else if done > 0 && done < total {
            let left = elapsed / Double(done) * Double(total - done)
            parts.append(Self.duration(left) + " left")
        }
        parts.append("\(s.counts.failed) failed")
        return parts.joined(separator: "  ")
    }

    static func duration(_ seconds: Double) -> String {
        let s = Int(seconds.rounded())
        if s >= 3600 { return "\(s / 3600)h\(s % 3600 / 60)m" }
        if s >= 60 { return "\(s / 60)m\(s % 60)s" }
        return "\(s)s"
    }

    static func describe(_ outcome: DocumentOutcome) -> String {
        let what: String
        switch outcome.action {
        case .processed: what = "read"
        case .reextracted: what = "re-extracted (rules changed, file not read)"
        case .unchanged: what = "unchanged"
        }
        return "\(outcome.status.rawValue) \(outcome.docId): \(what), \(outcome.pages) page(s), "
            + "\(outcome.observations) observation(s), " + String(format: "%.2f s", outcome.seconds)
    }

    private func printLine(_ text: String) {
        if terminal && state.withLock({ $0.drawn }) { write("\r\u{1B}[K" + text + "\n") } else { write(text + "\n") }
    }

    private func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
