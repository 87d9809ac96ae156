import NianbaoModel

/// The cleaning step for the script a document is printed in: gives every block with a traditional
/// character its simplified `matchText`, and records the document's script. `text` keeps the characters
/// as printed. (Converter residue is removed earlier, from the lines: `PinyinResidue`.)
public struct ScriptNormaliser: Sendable {
    /// A document is traditional when at least this share of its Han characters convert; a simplified
    /// text with a few traditional lines (a site's menu) stays simplified.
    static let traditionalShare = 0.05

    let converter: Result<ScriptConverter, ScriptConversionError>

    public init(converter: Result<ScriptConverter, ScriptConversionError> = ScriptConverter.traditionalToSimplified) {
        self.converter = converter
    }

    public func normalise(_ document: inout CleanDocument) {
        do {
            let converter = try converter.get()
            var tally = ConversionTally()
            try addMatchText(to: &document.blocks, with: converter, tally: &tally)
            try addMatchText(to: &document.footnotes, with: converter, tally: &tally)
            document.script = tally.script(threshold: Self.traditionalShare)
        } catch {
            document.script = nil
            document.source.warnings.append("traditional script not converted for matching: \(error)")
        }
    }

    func addMatchText(to blocks: inout [Block], with converter: ScriptConverter,
                      tally: inout ConversionTally) throws(ScriptConversionError) {
        // Looking for the characters OpenCC may change is per block, so a long document's blocks are looked
        // at on all cores (the converter itself serialises its calls).
        let converted = blocks.map(\.text).parallelMap { text in
            Result { () throws(ScriptConversionError) -> String in try converter.simplified(text) }
        }
        for i in blocks.indices {
            let simplified = try converted[i].get()
            tally.count(original: blocks[i].text, simplified: simplified)
            blocks[i].matchText = simplified == blocks[i].text ? nil : simplified
        }
    }
}

/// How many Han characters a document has and how many of them conversion changed.
struct ConversionTally {
    var han = 0
    var converted = 0

    mutating func count(original: String, simplified: String) {
        // Most blocks are not converted at all: their Han characters are counted on scalars.
        if original.utf8.elementsEqual(simplified.utf8) {
            han += Self.hanCharacters(in: original)
            return
        }
        for (before, after) in zip(original, simplified) where before.isHan {
            han += 1
            if before != after { converted += 1 }
        }
    }

    /// Characters whose first scalar is Han. A Han scalar starts a Character unless a Prepend scalar precedes
    /// it (Arabic number signs, a few Brahmic scripts), so text holding one of those is walked by Character.
    static func hanCharacters(in text: String) -> Int {
        var count = 0
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x0600...0x08FF, 0x0D4E, 0x11000...0x11FFF: return text.count(where: \.isHan)
            default: if scalar.isHan { count += 1 }
            }
        }
        return count
    }

    func script(threshold: Double) -> Script {
        han > 0 && Double(converted) / Double(han) >= threshold ? .traditional : .simplified
    }
}
