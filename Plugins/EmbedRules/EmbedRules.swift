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
        let output = context.pluginWorkDirectoryURL.appending(path: "ShippedRuleFiles.swift")
        return [.buildCommand(displayName: "Embedding rules/ (\(files.count) files)",
                              executable: try context.tool(named: "embed-rules").url,
                              arguments: [output.path] + files.map(\.path),
                              inputFiles: files, outputFiles: [output])]
    }
}
