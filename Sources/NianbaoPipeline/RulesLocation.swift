import Foundation
import RuleFiles
import Extraction
import Indicators
import ShippedRules
import NianbaoModel

/// Where an import's rules come from: a folder given with `--rules`, or the rules shipped inside the binary
/// (written once to a cache folder named by their hash, since the rule loaders read files).
public enum RulesLocation: Sendable {
    case directory(URL)
    case shipped

    /// `--rules DIR` when given, else the shipped rules.
    public init(option: String?) {
        self = option.map { .directory(URL(fileURLWithPath: $0)) } ?? .shipped
    }

    /// The files every import needs.
    static let requiredFiles = RuleSet.fileNames + ["checks.yaml", DocumentWords.fileName]

    /// The folder holding the rule files, checked to hold every one of them.
    public func directoryURL() throws(ImportError) -> URL {
        switch self {
        case .directory(let url):
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw .rules("\(url.path): no such folder; give --rules a folder holding "
                             + Self.requiredFiles.joined(separator: ", ") + ", or leave --rules out to use the rules built into nianbao")
            }
            for name in Self.requiredFiles where !FileManager.default.fileExists(atPath: url.appendingPathComponent(name).path) {
                throw .rules("\(url.appendingPathComponent(name).path): missing; copy it from the project's rules/ folder "
                             + "into \(url.path), or leave --rules out to use the rules built into nianbao")
            }
            return url
        case .shipped:
            return try Self.materialiseShipped()
        }
    }

    public func file(_ name: String) throws(ImportError) -> URL {
        try directoryURL().appendingPathComponent(name)
    }

    /// A rule error with what to do about it, by where the rules came from.
    func explain(_ error: String) -> String {
        switch self {
        case .directory(let url):
            let located = error.hasPrefix("/") ? error : "\(url.path)/\(error)"
            return "\(located) (fix the file and run again; see rules/README.md)"
        case .shipped:
            return "\(error) in the rules built into nianbao (rebuild nianbao from a checkout whose rules/ load, or pass --rules DIR)"
        }
    }

    /// Hash of the indicator rule files: when it changes, every document's rules stage runs again.
    public func indicatorRulesHash() throws(ImportError) -> String {
        let directory = try directoryURL()
        var bytes = Data()
        for name in RuleSet.fileNames.sorted() {
            bytes.append(Data(name.utf8))
            bytes.append(0)
            bytes.append(FileManager.default.contents(atPath: directory.appendingPathComponent(name).path) ?? Data())
            bytes.append(0)
        }
        return ContentDigest.sha256(bytes)
    }

    /// Hash of `documents.yaml`: the segmenter reads documents by it, so a change reads every file again.
    public func documentWordsHash() throws(ImportError) -> String {
        let url = try directoryURL().appendingPathComponent(DocumentWords.fileName)
        return String(ContentDigest.sha256(FileManager.default.contents(atPath: url.path) ?? Data()).prefix(16))
    }

    /// Writes the shipped rules under the cache folder once per version of them and returns that folder.
    static func materialiseShipped() throws(ImportError) -> URL {
        let files = ShippedRules.files
        guard !files.isEmpty else { throw .rules("nianbao was built without rules; pass --rules DIR") }
        let digest = String(ContentDigest.sha256(Data(files.map { $0.name + "\u{0}" + $0.text }.joined().utf8)).prefix(16))
        let base = ProcessInfo.processInfo.environment["XDG_CACHE_HOME"].map { URL(fileURLWithPath: $0) }
            ?? FileManager.default.temporaryDirectory
        let folder = base.appendingPathComponent("nianbao-rules-\(digest)")
        if requiredFiles.allSatisfy({ FileManager.default.fileExists(atPath: folder.appendingPathComponent($0).path) }) {
            return folder
        }
        // Written beside, then renamed into place, so two imports (or two threads of one) starting together
        // never read half a file.
        let staging = base.appendingPathComponent("nianbao-rules-\(digest).\(getpid()).\(UUID().uuidString).tmp")
        do {
            try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
            for (name, text) in files { try Data(text.utf8).write(to: staging.appendingPathComponent(name)) }
            if rename(staging.path, folder.path) != 0 { try? FileManager.default.removeItem(at: staging) }
        } catch {
            throw .rules("cannot write the built-in rules to \(folder.path): \(error.localizedDescription); pass --rules DIR")
        }
        return folder
    }
}

/// nianbao's processing version: a document made by another version (or with other reading options) is
/// read again on the next import. The reading stages' sources are digested at build time, so a change to a
/// reader, the cleaning or the segmentation re-reads stored documents by itself.
public enum NianbaoVersion {
    public static let release = "0.13.0"

    /// `release`, the reading stages' source digest, the record fields (a field added or renamed changes it)
    /// and the reading options that change what is read (OCR, a password).
    static func processing(_ options: ReadOptions) -> String {
        let fields = [DocumentRecord.fieldNames, Section.fieldNames, Observation.fieldNames]
            .map { $0.joined(separator: ",") }.joined(separator: ";")
        let fieldsHash = String(ContentDigest.sha256(Data(fields.utf8)).prefix(12))
        return "\(release) sources:\(ShippedRules.readingDigest) fields:\(fieldsHash) ocr:\(options.ocr) "
            + "password:\(options.password != nil)"
    }
}
