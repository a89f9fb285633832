/// What a server answered, in a few words for an error message: the status and, when the body
/// explains it, the explanation (an OCI `errors` list, a token server's `details`, or the first
/// line of a text body), shortened and with secrets redacted.
public enum ServerAnswer {
    /// The longest explanation quoted from a body.
    public static let detailLimit = 200

    /// `401 Unauthorized (UNAUTHORIZED: authentication required)`.
    public static func describe(_ result: HTTPResult, redactor: SecretRedactor) -> String {
        let status = result.statusText
        guard let detail = detail(of: result.body), !status.lowercased().contains(detail.lowercased()) else {
            return status
        }
        return "\(status) (\(redactor.redact(detail)))"
    }

    /// The explanation in a response body, nil when there is none worth quoting.
    public static func detail(of body: [UInt8]) -> String? {
        guard !body.isEmpty else { return nil }
        if let value = try? JSONParser.parse(body) {
            return jsonDetail(value).map(shorten)
        }
        let text = String(decoding: body, as: UTF8.self)
        guard !text.contains("<"), let line = text.split(whereSeparator: \.isNewline).first else { return nil }
        let trimmed = line.trimmingWhitespace()
        return trimmed.isEmpty ? nil : shorten(trimmed)
    }

    private static func jsonDetail(_ value: JSONValue) -> String? {
        if case .array(let errors)? = value["errors"] {
            let parts = errors.compactMap { error -> String? in
                let code = error["code"]?.stringValue
                let message = error["message"]?.stringValue
                switch (code, message) {
                case (let code?, let message?): return "\(code): \(message)"
                case (let code?, nil): return code
                case (nil, let message?): return message
                default: return nil
                }
            }
            if !parts.isEmpty { return parts.joined(separator: "; ") }
        }
        for key in ["details", "detail", "error_description", "message", "error"] {
            if let text = value[key]?.stringValue, !text.isEmpty { return text }
        }
        return nil
    }

    private static func shorten(_ text: String) -> String {
        let clean = String(text.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? " " : Character($0) })
        guard clean.count > detailLimit else { return clean }
        return String(clean.prefix(detailLimit)) + "…"
    }
}

extension Substring {
    fileprivate func trimmingWhitespace() -> String {
        String(drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
    }
}
