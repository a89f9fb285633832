/// Aligns tab-separated cells into columns exactly as Go's `text/tabwriter` does with
/// minwidth 0, padding 2 and space padding (what Apptainer's tables use): a column is as wide
/// as its widest cell in a block of consecutive lines that have it, plus 2; the text after the
/// last tab of a line is not padded, so lines have no trailing spaces. Widths count characters
/// (runes), as Go does.
struct TabWriter {
    private var lines: [[String]] = []
    private let padding: Int

    init(padding: Int = 2) { self.padding = padding }

    /// Adds one line of cells.
    mutating func row(_ cells: [String]) { lines.append(cells) }

    /// Adds one line of cells.
    mutating func row(_ cells: String...) { lines.append(cells) }

    /// The aligned text, every line ending in a newline.
    func render() -> String {
        var widths: [Int] = []
        var out = ""
        let cellWidths = lines.map { $0.map(\.unicodeScalars.count) }
        format(line0: 0, line1: lines.count, widths: &widths, cellWidths: cellWidths, into: &out)
        return out
    }

    private func format(line0 start: Int, line1: Int, widths: inout [Int], cellWidths: [[Int]], into out: inout String)
    {
        var line0 = start
        let column = widths.count
        var this = line0
        while this < line1 {
            if column >= lines[this].count - 1 {
                this += 1
                continue
            }
            write(from: line0, to: this, widths: widths, into: &out)
            line0 = this
            var width = 0
            while this < line1 && column < lines[this].count - 1 {
                width = max(width, cellWidths[this][column] + padding)
                this += 1
            }
            widths.append(width)
            format(line0: line0, line1: this, widths: &widths, cellWidths: cellWidths, into: &out)
            widths.removeLast()
            line0 = this
        }
        write(from: line0, to: line1, widths: widths, into: &out)
    }

    private func write(from: Int, to: Int, widths: [Int], into out: inout String) {
        guard from < to else { return }
        for index in from..<to {
            let cells = lines[index]
            for (j, cell) in cells.enumerated() {
                out += cell
                if j < widths.count && j < cells.count - 1 {
                    let pad = widths[j] - cell.unicodeScalars.count
                    if pad > 0 { out += String(repeating: " ", count: pad) }
                }
            }
            out += "\n"
        }
    }
}
