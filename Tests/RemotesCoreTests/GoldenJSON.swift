/// The JSON of the golden cases (objects, arrays and strings, as Go's encoder writes them),
/// read without Foundation, whose parser drops a leading U+FEFF from strings.
enum GoldenJSON: Equatable {
    case string(String)
    case array([GoldenJSON])
    case object([(String, GoldenJSON)])

    static func == (lhs: GoldenJSON, rhs: GoldenJSON) -> Bool {
        switch (lhs, rhs) {
        case (.string(let a), .string(let b)): return a == b
        case (.array(let a), .array(let b)): return a == b
        case (.object(let a), .object(let b)): return a.map(\.0) == b.map(\.0) && a.map(\.1) == b.map(\.1)
        default: return false
        }
    }

    /// Parses one document; nil when it is not the JSON described above.
    static func parse(_ text: Substring) -> GoldenJSON? {
        var reader = Reader(scalars: Array(text.unicodeScalars))
        guard let value = reader.value() else { return nil }
        reader.skipSpaces()
        return reader.index == reader.scalars.count ? value : nil
    }

    private struct Reader {
        let scalars: [Unicode.Scalar]
        var index = 0

        mutating func skipSpaces() {
            while index < scalars.count, scalars[index] == " " { index += 1 }
        }

        mutating func take(_ scalar: Unicode.Scalar) -> Bool {
            skipSpaces()
            guard index < scalars.count, scalars[index] == scalar else { return false }
            index += 1
            return true
        }

        mutating func value() -> GoldenJSON? {
            if take("{") {
                var pairs: [(String, GoldenJSON)] = []
                if take("}") { return .object(pairs) }
                repeat {
                    guard let key = string(), take(":"), let value = value() else { return nil }
                    pairs.append((key, value))
                } while take(",")
                return take("}") ? .object(pairs) : nil
            }
            if take("[") {
                var items: [GoldenJSON] = []
                if take("]") { return .array(items) }
                repeat {
                    guard let item = value() else { return nil }
                    items.append(item)
                } while take(",")
                return take("]") ? .array(items) : nil
            }
            return string().map(GoldenJSON.string)
        }

        mutating func string() -> String? {
            guard take("\"") else { return nil }
            var out = String.UnicodeScalarView()
            var pendingHigh: UInt32?
            while index < scalars.count {
                let c = scalars[index]
                index += 1
                if c == "\"" { return pendingHigh == nil ? String(out) : nil }
                guard c == "\\" else {
                    out.append(c)
                    continue
                }
                guard index < scalars.count else { return nil }
                let e = scalars[index]
                index += 1
                switch e {
                case "n": out.append("\n")
                case "r": out.append("\r")
                case "t": out.append("\t")
                case "b": out.append("\u{8}")
                case "f": out.append("\u{C}")
                case "\"", "\\", "/": out.append(e)
                case "u":
                    guard index + 4 <= scalars.count,
                        let v = UInt32(String(String.UnicodeScalarView(scalars[index..<index + 4])), radix: 16)
                    else { return nil }
                    index += 4
                    if (0xD800..<0xDC00).contains(v) {
                        pendingHigh = v
                    } else if let high = pendingHigh, (0xDC00..<0xE000).contains(v) {
                        pendingHigh = nil
                        out.append(Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (v - 0xDC00))!)
                    } else if let scalar = Unicode.Scalar(v) {
                        out.append(scalar)
                    } else {
                        return nil
                    }
                default: return nil
                }
            }
            return nil
        }
    }
}
