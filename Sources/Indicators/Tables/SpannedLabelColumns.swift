import NianbaoModel

/// A table whose label header spans two columns (`<th colspan="2">类别</th>`, read as `类别 | 类别`) over a group
/// label and its parts (`中等职业学校` spanning `合计 | 公办 | 民办` rows): read as one label column, the group's
/// total row named by the group, each part a `其中` row under it (what the category reading knows), a row whose
/// label spans both columns (`普通高中 | 普通高中`) as it is.
extension ExtractionRun {
    func mergingSpannedLabelColumns(_ table: TableData) -> TableData {
        guard let header = table.rows.first, header.count >= 3, !header[0].isEmpty, header[0] == header[1] else { return table }
        let body = table.rows.dropFirst().filter { $0.dropFirst(2).contains(where: Self.isPlainNumber) }
        guard !body.isEmpty, body.allSatisfy({ $0.count >= 3 && !$0[1].isEmpty && !Self.isPlainNumber($0[1]) }) else { return table }
        var merged = table
        merged.rows = table.rows.map { row in
            guard row.count >= 2 else { return row }
            let group = row[0], part = row[1]
            let label: String
            if group == part || !row.dropFirst(2).contains(where: Self.isPlainNumber) {
                label = group
            } else if rules.tableWords.totalLabels.contains(Self.withoutSpaces(part)) {
                label = group
            } else {
                label = Self.partMark + part
            }
            return [label] + row.dropFirst(2)
        }
        merged.cellLocations = table.cellLocations.map { rows in rows.map { $0.count >= 2 ? [$0[0]] + $0.dropFirst(2) : $0 } }
        return merged
    }

    /// How a part row is marked (`TableLabel` reads it).
    static let partMark = "其中："
}
