import Foundation

/// The rules the project ships (`rules/*.yaml` and `rules/*.tsv` when the binary was built), embedded by the EmbedRules
/// build plugin.
public enum ShippedRules {
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
#endif
