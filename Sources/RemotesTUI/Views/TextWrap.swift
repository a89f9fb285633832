/// Word wrapping for the message area, forms and dialogs.
enum TextWrap {
    /// `text` broken into lines of at most `width` columns, at spaces where possible.
    static func lines(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        var current = ""
        var currentWidth = 0
        for word in text.split(separator: " ", omittingEmptySubsequences: false).map(String.init) {
            let w = DisplayWidth.of(word)
            if currentWidth > 0 && currentWidth + 1 + w > width {
                lines.append(current)
                current = ""
                currentWidth = 0
            }
            if w > width {
                // A word longer than the line: cut it into pieces.
                var piece = ""
                var pieceWidth = 0
                if currentWidth > 0 {
                    lines.append(current)
                    current = ""
                    currentWidth = 0
                }
                for character in word {
                    let cw = DisplayWidth.of(character)
                    if pieceWidth + cw > width {
                        lines.append(piece)
                        piece = ""
                        pieceWidth = 0
                    }
                    piece.append(character)
                    pieceWidth += cw
                }
                current = piece
                currentWidth = pieceWidth
                continue
            }
            if currentWidth > 0 {
                current += " "
                currentWidth += 1
            }
            current += word
            currentWidth += w
        }
        if !current.isEmpty || lines.isEmpty { lines.append(current) }
        return lines
    }
}
