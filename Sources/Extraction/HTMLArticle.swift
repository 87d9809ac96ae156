import Foundation

/// Finds the article inside a page: the smallest container holding most of the page's prose, and the parts
/// inside it that are site furniture (navigation, share bars, related links) rather than article.
///
/// "Prose" is text that is neither link text nor inside a block whose tag or class/id names it furniture;
/// navigation, menus and related-link lists are almost all link text, so they weigh nothing whatever the
/// site's markup looks like. Class/id hints (article, content, 正文 / nav, footer, share) only break ties.
struct HTMLArticle {
    let dom: HTMLDOM
    /// Visible characters in each node's subtree.
    private(set) var chars: [Int]
    /// Visible characters inside links in each subtree.
    private(set) var linkChars: [Int]
    /// Non-link characters outside furniture blocks: what the root search weighs.
    private(set) var prose: [Int]
    /// Elements that are site furniture by tag or class/id.
    private(set) var isFurniture: [Bool]

    /// Tags that are furniture whatever their class says.
    static let furnitureTags: Set<String> = ["nav", "aside", "footer", "menu"]
    /// Class/id fragments that mark furniture wherever they occur in a name.
    static let furnitureFragments = ["nav", "menu", "footer", "sidebar", "crumb", "share", "related", "relate",
                                     "comment", "banner", "copyright", "login", "search", "toolbar", "weixin",
                                     "wechat", "qrcode", "advert", "pager", "pagination", "daohang", "dibu",
                                     "mianbao", "fenxiang", "xiangguan"]
    /// Class/id words that mark furniture only as a whole word (they are fragments of innocent names too).
    static let furnitureWords: Set<String> = ["top", "head", "header", "side", "ad", "ads", "tools", "tool",
                                              "links", "link", "friend", "foot", "bottom", "location", "position",
                                              "print", "close", "font", "fontsize", "info", "meta", "source",
                                              "prev", "next"]
    /// Class/id fragments that mark the article body.
    static let articleFragments = ["article", "content", "cont", "zoom", "detail", "text", "post", "entry",
                                   "editor", "body", "正文", "main", "story", "neirong", "wenzhang", "zhengwen"]
    /// Containers the root search may step into; it never enters a paragraph, heading, list or data table.
    static let descendableTags: Set<String> = ["body", "div", "section", "article", "main", "td", "th", "tbody",
                                               "thead", "tr", "center", "font", "span", "form", "blockquote", "dd",
                                               "table", "html", "big", "small"]

    init(dom: HTMLDOM) {
        self.dom = dom
        let n = dom.nodes.count
        chars = Array(repeating: 0, count: n)
        linkChars = Array(repeating: 0, count: n)
        prose = Array(repeating: 0, count: n)
        isFurniture = Array(repeating: false, count: n)
        // Nodes are in document order, so children come after their parent: one backward pass sums subtrees.
        var nonLink = Array(repeating: 0, count: n)
        for i in stride(from: n - 1, through: 0, by: -1) {
            let node = dom.nodes[i]
            if node.kind == .text {
                chars[i] = HTMLText.visibleCount(node.text)
            } else if node.tag == "a" {
                linkChars[i] = chars[i]
            } else if node.tag == "img", let alt = node.attributes["alt"], Self.isCaption(alt) {
                chars[i] = HTMLText.visibleCount(alt)
            }
            nonLink[i] = chars[i] - linkChars[i]
            if node.parent >= 0 {
                chars[node.parent] += chars[i]
                linkChars[node.parent] += linkChars[i]
            }
        }
        // Furniture is decided against the whole page: a "nav"-named wrapper holding most prose is not furniture.
        let pageProse = max(1, nonLink[dom.body])
        var holdsTitle = Array(repeating: false, count: n)
        for i in stride(from: n - 1, through: 0, by: -1) {
            let node = dom.nodes[i]
            if node.kind == .text {
                prose[i] = chars[i]
            } else if node.tag == "a" {
                prose[i] = 0
            } else if node.tag == "img" {
                prose[i] = chars[i]
            }
            if node.kind == .element, node.tag == "h1", chars[i] > 0, linkChars[i] * 2 < chars[i] { holdsTitle[i] = true }
            if node.parent >= 0, holdsTitle[i] { holdsTitle[node.parent] = true }
            // A <header> holding the article's own <h1> is the article's header, not the site's.
            let siteHeader = node.tag == "header" && !holdsTitle[i]
            if node.kind == .element, siteHeader || (node.tag != "header" && Self.namesFurniture(node)),
               nonLink[i] * 2 < pageProse {
                isFurniture[i] = true
                prose[i] = 0
            }
            if node.parent >= 0 { prose[node.parent] += prose[i] }
        }
    }

