/// The answer of one service's `/version` (reference §4.3).
public struct ServiceHealth: Sendable, Equatable {
    /// What the check found.
    public enum State: Sendable, Equatable {
        /// 200 with a json-resp `data` object; the version may be empty.
        case ok(version: String)
        /// Anything else: why, in words (`error response from server: 500 Internal Server
        /// Error`, a transport error, `invalid JSON`…).
        case unavailable(reason: String)
        /// Not asked: the service is built in (Apptainer's placeholder endpoint).
        case notChecked(reason: String)
    }

    /// The service name from discovery: `library`, `keyserver`, `token`, `builder`, `consent`…
    public var key: String
    /// The service URI from discovery.
    public var uri: String
    /// The result.
    public var state: State

    /// Makes a result.
    public init(key: String, uri: String, state: State) {
        self.key = key
        self.uri = uri
        self.state = state
    }

    /// The name as Apptainer's table shows it: title-cased (`Keyserver`).
    public var displayName: String { ServiceHealth.title(key) }

    /// True when the service answered with a version.
    public var isOK: Bool {
        if case .ok = state { return true }
        return false
    }

    /// The version when OK, else "".
    public var version: String {
        if case .ok(let version) = state { return version }
        return ""
    }

    /// Why the service is not OK, nil when it is.
    public var problem: String? {
        switch state {
        case .ok: return nil
        case .unavailable(let reason), .notChecked(let reason): return reason
        }
    }

    /// Title case as Go's `cases.Title`: the first letter of each word upper case, the rest lower.
    static func title(_ text: String) -> String {
        var out = ""
        var startOfWord = true
        for character in text {
            if character.isLetter || character.isNumber {
                out += startOfWord ? character.uppercased() : character.lowercased()
                startOfWord = false
            } else {
                out.append(character)
                startOfWord = true
            }
        }
        return out
    }
}
