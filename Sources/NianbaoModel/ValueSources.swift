import Foundation

/// How much a value's `entity_source` and `year_source` say. A value's entity and year are either read
/// from text that covers it — its sentence or clause, its paragraph, its section's title, its table's caption,
/// header or row, a subject word (`全区`, `我校`), a relative reference (`上年`, `较 2015 年的…`), or the document's
/// own statement of whom and which year it is about (its cover, title or first lines; a plan's named period) —
/// or guessed when nothing covering it says so. The guesses are the fallbacks below; a check joins values
/// from different places only when none of them came by a fallback (see `Checks`' pairing rule).
public enum ValueSources {
    /// Entity sources that are a guess: the document's subject when the document never names it but its
    /// issuer or the name its body repeats most suggests it (`inferred_subject`), and the region of the school
    /// a document is about given to a region-wide figure its sentence does not place (`subject_school_region`).
    public static let fallbackEntitySources: Set<String> = ["inferred_subject", "subject_school_region"]

    /// Year sources that are a guess: the document's year taken from its publication date (`published`, the year
    /// before for a statistics page: `published_statistics`) or
    /// from the year its body names most (`body_years`), a year guessed as the one after a compared year
    /// (`after_compared_year`: `与 2017 年相比…` in a paragraph naming no later year), and a document year of
    /// unrecorded origin (`document`, `none`).
    public static let fallbackYearSources: Set<String> = ["published", "published_statistics", "body_years",
                                                          "table_captions", "after_compared_year", "document", "none"]

    /// Whether an entity came only by fallback. An unresolved entity (`unresolved: …`) counts as one; a value
    /// without a recorded source (files of older runs or other tools) does not: nothing says it was guessed.
    public static func isFallback(entitySource source: String?) -> Bool {
        guard let source else { return false }
        return source.hasPrefix("unresolved") || fallbackEntitySources.contains(source)
    }

    /// Whether a year came only by fallback (as `isFallback(entitySource:)`).
    public static func isFallback(yearSource source: String?) -> Bool {
        guard let source else { return false }
        return source.hasPrefix("unresolved") || fallbackYearSources.contains(source)
    }
}