    static func namesFurniture(_ node: HTMLDOM.Node) -> Bool {
        if furnitureTags.contains(node.tag) { return true }
        if node.attributes["role"].map({ ["navigation", "banner", "contentinfo", "complementary"].contains($0.lowercased()) }) == true {
            return true
        }
        let names = node.classAndID
        if names.isEmpty { return false }
        if articleFragments.contains(where: { HTMLText.contains(names, $0) }) && !furnitureFragments.contains(where: { HTMLText.contains(names, $0) }) {
            return false
        }
        if furnitureFragments.contains(where: { HTMLText.contains(names, $0) }) { return true }
        var word = ""
        for ch in names + " " {
            if ch.isLetter || ch.isNumber { word.append(ch) } else {
                if !word.isEmpty, furnitureWords.contains(word) { return true }
                word = ""
            }
        }
        return false
    }

    static func namesArticle(_ node: HTMLDOM.Node) -> Bool {
        let names = node.classAndID
        return !names.isEmpty && articleFragments.contains(where: { HTMLText.contains(names, $0) })
            && !furnitureFragments.contains(where: { HTMLText.contains(names, $0) })
    }

    /// `图1 …`, `表 2 …`, `Figure 3` — image alt texts that are captions, not logos or decoration.
    static func isCaption(_ text: String) -> Bool {
        let t = HTMLText.collapse(text)
        var scalars = t.unicodeScalars.makeIterator()
        guard let first = scalars.next() else { return false }
        let rest: String
        if first == "图" || first == "表" {
            rest = String(t.unicodeScalars.dropFirst())
        } else if t.lowercased().hasPrefix("figure") || t.lowercased().hasPrefix("fig.") {
            rest = String(t.unicodeScalars.drop(while: { $0 != " " && !("0"..."9").contains($0) }))
        } else {
            return false
        }
        guard let c = rest.unicodeScalars.first(where: { $0 != " " }) else { return false }
        return ("0"..."9").contains(c) || "一二三四五六七八九十".unicodeScalars.contains(c)
    }

    /// The article root: from `<body>`, step into the child holding most of the prose while one does.
    func articleRoot() -> Int {
        var node = dom.body
        while true {
            let total = prose[node]
            guard total > 0 else { return node }
            var best = -1
            for child in dom.nodes[node].children where dom.nodes[child].kind == .element && !isFurniture[child] {
                if best < 0 || prose[child] > prose[best] { best = child }
            }
            guard best >= 0 else { return node }
            let candidate = dom.nodes[best]
            guard Self.descendableTags.contains(candidate.tag) else { return node }
            if candidate.tag == "table", !isLayoutTable(best) { return node }
            let share = Double(prose[best]) / Double(total)
            if share >= 0.75 || (share >= 0.5 && Self.namesArticle(candidate)) {
                node = best
            } else {
                return node
            }
        }
    }

    /// The page's `<h1>` title when it sits just outside the article root (a common layout: title, a date line,
    /// then the content box), so the output still starts with it.
    func titleOutside(root: Int) -> Int? {
        if containsTag(root, "h1") { return nil }
        var ancestor = dom.nodes[root].parent
        var levels = 0
        while ancestor >= 0, levels < 4 {
            if isFurniture[ancestor] { return nil }
            var found: Int?
            forEachElement(in: ancestor) { i in
                guard i < root else { return false }
                if isFurniture[i] { return false }
                if dom.nodes[i].tag == "h1", chars[i] > 0, linkChars[i] * 2 < chars[i] { found = i }
                return true
            }
            if let found { return found }
            ancestor = dom.nodes[ancestor].parent
            levels += 1
        }
        return nil
    }

    func containsTag(_ root: Int, _ tag: String) -> Bool {
        var found = false
        forEachElement(in: root) { i in
            if dom.nodes[i].tag == tag { found = true }
            return !found
        }
        return found
    }

    /// Visits the elements below `root` in document order; `visit` returns false to skip a subtree.
    func forEachElement(in root: Int, _ visit: (Int) -> Bool) {
        var stack = Array(dom.nodes[root].children.reversed())
        while let i = stack.popLast() {
            guard dom.nodes[i].kind == .element, visit(i) else { continue }
            stack.append(contentsOf: dom.nodes[i].children.reversed())
        }
    }

    /// A table used for page layout rather than data: it nests tables, has a single column or cell, holds
    /// headings, or has a cell longer than any data cell would be.
    func isLayoutTable(_ table: Int) -> Bool {
        if dom.nodes[table].attributes["role"]?.lowercased() == "presentation" { return true }
        var layout = false
        var maxColumns = 0
        var cellCount = 0
        forEachElement(in: table) { i in
            let tag = dom.nodes[i].tag
            switch tag {
            case "table":
                layout = true
            case "tr":
                var columns = 0
                for c in dom.nodes[i].children where dom.nodes[c].tag == "td" || dom.nodes[c].tag == "th" {
                    columns += Int(dom.nodes[c].attributes["colspan"].flatMap { Int($0) } ?? 1)
                    cellCount += 1
                    if chars[c] > 1000 { layout = true }
                }
                maxColumns = max(maxColumns, columns)
            case "h1", "h2", "h3", "h4", "h5", "h6":
                layout = true
            default:
                break
            }
            return !layout
        }
        return layout || maxColumns <= 1 || cellCount <= 1
    }
}
