/// Puts a line of OCR output into the typography of Chinese text: tesseract separates CJK characters
/// with spaces and reads full-width punctuation as its ASCII look-alike (`，` → `,`, `：` → ` : `), and a
/// scanned `。` often as a lone `*`. Only punctuation that touches a CJK character is changed, so numbers
/// (`1,234`, `2.1`, `12:30`) and Latin text keep theirs.
enum OCRTextNormaliser {
    /// ASCII punctuation → its full-width form, when it stands next to CJK text.
    static let fullWidth: [Character: Character] = [
        ",": "，", ";": "；", ":": "：", "!": "！", "?": "？", ".": "。", "*": "。",
    ]

    static func normalise(_ line: String) -> String {
        let tokens = Array(line.trimmingSpaces())
        var output: [Character] = []
        output.reserveCapacity(tokens.count)
        for (index, character) in tokens.enumerated() {
            if character == " " {
                if let last = output.last, last.isCJKText, let next = nextVisible(tokens, after: index), next.isCJKText {
                    continue
                }
                if output.last == " " { continue }
                output.append(character)
                continue
            }
            if let wide = fullWidth[character], let last = lastVisible(output), last.isCJKText,
               nextVisible(tokens, after: index).map({ $0.isCJKText || !$0.isASCIIWordCharacter }) ?? true {
                while output.last == " " { output.removeLast() }
                output.append(wide)
                continue
            }
            output.append(character)
        }
        return String(output).trimmingSpaces()
    }

    static func lastVisible(_ characters: [Character]) -> Character? { characters.last { $0 != " " } }

    static func nextVisible(_ characters: [Character], after index: Int) -> Character? {
        characters[(index + 1)...].first { $0 != " " }
    }
}

extension Character {
    /// A CJK ideograph or CJK punctuation (full-width forms, `，。、：；“”（）《》` …).
    fileprivate var isCJKText: Bool {
        guard let value = unicodeScalars.first?.value else { return false }
        switch value {
        case 0x3001...0x303F, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0xFF01...0xFF60, 0x2018...0x201D:
            return true
        default:
            return false
        }
    }

    fileprivate var isASCIIWordCharacter: Bool { isASCII && (isLetter || isNumber) }
}

extension String {
    fileprivate func trimmingSpaces() -> String {
        var slice = Substring(self)
        while slice.first?.isWhitespace == true { slice.removeFirst() }
        while slice.last?.isWhitespace == true { slice.removeLast() }
        return String(slice)
    }
}
