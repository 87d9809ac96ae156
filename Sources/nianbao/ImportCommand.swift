import ArgumentParser
import Foundation
import NianbaoPipeline
import NianbaoModel
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Run the whole pipeline on reports (folders are searched recursively) into the store under --out.",
        discussion: """
        Reads every .pdf, .html/.htm, .txt, .md and .wiki file given or found below the folders given (README files \
        of those folders excepted) into nianbao.sqlite under --out, one document per transaction, then runs \
        the checks over every document stored and writes documents.jsonl, sections.jsonl, \
        observations.jsonl/.csv, rejected.jsonl, flags.jsonl, checks.jsonl, panel.csv, panel_sources.csv, \
        panel_flags.csv and panel_targets.csv from it; nianbao.sqlite also holds the search index. A file \
        already stored and unchanged is not read again; after a rule edit only the rules run again. A file gone from the folders is reported and kept unless --prune.
        Ctrl-C finishes the files in flight, keeps them, rewrites the dataset files from the store, and exits \
        with 130; the next import goes on.
        Exit status: 0 when every file was processed, 1 when some failed (each failure listed), 2 on bad usage.
        """)

    @Argument(help: "Report files or folders.")
    var inputs: [String]

    @Option(help: "Where the store and the dataset files are.")
    var out: String = "output"

    @Option(help: "Folder with indicator, entity, unit and check rules (default: the rules built into nianbao).")
    var rules: String?

    @Option(help: ArgumentHelp("""
        A list of where the files came from: tab- or comma-separated, a header row with a “file” column and any of \
        “url”, “subject”, “year”. A government site's address names its region (tjj.fujian.gov.cn: 福建省), \
        and a year in its path the year; both are used where the text names no subject or year. Without it, a \
        sources.tsv or sources.csv at the top of a folder imported is read.
        """, valueName: "file"))
    var sources: String?

    @ArgumentParser.Flag(help: "Remove from the store the documents whose file is gone from the folders imported.")
    var prune = false

    @ArgumentParser.Flag(name: .shortAndLong, help: "Print no progress and no summary, only problems.")
    var quiet = false

    @ArgumentParser.Flag(name: .shortAndLong, help: "Print a line for every file as it is done.")
    var verbose = false

    @OptionGroup var reading: ReadingOptions

    func run() throws {
        var (files, problems) = InputDiscovery.discover(inputs)
        if let sources {
            do { files = try Self.applying(sources, to: files, roots: inputs) } catch {
                printError("nianbao import: source list \(error)")
                throw ExitCode(2)
            }
        } else {
            // A folder's own list (`sources.tsv`, `sources.csv` at its top) is read as if given with --sources;
            // one that cannot be used is reported and the folder imported without it.
            for list in SourceList.folderLists(inputs) {
                do { files = try Self.applying(list, to: files, roots: inputs) } catch {
                    printError("warning: source list \(error); the folder is imported without it")
                }
            }
        }
        for problem in problems { printError(problem) }
        guard !files.isEmpty else {
            printError("nothing to import: no .pdf, .html, .htm, .txt, .md or .wiki files in \(inputs.joined(separator: " "))")
            throw ExitCode(problems.isEmpty ? 1 : 2)
        }
        let importer = Importer(pipeline: Pipeline(readOptions: reading.readOptions), rules: RulesLocation(option: rules))
        let display = ProgressDisplay(mode: quiet ? .quiet : verbose ? .verbose : .normal)
        let cancellation = Cancellation()
        let interrupt = Self.onInterrupt {
            cancellation.cancel()
            printError("\ninterrupted: finishing the files in flight, then writing the dataset files from the store "
                       + "(Ctrl-C again to stop at once)")
        }
        defer { interrupt.cancel() }
        let result: ImportResult
        do {
            result = try importer.run(files, roots: inputs, outputDirectory: URL(fileURLWithPath: out),
                                      options: ImportOptions(prune: prune, progress: display.handler,
                                                             cancellation: cancellation))
        } catch {
            display.stop()
            printError("nianbao import: \(error)")
            throw ExitCode(1)
        }
        display.stop()
        if result.interrupted {
            printError(result.summary)
            throw ExitCode(130)
        }
        if !quiet { print(result.summary) }
        for record in result.problems {
            printError("\(record.status.rawValue): \(record.errors.joined(separator: "; "))")
        }
        if result.problems.contains(where: { $0.status == .failed }) || !problems.isEmpty {
            throw ExitCode(1)
        }
    }

    /// The files with what the source list at `path` states of them; its entries that name no file are warned of.
    static func applying(_ path: String, to files: [InputFile], roots: [String]) throws(SourceListError) -> [InputFile] {
        let applied = try SourceList.load(path: path).apply(to: files, roots: roots)
        for problem in applied.problems { printError("warning: \(problem)") }
        return applied.files
    }

    /// Runs `handler` on the first SIGINT; a second one ends the process at once (exit 130): every document
    /// committed so far stays in the store.
    static func onInterrupt(_ handler: @escaping @Sendable () -> Void) -> DispatchSourceSignal {
        signal(SIGINT, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: SIGINT, queue: DispatchQueue(label: "nianbao.sigint"))
        let count = Mutex(0)
        source.setEventHandler {
            let n = count.withLock { n -> Int in n += 1; return n }
            if n == 1 { handler() } else { _exit(130) }
        }
        source.resume()
        return source
    }
}
