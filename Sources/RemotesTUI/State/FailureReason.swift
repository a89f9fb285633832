/// A word or two for why a check failed, short enough for a status cell (`N/A: refused`); the
/// whole error is in the message log and the detail view.
enum FailureReason {
    /// The short reason for `message`.
    static func short(_ message: String) -> String {
        let text = message.lowercased()
        let table: [(String, [String])] = [
            ("refused", ["connection refused", "refused"]),
            ("timeout", ["timed out", "timeout", "deadline"]),
            ("DNS", ["no such host", "name resolution", "resolve", "unknown host", "nodename"]),
            ("TLS", ["certificate", "tls", "ssl", "handshake"]),
            ("unreachable", ["unreachable", "no route"]),
            ("reset", ["connection reset", "reset by peer", "closed"]),
            ("no network", ["not available"]),
            ("bad reply", ["json", "invalid", "unexpected"]),
        ]
        if let status = httpStatus(in: text) { return "HTTP \(status)" }
        for (word, needles) in table where needles.contains(where: text.contains) { return word }
        return "error"
    }

    /// The status code after `error response from server: `, if any.
    private static func httpStatus(in text: String) -> String? {
        guard let range = text.firstRange(of: "error response from server: ") else { return nil }
        let code = text[range.upperBound...].prefix { $0.isNumber }
        return code.count == 3 ? String(code) : nil
    }
}
