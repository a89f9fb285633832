/// Keeps secrets out of messages: every text built from a server's or a helper's answer goes
/// through `redact` before it can reach the user, so that an echoed password or token is never
/// shown, even if the server puts it in an error.
public struct SecretRedactor: Sendable {
    /// What replaces a secret.
    public static let mask = "<redacted>"

    private let secrets: [String]

    /// A redactor for the given secrets (empty ones are ignored). The Basic and Bearer forms of
    /// a password are added by the callers that build them.
    public init(_ secrets: [String]) {
        self.secrets = secrets.filter { !$0.isEmpty }.sorted { $0.count > $1.count }
    }

    /// `text` with every secret replaced by `mask`.
    public func redact(_ text: String) -> String {
        var out = text
        for secret in secrets where out.contains(secret) {
            out = out.replacingAll(secret, with: SecretRedactor.mask)
        }
        return out
    }
}

extension String {
    /// Every occurrence of `target` replaced (without Foundation).
    fileprivate func replacingAll(_ target: String, with replacement: String) -> String {
        var out = ""
        var rest = Substring(self)
        while let range = rest.range(of: target) {
            out += rest[..<range.lowerBound]
            out += replacement
            rest = rest[range.upperBound...]
        }
        return out + rest
    }
}
