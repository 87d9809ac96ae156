/// Why an input could not be read, said so that a user can act on it.
public enum ReadError: Error, Sendable, Equatable, CustomStringConvertible {
    case notFound(path: String)
    case empty(path: String)
    case unsupportedFormat(path: String, detail: String)
    case binaryContent(path: String)
    case undecodable(path: String, detail: String)
    case damaged(path: String, detail: String)
    case encrypted(path: String)
    case wrongPassword(path: String)
    case noPages(path: String)
    case noText(path: String, detail: String)
    case notHTML(path: String)
    case noArticle(path: String)
    case timedOut(path: String, seconds: Double)

    public var description: String {
        switch self {
        case .notFound(let p): return "\(p): file not found"
        case .empty(let p): return "\(p): file is empty (0 bytes)"
        case .unsupportedFormat(let p, let d): return "\(p): unsupported format (\(d))"
        case .binaryContent(let p): return "\(p): binary content, not text (NUL bytes or control characters)"
        case .undecodable(let p, let d): return "\(p): cannot decode text: \(d)"
        case .damaged(let p, let d): return "\(p): damaged or truncated PDF: \(d)"
        case .encrypted(let p): return "\(p): PDF is encrypted; give its password with --password"
        case .wrongPassword(let p): return "\(p): the password given does not open this encrypted PDF"
        case .noPages(let p): return "\(p): PDF has no pages"
        case .noText(let p, let d): return "\(p): no text: \(d)"
        case .notHTML(let p): return "\(p): not an HTML page (no markup found)"
        case .noArticle(let p): return "\(p): HTML page has no article text"
        case .timedOut(let p, let s): return "\(p): reading took longer than \(Int(s)) s and was abandoned"
        }
    }
}
