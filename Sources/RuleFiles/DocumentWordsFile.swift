import Foundation
import NianbaoModel
import ShippedRules

extension DocumentWords {
    /// The file of the words of document layout.
    public static let fileName = "documents.yaml"

    /// The words of the `documents.yaml` built into nianbao (none in a build without rules: `--rules` then
    /// gives them, and an import checks they load).
    public static let shipped: DocumentWords = {
        guard let file = ShippedRules.files.first(where: { $0.name == fileName }),
              let words = try? parse(text: file.text) else { return DocumentWords() }
        return words
    }()

    /// Loads and checks `documents.yaml` from a rules folder.
    public static func load(directory: URL) throws(RuleError) -> DocumentWords {
        try parse(RuleFile.open(directory.appendingPathComponent(fileName)))
    }

    /// The same from the file's text (the rules built into nianbao).
    public static func parse(text: String) throws(RuleError) -> DocumentWords {
        try parse(RuleFile.parse(text, name: fileName))
    }

    private static let keys: Set<String> = [
        "title_words", "issuer_suffixes", "date_labels", "contents_titles", "closing_words", "named_parts",
        "note_openers", "page_number_forms", "page_info_markers", "page_info_hints", "table_caption_openers",
        "heading_labels", "table_headers", "title_topic_words", "report_names", "issuer_line_endings",
        "heading_numbers", "title_regions",
    ]
    private static let headingNumberKeys: Set<String> = ["quantity_followers", "glued_quantity_followers"]
    private static let titleRegionKeys: Set<String> = ["inner_suffixes", "whole_suffixes", "city_endings", "bare_name_suffix"]
    private static let tableHeaderKeys: Set<String> = [
        "name_endings", "money_endings", "area_words", "area_units", "money_units", "part_markers",
    ]
    private static let headingLabelKeys: Set<String> = [
        "cases", "appendices", "appendix_tables", "tables", "figures", "part_units", "section_units", "ordinal_markers",
    ]

    private static func parse(_ file: RuleFile) throws(RuleError) -> DocumentWords {
        let map = try file.mapping(file.root, allowed: keys)
        func list(_ key: String) throws(RuleError) -> [String] {
            guard let node = map[key] else { throw file.error(file.root, "“\(key)” is missing") }
            let words = try file.strings(node)
            guard !words.isEmpty, !words.contains(where: \.isEmpty) else { throw file.error(node, "“\(key)” needs words, none empty") }
            return words
        }
        var words = DocumentWords(
            titleWords: try list("title_words"), issuerSuffixes: try list("issuer_suffixes"),
            dateLabels: try list("date_labels"), contentsTitles: Set(try list("contents_titles")),
            closingWords: try list("closing_words"), namedParts: Set(try list("named_parts")),
            noteOpeners: try list("note_openers"), pageNumberForms: Set(try list("page_number_forms")),
            pageInfoMarkers: try list("page_info_markers"), pageInfoHints: try list("page_info_hints"),
            tableCaptionOpeners: try list("table_caption_openers"))
        // A section of named word lists (`heading_labels`, `table_headers`): each list required, words non-empty.
        // Lists in `characterKeys` hold single characters.
        func section(_ name: String, keys: Set<String>, characterKeys: Set<String> = []) throws(RuleError)
            -> (String) throws(RuleError) -> [String] {
            guard let node = map[name] else { throw file.error(file.root, "“\(name)” is missing") }
            let lists = try file.mapping(node, allowed: keys)
            return { key throws(RuleError) in
                guard let list = lists[key] else { throw file.error(node, "“\(name).\(key)” is missing") }
                let words = try file.strings(list)
                guard !words.isEmpty, !words.contains(where: \.isEmpty) else {
                    throw file.error(list, "“\(name).\(key)” needs words, none empty")
                }
                guard !characterKeys.contains(key) || words.allSatisfy({ $0.count == 1 }) else {
                    throw file.error(list, "“\(name).\(key)” lists single characters")
                }
                return words
            }
        }
        let labels = try section("heading_labels", keys: headingLabelKeys)
        words.headingLabels = HeadingLabels(
            cases: try labels("cases"), appendices: try labels("appendices"), appendixTables: try labels("appendix_tables"),
            tables: try labels("tables"), figures: try labels("figures"), partUnits: try labels("part_units"),
            sectionUnits: try labels("section_units"), ordinalMarkers: try labels("ordinal_markers"))
        words.titleTopicWords = try list("title_topic_words")
        words.reportNames = try list("report_names")
        words.issuerLineEndings = try list("issuer_line_endings")
        let headerWords = try section("table_headers", keys: tableHeaderKeys, characterKeys: ["name_endings", "money_endings"])
        func characters(_ key: String) throws(RuleError) -> Set<Character> { Set(try headerWords(key).compactMap(\.first)) }
        words.tableHeaders = TableHeaderWords(
            nameEndings: try characters("name_endings"), moneyEndings: try characters("money_endings"),
            areaWords: try headerWords("area_words"), areaUnits: try headerWords("area_units"),
            moneyUnits: try headerWords("money_units"), partMarkers: try headerWords("part_markers"))
        let numbers = try section("heading_numbers", keys: headingNumberKeys,
                                  characterKeys: ["quantity_followers", "glued_quantity_followers"])
        words.headingNumbers = HeadingNumberWords(
            quantityFollowers: Set(try numbers("quantity_followers").compactMap(\.first)),
            gluedQuantityFollowers: Set(try numbers("glued_quantity_followers").compactMap(\.first)))
        let regions = try section("title_regions", keys: titleRegionKeys)
        let bareNameSuffix = try regions("bare_name_suffix")
        guard bareNameSuffix.count == 1, let bare = bareNameSuffix.first else {
            throw file.error(map["title_regions"]!, "“title_regions.bare_name_suffix” is one word")
        }
        words.titleRegions = TitleRegionWords(
            innerSuffixes: try regions("inner_suffixes"), wholeSuffixes: try regions("whole_suffixes"),
            cityEndings: try regions("city_endings"), bareNameSuffix: bare)
        for form in words.pageNumberForms.sorted() where !form.contains("#") || form != form.lowercased() || form.contains(" ") {
            throw file.error(map["page_number_forms"]!, "page number form “\(form)” needs a # for its digits, no spaces, lower case")
        }
        return words
    }
}
