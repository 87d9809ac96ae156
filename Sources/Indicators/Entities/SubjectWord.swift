/// A word that names the document's own subject, or the subject's ancestor of a level: `全区` in a district
/// report is the district, `全市` there is its city, `我校` in a school report is the school.
public struct SubjectWord: Sendable, Hashable {
    public enum Level: String, Sendable, Hashable, CaseIterable {
        /// The subject whatever it is (`两校`, `各中职校` in a report about their region).
        case subject
        case school, county, prefecture, province, country
    }
    public var word: String
    public var level: Level
    /// A word pointing back to the last school or region of its level the text named (`该区`, `该校`): that
    /// one, else what the subject word of the level names.
    public var pointsBack = false
}
