import Foundation
import CXlsxWriter
import NianbaoModel

/// An Excel workbook written with libxlsxwriter: one sheet per table, a bold frozen header row, numbers
/// as numbers (so a spreadsheet sums them) and text as shared strings in UTF-8.
struct XLSXWorkbook {
    struct Sheet {
        var name: String
        var columns: [String]
        var rows: [[FieldValue]]
    }

    static func write(path: String, sheets: [Sheet]) throws(DatasetError) {
        guard let workbook = workbook_new(path) else {
            throw .cannotWrite(path: path, reason: "libxlsxwriter could not create the workbook")
        }
        let bold = workbook_add_format(workbook)
        format_set_bold(bold)
        for sheet in sheets {
            guard let worksheet = workbook_add_worksheet(workbook, sheet.name) else {
                workbook_close(workbook)
                throw .cannotWrite(path: path, reason: "cannot add sheet \(sheet.name)")
            }
            for (column, name) in sheet.columns.enumerated() {
                worksheet_write_string(worksheet, 0, lxw_col_t(column), name, bold)
            }
            worksheet_freeze_panes(worksheet, 1, 0)
            for (index, row) in sheet.rows.enumerated() {
                for (column, value) in row.enumerated() {
                    write(value, worksheet, lxw_row_t(index + 1), lxw_col_t(column))
                }
            }
        }
        let status = workbook_close(workbook)
        guard status == LXW_NO_ERROR else {
            throw .cannotWrite(path: path, reason: String(cString: lxw_strerror(status)))
        }
    }

    private static func write(_ value: FieldValue, _ worksheet: UnsafeMutablePointer<lxw_worksheet>,
                              _ row: lxw_row_t, _ column: lxw_col_t) {
        switch value {
        case .null: break
        case .bool(let b): worksheet_write_boolean(worksheet, row, column, b ? 1 : 0, nil)
        case .int(let i): worksheet_write_number(worksheet, row, column, Double(i), nil)
        // Excel holds numbers as doubles; the dataset's decimals have far fewer than 15 significant digits.
        case .decimal(let d): worksheet_write_number(worksheet, row, column, Double(plainDecimal(d)) ?? 0, nil)
        case .string(let s): worksheet_write_string(worksheet, row, column, s, nil)
        case .array, .object: worksheet_write_string(worksheet, row, column, value.json, nil)
        }
    }
}
