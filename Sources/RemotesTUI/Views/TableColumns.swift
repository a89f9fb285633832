/// Column widths for the pane tables: fixed columns keep their width, flexible ones share what
/// is left by weight and never go below their minimum.
struct TableColumn: Sendable {
    enum Width: Sendable {
        case fixed(Int)
        case flex(min: Int, weight: Int)
    }

    var title: String
    var width: Width

    init(_ title: String, _ width: Width) {
        self.title = title
        self.width = width
    }

    /// The widths of `columns` in `total` columns with `gap` spaces between them.
    static func widths(_ columns: [TableColumn], total: Int, gap: Int = 1) -> [Int] {
        let gaps = max(0, columns.count - 1) * gap
        var fixed = 0
        var weights = 0
        var minimums = 0
        for column in columns {
            switch column.width {
            case .fixed(let n): fixed += n
            case .flex(let minimum, let weight):
                weights += weight
                minimums += minimum
            }
        }
        let spare = max(0, total - gaps - fixed - minimums)
        var widths: [Int] = []
        var handedOut = 0
        var flexSeen = 0
        let flexCount = columns.filter { if case .flex = $0.width { return true } else { return false } }.count
        for column in columns {
            switch column.width {
            case .fixed(let n): widths.append(n)
            case .flex(let minimum, let weight):
                flexSeen += 1
                // The last flexible column takes the remainder so the row is exactly full.
                let share = flexSeen == flexCount ? spare - handedOut : (weights > 0 ? spare * weight / weights : 0)
                handedOut += share
                widths.append(minimum + share)
            }
        }
        return widths
    }
}

/// One cell of a table row: its text and style.
struct TableCell {
    var text: String
    var style: CellStyle

    init(_ text: String, _ style: CellStyle = .plain) {
        self.text = text
        self.style = style
    }
}

extension Screen {
    /// Draws `cells` in columns of `widths` from `column` on `row`, each cut or padded to its
    /// width; `base` emphasis (the selection's reverse video) is added to every cell and gap.
    func tableRow(
        _ cells: [TableCell], widths: [Int], row: Int, column: Int, gap: Int = 1, base: CellStyle.Emphasis = [],
        glyphs: Glyphs
    ) {
        var x = column
        for (index, cell) in cells.enumerated() where index < widths.count {
            // On the reverse-video selection bar, colours would turn into patches: drop them.
            let style = base.contains(.reverse) ? CellStyle(cell.style.emphasis.union(base)) : cell.style.adding(base)
            text(cell.text, row: row, column: x, width: widths[index], style: style, glyphs: glyphs)
            x += widths[index]
            if index < cells.count - 1 {
                fill(row: row, column: x, width: gap, style: CellStyle(base))
                x += gap
            }
        }
    }
}
