import Foundation
import CLibXML2

/// The parts of a parsed HTML page that article extraction needs, copied out of libxml2's tree into a flat
/// array in document order (parents before children), so later passes are plain loops without C pointers
/// and without recursion (recovered markup can nest thousands of levels deep).
struct HTMLDOM {
    enum Kind: UInt8 { case element, text }

    struct Node {
        var kind: Kind
        /// Lowercased tag name for elements, empty for text.
        var tag: String
        /// Text content for text nodes.
        var text: String
        var parent: Int
        var children: [Int]
        /// Lowercased `class` and `id` joined by a space: where pages say what a block is for.
        var classAndID: String
        var attributes: [String: String]
    }

    var nodes: [Node]
    /// Index of `<body>` (or of the root element when the page has no body).
    var body: Int
    /// Text of `<title>`.
    var title: String?
    /// `<meta name|property|http-equiv=... content=...>`, names lowercased.
    var metas: [(name: String, content: String)]
    /// `<link rel=canonical href=...>` of the head: the address the page says it lives at.
    var canonical: String?

    /// Subtrees whose text is never article text.
    static let skippedTags: Set<String> = [
        "script", "style", "noscript", "template", "iframe", "frame", "frameset", "svg", "math", "canvas",
        "object", "embed", "applet", "input", "select", "option", "button", "textarea", "map", "audio", "video",
        "source", "track", "dialog",
    ]
    /// Attributes kept on elements; everything else is dropped while copying.
    static let keptAttributes: Set<String> = ["alt", "rowspan", "colspan", "style", "href", "role", "hidden",
                                              "aria-hidden", "title"]

    private static let initialized: Bool = {
        // Once per process: libxml2 2.9 sets up its globals and per-thread error handling here.
        xmlInitParser()
        return true
    }()

