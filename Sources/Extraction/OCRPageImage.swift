import Foundation

/// How a scanned page is rendered and recognised, chosen by measuring character accuracy on scans of the
/// real reports (`OCRAccuracyTests`): 300 dpi with a light smoothing beat 200 and 400 dpi, and `chi_sim`
/// alone beat `chi_sim+eng`, whose English model takes over noisy Chinese lines (0.37 against 0.81 on the
/// same page); `chi_sim` still reads digits and Latin words. Automatic page segmentation (tesseract's
/// default) beat a single uniform block (`--psm 6`). The PGM handed to tesseract carries no resolution,
/// so it is stated: without it tesseract assumes 70 dpi and its layout analysis keeps noise as text.
enum OCRSettings {
    static let dpi = 300
    static let tesseractArguments = ["-l", "chi_sim", "--dpi", "\(dpi)"]
}

struct OCRImageError: Error, CustomStringConvertible {
    var reason: String
    var description: String { reason }
}

/// An 8-bit greyscale page as `pdftoppm -gray` writes it (binary PGM), smoothed before recognition:
/// scanner noise and JPEG artefacts break tesseract's binarisation into speckles and broken strokes, and
/// a small Gaussian (σ ≈ 1 pixel at 300 dpi, narrower than a stroke) removes them without merging strokes.
struct OCRPageImage {
    let width: Int
    let height: Int
    var pixels: [UInt8]

    init(width: Int, height: Int, pixels: [UInt8]) {
        self.width = width
        self.height = height
        self.pixels = pixels
    }

    init(pgm data: Data) throws(OCRImageError) {
        var reader = PGMHeaderReader(bytes: [UInt8](data))
        guard reader.magic() == "P5" else { throw OCRImageError(reason: "the rendered page is not a binary PGM") }
        guard let width = reader.number(), let height = reader.number(), let maxValue = reader.number(),
              width > 0, height > 0, maxValue == 255 else {
            throw OCRImageError(reason: "the rendered page has an unreadable PGM header")
        }
        let start = reader.position + 1
        guard reader.bytes.count >= start + width * height else {
            throw OCRImageError(reason: "the rendered page is truncated")
        }
        self.init(width: width, height: height, pixels: Array(reader.bytes[start..<(start + width * height)]))
    }

    func pgmData() -> Data {
        var data = Data("P5\n\(width) \(height)\n255\n".utf8)
        data.append(contentsOf: pixels)
        return data
    }

    /// Smooths with the binomial kernel 1 4 6 4 1 (a Gaussian of σ = 1) across rows, then down columns.
    func smoothed() -> OCRPageImage {
        var horizontal = [UInt8](repeating: 0, count: pixels.count)
        var vertical = [UInt8](repeating: 0, count: pixels.count)
        pixels.withUnsafeBufferPointer { source in
            horizontal.withUnsafeMutableBufferPointer { target in
                Self.binomialPass(source, target, count: width, lines: height, step: 1, lineStride: width)
            }
        }
        horizontal.withUnsafeBufferPointer { source in
            vertical.withUnsafeMutableBufferPointer { target in
                Self.binomialPass(source, target, count: height, lines: width, step: width, lineStride: 1)
            }
        }
        return OCRPageImage(width: width, height: height, pixels: vertical)
    }

    /// One 1-D pass over `lines` runs of `count` pixels `step` apart; edges repeat the border pixel.
    private static func binomialPass(_ source: UnsafeBufferPointer<UInt8>, _ target: UnsafeMutableBufferPointer<UInt8>,
                                     count: Int, lines: Int, step: Int, lineStride: Int) {
        let last = count - 1
        for line in 0..<lines {
            let base = line * lineStride
            func clamped(_ k: Int) -> Int { Int(source[base + min(max(k, 0), last) * step]) }
            for i in 0..<count {
                let sum: Int
                if i >= 2 && i + 2 <= last {
                    let p = base + i * step
                    sum = Int(source[p - 2 * step]) + 4 * Int(source[p - step]) + 6 * Int(source[p])
                        + 4 * Int(source[p + step]) + Int(source[p + 2 * step])
                } else {
                    sum = clamped(i - 2) + 4 * clamped(i - 1) + 6 * clamped(i) + 4 * clamped(i + 1) + clamped(i + 2)
                }
                target[base + i * step] = UInt8((sum + 8) >> 4)
            }
        }
    }

    /// Reads the PGM at `path`, writes its smoothed copy beside it and returns the copy's path.
    static func smoothedCopy(of path: String) throws(OCRImageError) -> String {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw OCRImageError(reason: "the rendered page could not be read: \(error)")
        }
        let output = path.replacingOccurrences(of: ".pgm", with: "") + "-smoothed.pgm"
        do { try OCRPageImage(pgm: data).smoothed().pgmData().write(to: URL(fileURLWithPath: output)) } catch let error as OCRImageError {
            throw error
        } catch {
            throw OCRImageError(reason: "the smoothed page could not be written: \(error)")
        }
        return output
    }
}

/// The header of a PGM file: whitespace-separated fields, `#` comments to the end of a line.
private struct PGMHeaderReader {
    let bytes: [UInt8]
    var position = 0

    init(bytes: [UInt8]) { self.bytes = bytes }

    mutating func magic() -> String? {
        guard bytes.count >= 2 else { return nil }
        position = 2
        return String(decoding: bytes[0..<2], as: UTF8.self)
    }

    /// The next decimal field; `position` is left on the single whitespace byte after it.
    mutating func number() -> Int? {
        skipSpaceAndComments()
        var value = 0
        var digits = 0
        while position < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[position]) {
            value = value * 10 + Int(bytes[position] - UInt8(ascii: "0"))
            digits += 1
            position += 1
        }
        return digits > 0 && position < bytes.count ? value : nil
    }

    private mutating func skipSpaceAndComments() {
        while position < bytes.count {
            if bytes[position] == UInt8(ascii: "#") {
                while position < bytes.count, bytes[position] != UInt8(ascii: "\n") { position += 1 }
            } else if [9, 10, 13, 32].contains(bytes[position]) {
                position += 1
            } else {
                return
            }
        }
    }
}
