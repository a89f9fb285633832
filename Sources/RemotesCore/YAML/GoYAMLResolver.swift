/// Decides what go-yaml v3 (and so Apptainer) would make of a plain, unquoted scalar.
///
/// This is our own port of the rules of go-yaml's `resolve`: a plain scalar is a string unless
/// it reads as null, a boolean, an integer, a float or a timestamp. The writer uses it to decide
/// when a string must be quoted, the reader to keep unknown values as they were.
enum GoYAMLResolver {
    /// True when `text`, written plain, would be read back as something other than a string.
    static func resolvesToNonString(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard let first = bytes.first else { return true }  // "" is null
        switch first {
        case UInt8(ascii: "y"), UInt8(ascii: "Y"), UInt8(ascii: "n"), UInt8(ascii: "N"),
            UInt8(ascii: "t"), UInt8(ascii: "T"), UInt8(ascii: "f"), UInt8(ascii: "F"),
            UInt8(ascii: "o"), UInt8(ascii: "O"), UInt8(ascii: "~"):
            return specialWords.contains(text)
        case UInt8(ascii: "."):
            return specialWords.contains(text) || isDotFloat(bytes)
        case UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            if specialWords.contains(text) { return true }
            if isTimestamp(bytes) { return true }
            let plain = bytes.filter { $0 != UInt8(ascii: "_") }
            return isInteger(plain) || isFloat(plain)
        default:
            return false
        }
    }

    /// The YAML 1.1 booleans that go-yaml quotes so that old readers do not take them as bools.
    static func isOldBool(_ text: String) -> Bool { oldBools.contains(text) }

    /// True for base-60 floats like `1:20` (YAML 1.1), which go-yaml also quotes.
    static func isBase60Float(_ text: String) -> Bool {
        // ^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$
        var i = text.utf8.startIndex
        let u = text.utf8
        func peek() -> UInt8? { i < u.endIndex ? u[i] : nil }
        func isDigit(_ c: UInt8?) -> Bool { c.map { $0 >= 48 && $0 <= 57 } ?? false }
        if let c = peek(), c == UInt8(ascii: "+") || c == UInt8(ascii: "-") { i = u.index(after: i) }
        guard isDigit(peek()) else { return false }
        i = u.index(after: i)
        while let c = peek(), isDigit(c) || c == UInt8(ascii: "_") { i = u.index(after: i) }
        var groups = 0
        while peek() == UInt8(ascii: ":") {
            i = u.index(after: i)
            // [0-5]?[0-9]
            guard isDigit(peek()) else { return false }
            let d1 = peek()!
            i = u.index(after: i)
            if isDigit(peek()) {
                guard d1 <= UInt8(ascii: "5") else { return false }
                i = u.index(after: i)
            }
            groups += 1
        }
        guard groups > 0 else { return false }
        if peek() == UInt8(ascii: ".") {
            i = u.index(after: i)
            while let c = peek(), isDigit(c) || c == UInt8(ascii: "_") { i = u.index(after: i) }
        }
        return i == u.endIndex
    }

    /// Reads a plain scalar as go-yaml reads it into a `bool` field: the YAML 1.2 words and,
    /// for compatibility, the YAML 1.1 ones. Nil when it is not a boolean.
    static func boolValue(_ text: String, quoted: Bool) -> Bool? {
        if !quoted {
            switch text {
            case "true", "True", "TRUE": return true
            case "false", "False", "FALSE": return false
            default: break
            }
        }
        switch text {
        case "y", "Y", "yes", "Yes", "YES", "on", "On", "ON": return true
        case "n", "N", "no", "No", "NO", "off", "Off", "OFF": return false
        default: return nil
        }
    }

    /// True for the plain words that mean null.
    static func isNull(_ text: String) -> Bool {
        text.isEmpty || text == "~" || text == "null" || text == "Null" || text == "NULL"
    }

    private static let specialWords: Set<String> = [
        "true", "True", "TRUE", "false", "False", "FALSE", "~", "null", "Null", "NULL",
        ".nan", ".NaN", ".NAN", ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF",
        "-.inf", "-.Inf", "-.INF",
    ]

    private static let oldBools: Set<String> = [
        "y", "Y", "yes", "Yes", "YES", "on", "On", "ON",
        "n", "N", "no", "No", "NO", "off", "Off", "OFF",
    ]

