/// One challenge of a `WWW-Authenticate` header (RFC 9110 §11.6.1): a scheme with either
/// parameters (`Bearer realm="…",service="…"`) or a token68 (`Negotiate YWJj==`).
public struct AuthChallenge: Sendable, Equatable {
    /// The scheme, lowercased (`basic`, `bearer`).
    public var scheme: String
    /// The parameters by lowercased name, values unquoted and unescaped. Of duplicates, the
    /// first wins.
    public var parameters: [String: String]
    /// The token68 form, when the challenge carries one instead of parameters.
    public var token68: String?

    /// Makes a challenge; `scheme` and the parameter names are lowercased.
    public init(scheme: String, parameters: [String: String] = [:], token68: String? = nil) {
        self.scheme = scheme.lowercased()
        self.parameters = Dictionary(parameters.map { ($0.key.lowercased(), $0.value) }) { first, _ in first }
        self.token68 = token68
    }

    /// The value of a parameter (name compared case-insensitively).
    public subscript(_ name: String) -> String? { parameters[name.lowercased()] }

    /// True for `Bearer` (any case).
    public var isBearer: Bool { scheme == "bearer" }

    /// True for `Basic` (any case).
    public var isBasic: Bool { scheme == "basic" }
}
