import Numbers

extension NumberParser {
    /// The numbers of a Character range of analysed text, offsets relative to the range's start: the same
    /// as `parse(text.text(range))`, without building and re-splitting a String when every Character is
    /// one scalar.
    func parse(_ text: AnalysedText, range: Range<Int>) -> [ParsedNumber] {
        guard text.isSimple else { return parse(text.text(range)) }
        return parse(scalars: text.scalars, range: range)
    }
}
