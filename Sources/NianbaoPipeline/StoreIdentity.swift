import Foundation
import Dataset

/// The store's part of the doc_id rule (`DocumentIdentity`): a file the store already holds keeps the id it
/// was given, whatever folder it is imported from now; a new file never takes an id the store gives to
/// another file that still exists. (An id whose file vanished is free: the file was moved or renamed, and
/// its document follows it.)
enum StoreIdentity {
    static func reconcile(_ files: [InputFile], stored: [String: SourceFileState]) -> [InputFile] {
        let idByPath = Dictionary(stored.map { ($0.value.path, $0.key) }, uniquingKeysWith: { a, _ in a })
        let paths = files.map { FileStat.absolute($0.path) }
        var result = files
        var used = Set<String>()
        for index in files.indices {
            if let id = idByPath[paths[index]] {
                result[index].docId = id
                used.insert(id)
            }
        }
        var existing: [String: Bool] = [:]
        func heldByAnother(_ id: String, _ path: String) -> Bool {
            guard let holder = stored[id]?.path, holder != path else { return false }
            if let known = existing[holder] { return known }
            let exists = FileManager.default.fileExists(atPath: holder)
            existing[holder] = exists
            return exists
        }
        for index in files.indices where idByPath[paths[index]] == nil {
            let path = paths[index]
            result[index].docId = DocumentIdentity.unique(result[index].docId, path: path) {
                used.contains($0) || heldByAnother($0, path)
            }
            used.insert(result[index].docId)
        }
        return result
    }
}
