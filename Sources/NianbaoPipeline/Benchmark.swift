import Foundation
import Dispatch
import NianbaoModel
import Extraction
import Indicators
#if canImport(Glibc)
import Glibc
#endif

/// Throughput of the pipeline on a folder, beside `pdftotext` on the same PDFs. Runs in one process, so the
/// numbers measure the work, not the start of a binary per file.
public struct Benchmark: Sendable {
    /// What a run measures: PDF extraction against pdftotext, the rules stage, or both.
    public enum Stage: String, Sendable, CaseIterable {
        case pdf, rules, all
    }

    public struct Report: Sendable {
        public var pdfFiles: Int
        public var pages: Int
        public var oneCorePagesPerSecond: Double
        public var allCoresPagesPerSecond: Double
        /// Files one after another, the pages of each spread over all cores.
        public var pageParallelPagesPerSecond: Double
        public var cores: Int
        public var pdftotextPagesPerSecond: Double?
        public var rulesMegabytesPerSecond: Double
        public var rulesObservations: Int
        public var peakMegabytes: Double
        public var pdftotextPeakMegabytes: Double?

        public var stage: Stage

        public var text: String {
            var lines: [String] = []
            if stage != .rules { appendPDF(to: &lines) }
            if stage != .pdf {
                lines.append(String(format: "rules stage: %.1f MB/s of text on one core (%d observations; target >= 20)",
                                    rulesMegabytesPerSecond, rulesObservations))
            }
            var memory = String(format: "peak memory: nianbao %.1f MB", peakMegabytes)
            if let theirs = pdftotextPeakMegabytes { memory += String(format: ", pdftotext %.1f MB", theirs) }
            lines.append(memory)
            return lines.joined(separator: "\n")
        }

        private func appendPDF(to lines: inout [String]) {
            lines.append("PDF extraction (read, clean, segment) over \(pdfFiles) files, \(pages) pages:")
            lines.append(String(format: "  nianbao, 1 core    %8.1f pages/s", oneCorePagesPerSecond))
            lines.append(String(format: "  nianbao, %d cores   %8.1f pages/s (%.2fx one core)", cores, allCoresPagesPerSecond,
                                oneCorePagesPerSecond > 0 ? allCoresPagesPerSecond / oneCorePagesPerSecond : 0))
            lines.append(String(format: "  nianbao, file by file, pages on %d cores %8.1f pages/s (files under 16 pages use one)",
                                cores, pageParallelPagesPerSecond))
            if let theirs = pdftotextPagesPerSecond {
                lines.append(String(format: "  pdftotext          %8.1f pages/s (one process per file)", theirs))
                lines.append(String(format: "  ratio              %8.2fx pdftotext, one core (target >= 0.70)", oneCorePagesPerSecond / theirs))
            } else {
                lines.append("  pdftotext          not found (apt-get install -y poppler-utils)")
            }
        }
    }

    public var repetitions: Int
    public var rulesDirectory: URL
    public var stage: Stage

    public init(repetitions: Int = 3, rulesDirectory: URL, stage: Stage = .all) {
        self.repetitions = repetitions
        self.rulesDirectory = rulesDirectory
        self.stage = stage
    }

