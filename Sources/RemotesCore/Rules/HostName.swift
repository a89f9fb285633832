/// What a host name in a URI may look like: DNS names and IPv4 addresses (ASCII letters,
/// digits, `-`, `.`, `_`; international names in their `xn--` form), or an IPv6 address in
/// brackets.
enum HostName {
    /// True when every character of `text` is printable ASCII: the only text our URI parsers
    /// accept, so that no combining character can hide a `:` or `/` from them.
    static func isPrintableASCII<S: StringProtocol>(_ text: S) -> Bool {
        text.unicodeScalars.allSatisfy { $0.value > 0x20 && $0.value < 0x7F }
    }

    /// True when `host` (without port) is acceptable.
    static func isValid<S: StringProtocol>(_ host: S) -> Bool {
        guard !host.isEmpty else { return false }
        if host.hasPrefix("[") {
            guard host.hasSuffix("]"), host.count > 2 else { return false }
            return host.dropFirst().dropLast().allSatisfy { $0.isHexDigit || $0 == ":" || $0 == "." }
        }
        let allowed = host.unicodeScalars.allSatisfy { s in
            (s.value >= 0x30 && s.value <= 0x39) || (s.value >= 0x41 && s.value <= 0x5A)
                || (s.value >= 0x61 && s.value <= 0x7A) || s == "-" || s == "." || s == "_"
        }
        return allowed && !host.hasPrefix(".") && !host.hasPrefix("-") && !host.contains("..")
    }
}
