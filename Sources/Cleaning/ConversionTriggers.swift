import COpenCCKeys

/// The scalars a text must hold for an OpenCC conversion to change it; a text with none of them converts
/// to itself, so it need not be given to OpenCC (most blocks of a simplified report).
///
/// OpenCC changes a text only where a dictionary key matches whose value differs from it, and such a key
/// matches only in a text holding all its scalars. So the set is exact when every changing key has at least
/// one scalar in it: a one-scalar key is in it itself; a phrase whose scalars do not change alone
/// (`瞭解` → `了解`, `反覆` → `反复`, `沈默` → `沉默`) through one of its scalars. That one is chosen so that
/// plain simplified text rarely holds it: a character the dictionaries list with other readings (`覆`: 覆
/// or 复) before any other (`反`), then the one covering the most such phrases (`沈` of `沈默` and `沈船`).
struct ConversionTriggers: Sendable {
    private var bits = [UInt64](repeating: 0, count: 0x11_0000 / 64)

    /// The triggers of an OpenCC configuration's dictionaries; nil when they cannot be listed.
    init?(configuration: String) {
        var length = 0
        guard let keys = nianbao_opencc_keys(configuration, &length) else { return nil }
        defer { nianbao_opencc_keys_free(keys) }
        let lines = String(decoding: UnsafeRawBufferPointer(start: keys, count: length), as: UTF8.self)
            .split(separator: "\n")
        self.init(changingKeys: lines.filter { $0.first == ">" }.map { String($0.dropFirst()) },
                  unchangedCharacters: Set(lines.filter { $0.first == "=" }.compactMap { $0.unicodeScalars.dropFirst().first }))
    }

    /// `changingKeys`: the keys whose value differs; `unchangedCharacters`: one-scalar keys that stay.
    init(changingKeys: [String], unchangedCharacters: Set<Unicode.Scalar>) {
        var phrases: [[Unicode.Scalar]] = []
        for key in changingKeys {
            let scalars = Array(key.unicodeScalars)
            if scalars.count == 1 { insert(scalars[0]) } else if !scalars.isEmpty { phrases.append(scalars) }
        }
        var uncovered = phrases.filter { !$0.contains(where: contains) }
        while let phrase = uncovered.first {
            let pick = phrase.min { a, b in
                let (listedA, listedB) = (unchangedCharacters.contains(a), unchangedCharacters.contains(b))
                if listedA != listedB { return listedA }
                let (coversA, coversB) = (uncovered.count { $0.contains(a) }, uncovered.count { $0.contains(b) })
                if coversA != coversB { return coversA > coversB }
                return a.value < b.value
            }!
            insert(pick)
            uncovered.removeAll { $0.contains(pick) }
        }
    }

    private mutating func insert(_ scalar: Unicode.Scalar) {
        bits[Int(scalar.value >> 6)] |= 1 << UInt64(scalar.value & 63)
    }

    func contains(_ scalar: Unicode.Scalar) -> Bool {
        bits[Int(scalar.value >> 6)] & (1 << UInt64(scalar.value & 63)) != 0
    }

    /// Whether converting `text` can change it.
    func occur(in text: String) -> Bool {
        text.unicodeScalars.contains(where: contains)
    }
}