    public func run(folder: String) throws -> Report {
        let (files, _) = InputDiscovery.discover([folder])
        let pipeline = Pipeline()
        let pdf = stage == .rules ? PDFTimes() : try timePDF(files.filter { $0.path.lowercased().hasSuffix(".pdf") },
                                                               pipeline: pipeline)

        // The rules stage over every report of the folder, segmented once beforehand.
        var rulesStage: IndicatorExtractor.BenchmarkReport?
        if stage != .pdf {
            let documents = pipeline.processAll(files).compactMap(\.segmented)
            // A pass of the rules stage takes milliseconds: it gets at least ten.
            rulesStage = try IndicatorExtractor.benchmarkCorpus(rulesDirectory: rulesDirectory, documents: documents,
                                                                repetitions: max(10, repetitions))
        }
        return Report(pdfFiles: pdf.files, pages: pdf.pages,
                      oneCorePagesPerSecond: pdf.oneCore > 0 ? Double(pdf.pages) / pdf.oneCore : 0,
                      allCoresPagesPerSecond: pdf.allCores > 0 ? Double(pdf.pages * 2) / pdf.allCores : 0,
                      pageParallelPagesPerSecond: pdf.pageParallel > 0 ? Double(pdf.pages) / pdf.pageParallel : 0,
                      cores: ProcessInfo.processInfo.activeProcessorCount,
                      pdftotextPagesPerSecond: pdf.pdftotext.map { Double(pdf.pages) / $0.seconds },
                      rulesMegabytesPerSecond: rulesStage?.megabytesPerSecond ?? 0,
                      rulesObservations: rulesStage?.observations ?? 0,
                      peakMegabytes: Self.peakMegabytes(RUSAGE_SELF), pdftotextPeakMegabytes: pdf.pdftotext.map(\.peak),
                      stage: stage)
    }

    /// Seconds for one pass over the PDFs on one core, for two passes spread over all cores, and pdftotext's.
    struct PDFTimes {
        var files = 0
        var pages = 0
        var oneCore = 0.0
        var allCores = 0.0
        var pageParallel = 0.0
        var pdftotext: (seconds: Double, peak: Double)?
    }

    func timePDF(_ pdfs: [InputFile], pipeline: Pipeline) throws -> PDFTimes {
        let datas = try pdfs.map { try Data(contentsOf: URL(fileURLWithPath: $0.path)) }
        var times = PDFTimes(files: pdfs.count)
        let oneThread = { var options = ReadOptions(); options.pageThreads = 1; return options }()
        times.oneCore = best {
            times.pages = 0
            for (file, data) in zip(pdfs, datas) {
                guard let source = try? PDFReader().read(path: file.path, data: data, options: oneThread) else { continue }
                times.pages += source.pages.count
                _ = pipeline.segment(source, docId: file.docId)
            }
        }
        times.allCores = best {
            DispatchQueue.concurrentPerform(iterations: pdfs.count * 2) { i in
                let k = i % max(1, pdfs.count)
                if let source = try? PDFReader().read(path: pdfs[k].path, data: datas[k], options: oneThread) {
                    _ = pipeline.segment(source, docId: pdfs[k].docId)
                }
            }
        }
        times.pageParallel = best {
            for (file, data) in zip(pdfs, datas) {
                if let source = try? PDFReader().read(path: file.path, data: data, options: ReadOptions()) {
                    _ = pipeline.segment(source, docId: file.docId)
                }
            }
        }
        times.pdftotext = pdftotextSeconds(pdfs.map(\.path))
        return times
    }

    /// Best wall time of `repetitions` runs.
    func best(_ work: () -> Void) -> Double {
        var best = Double.infinity
        for _ in 0..<max(1, repetitions) {
            let start = DispatchTime.now().uptimeNanoseconds
            work()
            best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        return best
    }

    /// pdftotext over the same files, one process each as a user runs it; nil when it is not installed.
    func pdftotextSeconds(_ paths: [String]) -> (seconds: Double, peak: Double)? {
        guard let tool = ["/usr/bin/pdftotext", "/usr/local/bin/pdftotext"].first(where: FileManager.default.isExecutableFile)
        else { return nil }
        let seconds = best {
            for path in paths {
                let process = Process()
                process.executableURL = URL(fileURLWithPath: tool)
                process.arguments = [path, "-"]
                process.standardOutput = FileHandle(forWritingAtPath: "/dev/null")
                process.standardError = FileHandle(forWritingAtPath: "/dev/null")
                try? process.run()
                process.waitUntilExit()
            }
        }
        return (seconds, Self.peakMegabytes(RUSAGE_CHILDREN))
    }

    static func peakMegabytes(_ who: __rusage_who) -> Double {
        var usage = rusage()
        getrusage(__rusage_who_t(who.rawValue), &usage)
        return Double(usage.ru_maxrss) / 1024
    }
}
