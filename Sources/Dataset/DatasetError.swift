import Foundation

/// Why the dataset under `--out` could not be written or read back, naming the file and the reason.
public enum DatasetError: Error, Sendable, Equatable, CustomStringConvertible {
    case cannotCreateDirectory(path: String, reason: String)
    case cannotWrite(path: String, reason: String)
    case missingFile(path: String)
    case cannotRead(path: String, reason: String)
    /// `line` is the 1-based line of the JSON Lines file.
    case malformedLine(path: String, line: Int, reason: String)
    case database(path: String, reason: String)
    /// Another nianbao process is writing to the same `--out`.
    case locked(path: String, holder: String)

    public var description: String {
        switch self {
        case .cannotCreateDirectory(let p, let r): return "\(p): cannot create output directory: \(r)"
        case .cannotWrite(let p, let r): return "\(p): cannot write: \(r)"
        case .missingFile(let p): return "\(p): not found (run `nianbao import` into this directory first)"
        case .cannotRead(let p, let r): return "\(p): cannot read: \(r)"
        case .malformedLine(let p, let n, let r): return "\(p): malformed line \(n): \(r)"
        case .database(let p, let r): return "\(p): SQLite error: \(r)"
        case .locked(let p, let holder):
            let who = holder.isEmpty ? "another nianbao process" : "another nianbao process (\(holder))"
            return "\(p): \(who) is writing to this folder; wait for it to finish, or give another --out"
        }
    }
}