    /// Parses UTF-8 HTML with libxml2's recovering parser. nil when libxml2 produced no document at all.
    /// The text is already decoded, so the page's own charset declaration is ignored (IGNORE_ENC); HUGE lifts
    /// the element depth at which libxml2 stops building the tree from 256 to 2048 (unclosed <font> runs).
    static func parse(utf8 text: String) -> HTMLDOM? {
        _ = initialized
        var bytes = Array(text.utf8)
        if bytes.isEmpty { return nil }
        let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
                            | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue | HTML_PARSE_IGNORE_ENC.rawValue
                            | XML_PARSE_HUGE.rawValue)
        let document: htmlDocPtr? = bytes.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { pointer in
                htmlReadMemory(pointer, Int32(clamping: buffer.count), "page.html", "UTF-8", options)
            }
        }
        guard let document else { return nil }
        defer { xmlFreeDoc(document) }
        guard let root = xmlDocGetRootElement(document) else { return nil }
        var dom = HTMLDOM(nodes: [], body: 0, title: nil, metas: [])
        dom.copy(from: root)
        if let body = dom.nodes.firstIndex(where: { $0.kind == .element && $0.tag == "body" }) { dom.body = body }
        return dom
    }

    /// Copies the element tree below `root` in document order, with an explicit stack.
    private mutating func copy(from root: xmlNodePtr) {
        nodes.reserveCapacity(4096)
        var stack: [(xmlNodePtr, Int)] = [(root, -1)]
        var children: [xmlNodePtr] = []
        while let item = stack.popLast() {
            let (pointer, parent) = item
            let node = pointer.pointee
            switch node.type {
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                guard parent >= 0, let content = node.content else { continue }
                let text = String(cString: content)
                let index = nodes.count
                nodes.append(Node(kind: .text, tag: "", text: text, parent: parent, children: [],
                                  classAndID: "", attributes: [:]))
                nodes[parent].children.append(index)
            case XML_ELEMENT_NODE:
                let tag = node.name.map { String(cString: $0).lowercased() } ?? ""
                if tag == "head" { readHead(pointer); continue }
                if tag == "title" || tag == "meta" {
                    // Misplaced head elements (libxml2 moves some into body when recovering).
                    if tag == "title", title == nil { title = Self.textContent(pointer) }
                    if tag == "meta" { readMeta(pointer) }
                    continue
                }
                if Self.skippedTags.contains(tag) { continue }
                var classAndID = ""
                var attributes: [String: String] = [:]
                var attribute = node.properties
                while let a = attribute {
                    let name = a.pointee.name.map { String(cString: $0).lowercased() } ?? ""
                    if name == "class" || name == "id" || Self.keptAttributes.contains(name) {
                        let value = a.pointee.children?.pointee.content.map { String(cString: $0) } ?? ""
                        if name == "class" || name == "id" {
                            classAndID += classAndID.isEmpty ? value.lowercased() : " " + value.lowercased()
                        } else {
                            attributes[name] = value
                        }
                    }
                    attribute = a.pointee.next
                }
                if Self.isHidden(attributes) { continue }
                let index = nodes.count
                nodes.append(Node(kind: .element, tag: tag, text: "", parent: parent, children: [],
                                  classAndID: classAndID, attributes: attributes))
                if parent >= 0 { nodes[parent].children.append(index) }
                children.removeAll(keepingCapacity: true)
                var child = node.children
                while let c = child { children.append(c); child = c.pointee.next }
                for c in children.reversed() { stack.append((c, index)) }
            default:
                continue
            }
        }
    }

    /// `hidden`, `aria-hidden="true"` or an inline `display:none` hide a subtree from readers.
    static func isHidden(_ attributes: [String: String]) -> Bool {
        if attributes["hidden"] != nil { return true }
        if attributes["aria-hidden"]?.lowercased() == "true" { return true }
        if let style = attributes["style"] {
            let compact = style.lowercased().filter { $0 != " " }
            if HTMLText.contains(compact, "display:none") || HTMLText.contains(compact, "visibility:hidden") { return true }
        }
        return false
    }

    private mutating func readHead(_ head: xmlNodePtr) {
        var child = head.pointee.children
        while let c = child {
            if c.pointee.type == XML_ELEMENT_NODE, let name = c.pointee.name {
                let tag = String(cString: name).lowercased()
                if tag == "title", title == nil { title = Self.textContent(c) }
                if tag == "meta" { readMeta(c) }
                if tag == "link", canonical == nil { readLink(c) }
            }
            child = c.pointee.next
        }
    }

    private mutating func readMeta(_ meta: xmlNodePtr) {
        var name: String?
        var content: String?
        for (key, value) in Self.attributes(of: meta) {
            switch key {
            case "name", "property", "http-equiv", "itemprop": name = value.lowercased()
            case "content": content = value
            default: break
            }
        }
        if let name, let content { metas.append((name, content)) }
    }

    private mutating func readLink(_ link: xmlNodePtr) {
        let attributes = Self.attributes(of: link)
        guard attributes.first(where: { $0.name == "rel" })?.value.lowercased() == "canonical",
              let href = attributes.first(where: { $0.name == "href" })?.value.trimmingCharacters(in: .whitespaces),
              !href.isEmpty else { return }
        canonical = href
    }

    /// An element's attributes in order, names lowercased.
    private static func attributes(of node: xmlNodePtr) -> [(name: String, value: String)] {
        var result: [(name: String, value: String)] = []
        var attribute = node.pointee.properties
        while let a = attribute {
            result.append((a.pointee.name.map { String(cString: $0).lowercased() } ?? "",
                           a.pointee.children?.pointee.content.map { String(cString: $0) } ?? ""))
            attribute = a.pointee.next
        }
        return result
    }

    private static func textContent(_ node: xmlNodePtr) -> String? {
        guard let raw = xmlNodeGetContent(node) else { return nil }
        defer { nianbao_xml_free(raw) }
        let text = HTMLText.collapse(String(cString: raw))
        return text.isEmpty ? nil : text
    }
}
