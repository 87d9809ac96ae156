import Foundation
import PackagePlugin

/// Embeds the rule files of `rules/` (YAML and the regions table) in the ShippedRules module at build time, so a built `nianbao` finds
/// the project's rules wherever it is run from or moved to.
@main
struct EmbedRules: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let rules = context.package.directoryURL.appending(path: "rules")
        let files = try FileManager.default.contentsOfDirectory(at: rules, includingPropertiesForKeys: nil)
            .filter { ["yaml", "tsv"].contains($0.pathExtension) }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        // The sources of the stages whose output a store keeps (reading, cleaning, segmentation and the model):
        // their digest is part of the processing version, so a changed reader re-reads stored documents.
        let sources = try Self.sources(of: Self.readingStages, in: context.package.directoryURL.appending(path: "Sources"))
        // The indicator stage's sources: part of the rules' digest, so a store extracts its values again after
        // the extraction code changed (its documents are not read again).
        let extraction = try Self.sources(of: Self.extractionStages, in: context.package.directoryURL.appending(path: "Sources"))
        let output = context.pluginWorkDirectoryURL.appending(path: "ShippedRuleFiles.swift")
        var arguments: [String] = [output.path] + files.map(\.path)
        arguments += ["--sources"] + sources.map(\.path)
        arguments += ["--extraction-sources"] + extraction.map(\.path)
        let inputs: [URL] = files + sources + extraction
        return [.buildCommand(displayName: "Embedding rules/ (\(files.count) files)",
                              executable: try context.tool(named: "embed-rules").url,
                              arguments: arguments, inputFiles: inputs, outputFiles: [output])]
    }

    static let readingStages = ["NianbaoModel", "Extraction", "Cleaning", "Segmentation", "CPoppler", "CLibXML2", "COpenCC",
                                "COpenCCKeys"]

    static let extractionStages = ["Indicators", "Numbers", "CPCRE2"]

    static func sources(of stages: [String], in sources: URL) throws -> [URL] {
        var found: [URL] = []
        for stage in stages {
            let folder = sources.appending(path: stage)
            guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else { continue }
            for case let url as URL in walker where ["swift", "h", "c", "cpp", "modulemap"].contains(url.pathExtension) {
                found.append(url)
            }
        }
        return found.sorted { $0.path < $1.path }
    }
}
