import RemotesCore
import RemotesJSON

/// What a server answered, in a few words for an error message: the status and, when the body
/// explains it, the explanation (an OCI `errors` list, a token server's `details`, or the first
/// line of a text body), shortened and with secrets redacted.
public enum ServerAnswer {
    /// The longest explanation quoted from a body.
    public static let detailLimit = 200

    /// `401 Unauthorized (UNAUTHORIZED: authentication required)`. Secrets are redacted from the
    /// whole explanation before it is shortened and its control characters escaped, so that
    /// neither step can split a secret and let part of it through.
    public static func describe(_ result: HTTPResult, redactor: SecretRedactor) -> String {
        let status = result.statusText
        guard let raw = rawDetail(of: result.body) else { return status }
        let detail = shorten(redactor.redact(raw))
        guard !status.lowercased().contains(detail.lowercased()) else { return status }
        return "\(status) (\(detail))"
    }

    /// The explanation in a response body, shortened and escaped; nil when there is none worth
    /// quoting.
    public static func detail(of body: [UInt8]) -> String? {
        rawDetail(of: body).map(shorten)
    }

    /// The explanation as the body gives it.
    private static func rawDetail(of body: [UInt8]) -> String? {
        guard !body.isEmpty else { return nil }
        if let value = try? JSONParser.parse(body) {
            return jsonDetail(value)
        }
        let text = String(decoding: body, as: UTF8.self)
        guard !text.contains("<"), let line = text.split(whereSeparator: \.isNewline).first else { return nil }
        let trimmed = line.trimmingWhitespace()
        return trimmed.isEmpty ? nil : trimmed
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

    /// One line of at most `detailLimit` characters: control characters (a body's own newlines
    /// and escape sequences) are shown escaped (`TerminalSafe`), then the text is cut.
    private static func shorten(_ text: String) -> String {
        let clean = TerminalSafe.escaped(text)
        guard clean.count > detailLimit else { return clean }
        return String(clean.prefix(detailLimit)) + "…"
    }
}

extension Substring {
    fileprivate func trimmingWhitespace() -> String {
        String(drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
    }
}
