import Foundation
import Yams

/// A rule file that cannot be used, with where and why, so its author can fix it.
public struct RuleError: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var reason: String
    public init(file: String, line: Int, reason: String) {
        self.file = file
        self.line = line
        self.reason = reason
    }
    public var description: String { "\(file):\(line): \(reason)" }
}

/// One parsed YAML file with helpers that turn a wrong shape into a `RuleError` at the node's line.
package struct RuleFile {
    package let name: String
    package let root: Node

    package static func open(_ url: URL) throws(RuleError) -> RuleFile {
        let name = url.lastPathComponent
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw RuleError(file: name, line: 0, reason: "rule file missing (looked for \(url.path))")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw RuleError(file: name, line: 0, reason: "not UTF-8")
        }
        return try parse(text, name: name)
    }

    package static func parse(_ text: String, name: String) throws(RuleError) -> RuleFile {
        do {
            guard let node = try Yams.compose(yaml: text) else {
                throw RuleError(file: name, line: 1, reason: "file is empty")
            }
            return RuleFile(name: name, root: node)
        } catch let error as RuleError {
            throw error
        } catch let error as YamlError {
            switch error {
            case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
                 .composer(_, let problem, let mark, _):
                throw RuleError(file: name, line: mark.line, reason: "YAML syntax: \(problem)")
            default:
                throw RuleError(file: name, line: 0, reason: "YAML: \(error)")
            }
        } catch {
            throw RuleError(file: name, line: 0, reason: "YAML: \(error)")
        }
    }

    package func error(_ node: Node, _ reason: String) -> RuleError {
        RuleError(file: name, line: node.mark?.line ?? 0, reason: reason)
    }

    package func mapping(_ node: Node, allowed: Set<String>) throws(RuleError) -> [String: Node] {
        guard case .mapping(let mapping) = node else { throw error(node, "expected a mapping of keys to values") }
        var result: [String: Node] = [:]
        for (key, value) in mapping {
            guard let keyString = key.string else { throw error(key, "keys must be plain words") }
            guard allowed.contains(keyString) else {
                throw error(key, "unknown key “\(keyString)” (allowed: \(allowed.sorted().joined(separator: ", ")))")
            }
            result[keyString] = value
        }
        return result
    }

    package func pairs(_ node: Node) throws(RuleError) -> [(Node, Node)] {
        guard case .mapping(let mapping) = node else { throw error(node, "expected a mapping") }
        return mapping.map { ($0.key, $0.value) }
    }

    package func required(_ map: [String: Node], _ key: String, in parent: Node) throws(RuleError) -> Node {
        guard let node = map[key] else { throw error(parent, "missing required key “\(key)”") }
        return node
    }

    package func sequence(_ node: Node) throws(RuleError) -> [Node] {
        guard case .sequence(let sequence) = node else { throw error(node, "expected a list") }
        return Array(sequence)
    }

    package func string(_ node: Node) throws(RuleError) -> String {
        guard case .scalar(let scalar) = node else { throw error(node, "expected a single value, not a list or mapping") }
        return scalar.string
    }

    package func strings(_ node: Node) throws(RuleError) -> [String] {
        if case .scalar(let scalar) = node { return [scalar.string] }
        var result: [String] = []
        for item in try sequence(node) { result.append(try string(item)) }
        return result
    }

    package func decimal(_ node: Node) throws(RuleError) -> Decimal {
        let text = try string(node)
        guard text.range(of: "^-?[0-9]+(\\.[0-9]+)?$", options: .regularExpression) != nil,
              let value = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")) else {
            throw error(node, "“\(text)” is not a number")
        }
        return value
    }

    package func int(_ node: Node) throws(RuleError) -> Int {
        let text = try string(node)
        guard let value = Int(text), value > 0 else { throw error(node, "“\(text)” is not a positive whole number") }
        return value
    }
}
