import RemotesCore

/// Aligns tab-separated cells into columns exactly as Go's `text/tabwriter` does with
/// minwidth 0, padding 2 and space padding (what Apptainer's tables use): a column is as wide
/// as its widest cell in a block of consecutive lines that have it, plus 2; the text after the
/// last tab of a line is not padded, so lines have no trailing spaces. Widths count characters
/// (runes), as Go does. A cell is one line: every control character in it (a server's version,
/// a name from another user's file), newline and tab included, is escaped (`TerminalSafe`)
/// before it is measured, so the columns stay aligned and nothing reaches the terminal raw.
struct TabWriter {
    private struct Cell {
        var bytes: [UInt8]
        var width: Int
    }

    private var lines: [[Cell]] = []
    private let padding: Int

    init(padding: Int = 2) { self.padding = padding }

    /// Adds one line of cells.
    mutating func row(_ cells: [String]) {
        lines.append(
            cells.map { text in
                let bytes = Array(TerminalSafe.escaped(text).utf8)
                // Runes are the bytes that do not continue a UTF-8 sequence.
                var width = 0
                for b in bytes where b & 0xC0 != 0x80 { width += 1 }
                return Cell(bytes: bytes, width: width)
            })
    }

    /// Adds one line of cells.
    mutating func row(_ cells: String...) { row(cells) }

    /// The aligned text, every line ending in a newline.
    func render() -> String {
        var widths: [Int] = []
        var out: [UInt8] = []
        out.reserveCapacity(lines.count * 64)
        format(line0: 0, line1: lines.count, widths: &widths, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Go's `Writer.format`: finds blocks of lines that have a cell in the next column, sizes
    /// that column for the block, and recurses; lines are written once no deeper column exists.
    private func format(line0 start: Int, line1: Int, widths: inout [Int], into out: inout [UInt8]) {
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
                width = max(width, lines[this][column].width + padding)
                this += 1
            }
            widths.append(width)
            format(line0: line0, line1: this, widths: &widths, into: &out)
            widths.removeLast()
            line0 = this
        }
        write(from: line0, to: line1, widths: widths, into: &out)
    }

    private func write(from: Int, to: Int, widths: [Int], into out: inout [UInt8]) {
        guard from < to else { return }
        for index in from..<to {
            let cells = lines[index]
            for (j, cell) in cells.enumerated() {
                out.append(contentsOf: cell.bytes)
                if j < widths.count && j < cells.count - 1 {
                    let pad = widths[j] - cell.width
                    if pad > 0 { out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: pad)) }
                }
            }
            out.append(UInt8(ascii: "\n"))
        }
    }
}