    private static func isDigit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }

    /// `.5`, `.5e3`: what Go's ParseFloat accepts after a leading dot.
    private static func isDotFloat(_ b: [UInt8]) -> Bool {
        var i = 1
        let start = i
        while i < b.count, isDigit(b[i]) { i += 1 }
        guard i > start else { return false }
        return exponentEnds(b, at: i)
    }

    /// True when b[i...] is empty or a valid exponent `e[+-]digits`.
    private static func exponentEnds(_ b: [UInt8], at start: Int) -> Bool {
        var i = start
        if i == b.count { return true }
        guard b[i] == UInt8(ascii: "e") || b[i] == UInt8(ascii: "E") else { return false }
        i += 1
        if i < b.count, b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") { i += 1 }
        let digits = i
        while i < b.count, isDigit(b[i]) { i += 1 }
        return i > digits && i == b.count
    }

    /// Go's `strconv.ParseInt(s, 0, 64)` or `ParseUint(s, 0, 64)` would succeed.
    private static func isInteger(_ b: [UInt8]) -> Bool {
        var i = 0
        var signed = false
        if i < b.count, b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") {
            signed = true
            i += 1
        }
        guard i < b.count else { return false }
        var radix = 10
        if b[i] == UInt8(ascii: "0"), i + 1 < b.count {
            switch b[i + 1] {
            case UInt8(ascii: "x"), UInt8(ascii: "X"):
                radix = 16
                i += 2
            case UInt8(ascii: "o"), UInt8(ascii: "O"):
                radix = 8
                i += 2
            case UInt8(ascii: "b"), UInt8(ascii: "B"):
                radix = 2
                i += 2
            default:
                radix = 8
                i += 1
            }
        }
        guard i < b.count else { return false }
        let digits = String(decoding: b[i...], as: UTF8.self)
        guard let magnitude = UInt64(digits, radix: radix) else { return false }
        if !signed { return true }
        let negative = b[0] == UInt8(ascii: "-")
        return negative ? magnitude <= UInt64(Int64.max) + 1 : magnitude <= UInt64(Int64.max)
    }

    /// go-yaml's float pattern `^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$`, finite.
    private static func isFloat(_ b: [UInt8]) -> Bool {
        var i = 0
        if i < b.count, b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") { i += 1 }
        guard i < b.count else { return false }
        if b[i] == UInt8(ascii: ".") {
            i += 1
            let s = i
            while i < b.count, isDigit(b[i]) { i += 1 }
            guard i > s else { return false }
        } else {
            let s = i
            while i < b.count, isDigit(b[i]) { i += 1 }
            guard i > s else { return false }
            if i < b.count, b[i] == UInt8(ascii: ".") {
                i += 1
                while i < b.count, isDigit(b[i]) { i += 1 }
            }
        }
        guard exponentEnds(b, at: i) else { return false }
        // Go's ParseFloat fails on overflow, and go-yaml then keeps the text as a string.
        guard let value = Double(String(decoding: b, as: UTF8.self)) else { return true }
        return value.isFinite
    }

    /// go-yaml's timestamp check: `YYYY-` then one of its accepted layouts.
    private static func isTimestamp(_ b: [UInt8]) -> Bool {
        var i = 0
        while i < b.count, isDigit(b[i]) { i += 1 }
        guard i == 4, i < b.count, b[i] == UInt8(ascii: "-") else { return false }
        // Layouts: 2006-1-2, 2006-1-2 15:4:5.999999999, 2006-1-2T15:4:5.999999999Z07:00 (t or T).
        i += 1
        guard let month = number(b, &i, maxDigits: 2), (1...12).contains(month) else { return false }
        guard i < b.count, b[i] == UInt8(ascii: "-") else { return false }
        i += 1
        guard let day = number(b, &i, maxDigits: 2), (1...31).contains(day) else { return false }
        if i == b.count { return true }
        let sep = b[i]
        guard sep == UInt8(ascii: " ") || sep == UInt8(ascii: "T") || sep == UInt8(ascii: "t") else {
            return false
        }
        i += 1
        guard let h = number(b, &i, maxDigits: 2), h < 24, i < b.count, b[i] == UInt8(ascii: ":") else {
            return false
        }
        i += 1
        guard let m = number(b, &i, maxDigits: 2), m < 60, i < b.count, b[i] == UInt8(ascii: ":") else {
            return false
        }
        i += 1
        guard let s = number(b, &i, maxDigits: 2), s < 60 else { return false }
        if i < b.count, b[i] == UInt8(ascii: ".") {
            i += 1
            let f = i
            while i < b.count, isDigit(b[i]) { i += 1 }
            guard i > f, i - f <= 9 else { return false }
        }
        if sep == UInt8(ascii: " ") { return i == b.count }
        // Z07:00: "Z" or ±hh:mm
        guard i < b.count else { return false }
        if b[i] == UInt8(ascii: "Z") { return i + 1 == b.count }
        guard b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") else { return false }
        i += 1
        guard i + 5 == b.count, isDigit(b[i]), isDigit(b[i + 1]), b[i + 2] == UInt8(ascii: ":"),
            isDigit(b[i + 3]), isDigit(b[i + 4])
        else { return false }
        return true
    }

    private static func number(_ b: [UInt8], _ i: inout Int, maxDigits: Int) -> Int? {
        let start = i
        var value = 0
        while i < b.count, isDigit(b[i]), i - start < maxDigits {
            value = value * 10 + Int(b[i] - 48)
            i += 1
        }
        return i > start ? value : nil
    }
}
