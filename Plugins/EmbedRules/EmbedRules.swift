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
        let sources = try Self.readingSources(in: context.package.directoryURL.appending(path: "Sources"))
        let output = context.pluginWorkDirectoryURL.appending(path: "ShippedRuleFiles.swift")
        return [.buildCommand(displayName: "Embedding rules/ (\(files.count) files)",
                              executable: try context.tool(named: "embed-rules").url,
                              arguments: [output.path] + files.map(\.path) + ["--sources"] + sources.map(\.path),
                              inputFiles: files + sources, outputFiles: [output])]
    }

    static let readingStages = ["NianbaoModel", "Extraction", "Cleaning", "Segmentation", "CPoppler", "CLibXML2", "COpenCC",
                                "COpenCCKeys"]

    static func readingSources(in sources: URL) throws -> [URL] {
        var found: [URL] = []
        for stage in readingStages {
            let folder = sources.appending(path: stage)
            guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else { continue }
            for case let url as URL in walker where ["swift", "h", "c", "cpp", "modulemap"].contains(url.pathExtension) {
                found.append(url)
            }
        }
        return found.sorted { $0.path < $1.path }
    }
}
