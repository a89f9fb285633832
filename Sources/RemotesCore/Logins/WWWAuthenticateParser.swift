/// Reads `WWW-Authenticate` headers into challenges, forgivingly: several challenges in one
/// header, several headers, quoted strings with backslash escapes, white space around `=`,
/// unquoted values that are not RFC tokens (such as URLs), and token68 forms. Anything it cannot
/// read is skipped up to the next comma; it never fails and never traps, whatever the input.
///
/// ```swift
/// WWWAuthenticateParser.parse(#"Bearer realm="https://auth.example/token",service="reg", Basic realm="x""#)
/// // [bearer(realm, service), basic(realm)]
/// ```
public enum WWWAuthenticateParser {
    /// The challenges of all `values` (each one header line), in order.
    public static func parse(_ values: [String]) -> [AuthChallenge] {
        values.flatMap { parse($0) }
    }

    /// The challenges of one header value, in order.
    public static func parse(_ header: String) -> [AuthChallenge] {
        var cursor = Cursor(bytes: Array(header.utf8))
        var challenges: [AuthChallenge] = []
        while true {
            cursor.skipSeparators()
            guard !cursor.atEnd else { break }
            let name = cursor.token()
            guard !name.isEmpty else {
                cursor.skipElement()
                continue
            }
            let afterName = cursor.index
            cursor.skipSpaces()
            if cursor.current == UInt8(ascii: "=") {
                // `name=value` continues the current challenge.
                cursor.index += 1
                cursor.skipSpaces()
                let value = cursor.value()
                if !challenges.isEmpty { challenges[challenges.count - 1].add(text(name), value) }
                cursor.skipElement()
                continue
            }
            var challenge = AuthChallenge(scheme: text(name))
            if cursor.index > afterName, !cursor.atEnd, cursor.current != UInt8(ascii: ",") {
                readFirstItem(of: &challenge, from: &cursor)
            }
            challenges.append(challenge)
        }
        return challenges
    }

    /// After a scheme and white space: one parameter, or a token68 that ends the element.
    private static func readFirstItem(of challenge: inout AuthChallenge, from cursor: inout Cursor) {
        let start = cursor.index
        let name = cursor.token()
        if !name.isEmpty {
            cursor.skipSpaces()
            if cursor.current == UInt8(ascii: "=") {
                var probe = cursor
                probe.index += 1
                probe.skipSpaces()
                if let next = probe.current, next != UInt8(ascii: "="),
                    next == UInt8(ascii: "\"") || Cursor.isValueByte(next)
                {
                    cursor = probe
                    challenge.add(text(name), cursor.value())
                    cursor.skipElement()
                    return
                }
            }
        }
        cursor.index = start
        let word = cursor.token68()
        cursor.skipSpaces()
        if !word.isEmpty, cursor.atEnd || cursor.current == UInt8(ascii: ",") {
            challenge.token68 = text(word)
        } else {
            cursor.skipElement()
        }
    }

    private static func text(_ bytes: ArraySlice<UInt8>) -> String {
        String(decoding: bytes, as: UTF8.self)
    }

    private static func text(_ bytes: [UInt8]) -> String {
        String(decoding: bytes, as: UTF8.self)
    }

    /// A position in the header's bytes.
    private struct Cursor {
        let bytes: [UInt8]
        var index = 0

        var atEnd: Bool { index >= bytes.count }
        var current: UInt8? { index < bytes.count ? bytes[index] : nil }

        mutating func skipSpaces() {
            while let byte = current, byte == 0x20 || byte == 0x09 { index += 1 }
        }

        mutating func skipSeparators() {
            while let byte = current, byte == 0x20 || byte == 0x09 || byte == UInt8(ascii: ",") { index += 1 }
        }

        /// RFC 9110 `token` characters.
        static func isTokenByte(_ byte: UInt8) -> Bool {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"):
                return true
            default:
                return "!#$%&'*+-.^_`|~".utf8.contains(byte)
            }
        }

        /// Characters of an unquoted value: anything but separators, quotes and controls.
        static func isValueByte(_ byte: UInt8) -> Bool {
            byte > 0x20 && byte != 0x7F && byte != UInt8(ascii: ",") && byte != UInt8(ascii: "\"")
        }

        mutating func token() -> ArraySlice<UInt8> {
            let start = index
            while let byte = current, Cursor.isTokenByte(byte) { index += 1 }
            return bytes[start..<index]
        }

        /// RFC 9110 `token68`: letters, digits, `-._~+/`, then any `=` padding.
        mutating func token68() -> ArraySlice<UInt8> {
            let start = index
            while let byte = current,
                byte < 0x80 && (Cursor.isAlphanumeric(byte) || "-._~+/".utf8.contains(byte))
            {
                index += 1
            }
            while current == UInt8(ascii: "=") { index += 1 }
            return bytes[start..<index]
        }

        static func isAlphanumeric(_ byte: UInt8) -> Bool {
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
        }

        /// A quoted string (unescaped; an unterminated one runs to the end) or an unquoted value.
        mutating func value() -> String {
            if current == UInt8(ascii: "\"") {
                index += 1
                var out: [UInt8] = []
                while let byte = current {
                    index += 1
                    if byte == UInt8(ascii: "\"") { break }
                    if byte == UInt8(ascii: "\\"), let next = current {
                        out.append(next)
                        index += 1
                    } else {
                        out.append(byte)
                    }
                }
                return String(decoding: out, as: UTF8.self)
            }
            let start = index
            while let byte = current, Cursor.isValueByte(byte) { index += 1 }
            return String(decoding: bytes[start..<index], as: UTF8.self)
        }

        /// Skips to the next comma outside quotes (not past it).
        mutating func skipElement() {
            var quoted = false
            while let byte = current {
                if quoted {
                    if byte == UInt8(ascii: "\\") {
                        index += 1
                    } else if byte == UInt8(ascii: "\"") {
                        quoted = false
                    }
                } else if byte == UInt8(ascii: "\"") {
                    quoted = true
                } else if byte == UInt8(ascii: ",") {
                    return
                }
                index += 1
            }
        }
    }
}

extension AuthChallenge {
    /// Adds a parameter unless one of that name is there already.
    fileprivate mutating func add(_ name: String, _ value: String) {
        let key = name.lowercased()
        if parameters[key] == nil { parameters[key] = value }
    }
}
