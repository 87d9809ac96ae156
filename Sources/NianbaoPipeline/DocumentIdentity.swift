import Foundation
import Extraction

/// The doc_id rule. An id depends on the file and its folder on disk, never on what else is imported with it:
/// - the file name without extension (`a.pdf` → `a`); where another report file in the same folder has the
///   same name without extension (`a.txt` beside `a.pdf`), each keeps its extension (`a.txt`, `a.pdf`);
/// - a file found inside a folder given to `import` is named by its path below that folder
///   (`import reports` finds `reports/2024/a.pdf` → `2024/a`), so files of different subfolders never collide;
/// - should two inputs of one run still take the same id (two file arguments from different folders), the
///   later one in path order is prefixed with its folder's name (`b/a`);
/// - the store remembers: a file it already holds keeps the id it was first given (`Importer`).
public enum DocumentIdentity {
    /// Ids for `(path, root)` in order; `root` is the folder argument the file was found under, nil for a file
    /// given by name.
    public static func assign(_ inputs: [(path: String, root: String?)]) -> [String] {
        var folders = FolderStems()
        var used = Set<String>()
        return inputs.map { input in
            var id = folders.name(of: input.path)
            if let root = input.root {
                let folder = (input.path as NSString).deletingLastPathComponent
                if folder.count > root.count, folder.hasPrefix(root + "/") {
                    id = String(folder.dropFirst(root.count + 1)) + "/" + id
                }
            }
            id = unique(id, path: input.path) { used.contains($0) }
            used.insert(id)
            return id
        }
    }

    /// `id`, or `id` prefixed with more and more of its folders until no other input uses it.
    static func unique(_ id: String, path: String, isTaken: (String) -> Bool) -> String {
        guard isTaken(id) else { return id }
        var folders = URL(fileURLWithPath: path).deletingLastPathComponent().standardizedFileURL.pathComponents
            .filter { $0 != "/" }
        // Folders the id already names are not repeated (`2024/a` → `reports/2024/a`).
        folders.removeLast(min(folders.count, id.split(separator: "/").count - 1))
        var candidate = id
        while isTaken(candidate), let folder = folders.popLast() {
            candidate = folder + "/" + candidate
        }
        var n = 2
        let base = candidate
        while isTaken(candidate) { candidate = "\(base)-\(n)"; n += 1 }
        return candidate
    }

    /// The stems of the report files of each folder, read from disk once per folder.
    struct FolderStems {
        var counts: [String: [String: Int]] = [:]

        mutating func name(of path: String) -> String {
            let url = URL(fileURLWithPath: path)
            let stem = url.deletingPathExtension().lastPathComponent
            let folder = url.deletingLastPathComponent().path
            if counts[folder] == nil { counts[folder] = Self.stems(in: folder) }
            return (counts[folder]?[stem] ?? 0) > 1 ? url.lastPathComponent : stem
        }

        static func stems(in folder: String) -> [String: Int] {
            var result: [String: Int] = [:]
            for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] {
                let url = URL(fileURLWithPath: name)
                guard !name.hasPrefix("."), Readers.format(forExtension: url.pathExtension) != nil else { continue }
                result[url.deletingPathExtension().lastPathComponent, default: 0] += 1
            }
            return result
        }
    }
}
