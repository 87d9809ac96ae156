import Foundation
import NianbaoModel
import Extraction
#if canImport(Glibc)
import Glibc
#endif

/// The report files below a folder, searched recursively, following symbolic links to files and to folders.
///
/// A file reached through a link is listed under the link's path, as if it were there (its document id comes
/// from that name). A folder is walked once however it is reached, so a link back up the tree cannot loop.
/// A link that points nowhere is a problem to report, not a file to skip in silence. Hidden entries and the
/// folders' own notes (README, SOURCES, CHANGELOG, LICENSE … files: `folderNoteNames`) are left out.
enum ReportFolderWalk {
    struct Found {
        var paths: [String] = []
        var problems: [String] = []
    }

    static func reportFiles(in folder: String) -> Found {
        let root = folder.count > 1 && folder.hasSuffix("/") ? String(folder.dropLast()) : folder
        var found = Found()
        var walked: Set<String> = [canonicalPath(root) ?? root]
        walk(root, into: &found, walked: &walked)
        found.paths.sort()
        return found
    }

    private static func walk(_ folder: String, into found: inout Found, walked: inout Set<String>) {
        let names: [String]
        do { names = try FileManager.default.contentsOfDirectory(atPath: folder) } catch {
            found.problems.append("\(folder): cannot list the folder (\(error.localizedDescription))")
            return
        }
        for name in names where !name.hasPrefix(".") {
            let path = folder + "/" + name
            switch kind(of: path) {
            case .folder:
                // The canonical path names a folder once, whichever link led to it.
                guard walked.insert(canonicalPath(path) ?? path).inserted else { continue }
                walk(path, into: &found, walked: &walked)
            case .file:
                guard !isFolderNote(name), Readers.format(forExtension: (name as NSString).pathExtension) != nil else { continue }
                found.paths.append(path)
            case .brokenLink:
                found.problems.append("\(path): symbolic link to a missing file (\(linkTarget(path) ?? "?"))")
            case .other:
                continue
            }
        }
    }

    /// File names (before the extension, any case) of notes kept beside reports about the folder itself: a
    /// list of sources, a licence, a change log. A report is never called so.
    static let folderNoteNames: Set<String> = ["readme", "sources", "source", "changelog", "changes", "license", "licence",
                                               "copying", "notice", "contributing", "index", "catalog", "catalogue"]

    static func isFolderNote(_ name: String) -> Bool {
        let stem = (name as NSString).deletingPathExtension.lowercased()
        return stem.hasPrefix("readme") || folderNoteNames.contains(stem)
    }

    enum Kind { case folder, file, brokenLink, other }

    /// What the path is after following links (stat, not lstat).
    static func kind(of path: String) -> Kind {
        var status = stat()
        guard stat(path, &status) == 0 else {
            var linkStatus = stat()
            return lstat(path, &linkStatus) == 0 && (linkStatus.st_mode & S_IFMT) == S_IFLNK ? .brokenLink : .other
        }
        switch status.st_mode & S_IFMT {
        case S_IFDIR: return .folder
        case S_IFREG: return .file
        default: return .other
        }
    }

    /// The paths without repeats of one file (named directly, through a link to it, or through a linked
    /// folder), in the order first seen. Of a file's names, the one that goes through no link is kept, so
    /// a report and a link to it beside it import once, under the report's own name.
    static func distinctFiles(_ paths: [String]) -> [String] {
        var slotByFile: [String: Int] = [:]
        var result: [String] = []
        for path in paths {
            let file = canonicalPath(path) ?? path
            guard let slot = slotByFile[file] else {
                slotByFile[file] = result.count
                result.append(path)
                continue
            }
            if !isDirect(result[slot]) && isDirect(path) { result[slot] = path }
        }
        return result
    }

    /// True when no link is followed on the way to the file: its absolute path is its canonical path.
    static func isDirect(_ path: String) -> Bool {
        // URL's standardisation is lexical (NSString's standardizingPath would resolve the links themselves).
        canonicalPath(path) == URL(fileURLWithPath: path).standardized.path
    }

    /// The path with every link resolved, or nil when it does not exist.
    static func canonicalPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    private static func linkTarget(_ path: String) -> String? {
        try? FileManager.default.destinationOfSymbolicLink(atPath: path)
    }
}
