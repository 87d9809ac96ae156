import Foundation

/// The rules the project ships (`rules/*.yaml` and `rules/*.tsv` when the binary was built), embedded by the EmbedRules
/// build plugin.
public enum ShippedRules {
    /// A digest of the reading stages' sources this binary was built from (`Plugins/EmbedRules`): part of the
    /// processing version, so a store re-reads its documents after a reader, the cleaning or the segmentation
    /// changed, without anyone raising a version by hand.
    public static var readingDigest: String { readingSourceDigest }
    /// A digest of the indicator stage's sources: part of the rules' digest, so a store extracts its values
    /// again after the extraction code changed.
    public static var extractionDigest: String { extractionSourceDigest }

    /// File name and text of each rule file, by name.
    public static var files: [(name: String, text: String)] {
        shippedRuleFiles.map { file in
            (file.name, String(decoding: Data(base64Encoded: file.base64) ?? Data(), as: UTF8.self))
        }
    }
}

#if WITHOUT_SHIPPED_RULES
/// Built without the rules (the fuzz build): `--rules DIR` is then required.
let shippedRuleFiles: [(name: String, base64: String)] = []
let readingSourceDigest = "unknown"
let extractionSourceDigest = "unknown"
#endif
