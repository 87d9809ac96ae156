import Numbers

extension NumberParser {
    /// The numbers of a Character range of analysed text, offsets relative to the range's start: the same
    /// as `quantities(in: text.text(range))`, without building and re-splitting a String when every
    /// Character is one scalar.
    func parse(_ text: AnalysedText, range: Range<Int>) -> [ParsedNumber] {
        guard text.isSimple else { return quantities(in: text.text(range)) }
        return parse(scalars: text.scalars, range: range).filter { $0.unit != NumberParser.ordinalUnit }
    }

    /// The numbers of a line that can be indicator values: ordinals (第一, 第2章) are positions.
    func quantities(in line: String) -> [ParsedNumber] {
        parse(line).filter { $0.unit != NumberParser.ordinalUnit }
    }
}
