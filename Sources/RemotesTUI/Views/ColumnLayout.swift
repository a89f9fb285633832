/// Column widths that follow the content and the screen. Every column first gets its minimum
/// (at least its short header); then the room is shared so that no column is cut while another
/// has more than its content needs: the narrowest grow first, one column at a time, up to what
/// their content needs. Room left then widens headers to their full titles, and the rest goes
/// to the flexible columns.
enum ColumnLayout {
    /// What one column asks for, in columns.
    struct Demand: Sendable, Equatable {
        /// Never less (the minimum, or the short header).
        var floor: Int
        /// What its content needs (at least `floor`).
        var need: Int
        /// With its full header (at least `need`).
        var full: Int
        /// Never more (nil: no limit).
        var cap: Int?
        /// Its share of the room left over.
        var flex: Int
    }

    /// The demand of `column` whose widest cell is `content` columns wide.
    static func demand(_ column: TableColumn, content: Int) -> Demand {
        let s = column.sizing
        let cap = s.max
        func capped(_ n: Int) -> Int { cap.map { Swift.min($0, n) } ?? n }
        let floor = capped(Swift.max(s.min, DisplayWidth.of(column.shortTitle)))
        let need = Swift.max(floor, capped(s.want.map { Swift.min($0, content) } ?? content))
        let full = Swift.max(need, capped(DisplayWidth.of(column.title)))
        return Demand(floor: floor, need: need, full: full, cap: cap, flex: s.flex)
    }

    /// The widths of columns with `demands` in `total` columns (gaps already taken out).
    static func widths(_ demands: [Demand], total: Int) -> [Int] {
        var widths = demands.map(\.floor)
        var spare = total - widths.reduce(0, +)
        guard spare > 0 else { return widths }
        grow(&widths, to: demands.map(\.need), spare: &spare)
        grow(&widths, to: demands.map(\.full), spare: &spare)
        share(&widths, demands, spare: &spare)
        return widths
    }

    /// Widens the narrowest columns below their `targets` first, one column at a time.
    private static func grow(_ widths: inout [Int], to targets: [Int], spare: inout Int) {
        while spare > 0 {
            var pick: Int?
            for index in widths.indices where widths[index] < targets[index] {
                if pick.map({ widths[index] < widths[$0] }) ?? true { pick = index }
            }
            guard let index = pick else { return }
            widths[index] += 1
            spare -= 1
        }
    }

    /// Gives the room left to the flexible columns by their weights, within their caps.
    private static func share(_ widths: inout [Int], _ demands: [Demand], spare: inout Int) {
        while spare > 0 {
            let open = demands.indices.filter { i in
                demands[i].flex > 0 && demands[i].cap.map { widths[i] < $0 } ?? true
            }
            let weights = open.reduce(0) { $0 + demands[$1].flex }
            guard weights > 0 else { return }
            var given = 0
            for i in open {
                var share = spare * demands[i].flex / weights
                if let cap = demands[i].cap { share = Swift.min(share, cap - widths[i]) }
                widths[i] += share
                given += share
            }
            if given == 0, let first = open.first {
                widths[first] += 1
                given = 1
            }
            spare -= given
        }
    }
}
