/// Which request paths (without the query) a misbehaviour applies to.
///
/// When several match, `exact` wins over `suffix`, which wins over `prefix`; among suffixes and
/// prefixes the longest wins.
public enum PathMatch: Sendable, Hashable {
    /// This path only, e.g. `/ep7/library/version`.
    case exact(String)
    /// Every path ending with this, e.g. `/library/version` or `/version`.
    case suffix(String)
    /// Every path starting with this, e.g. `/ep7/`.
    case prefix(String)

    /// True when `path` is matched.
    public func matches(_ path: String) -> Bool {
        switch self {
        case .exact(let value): path == value
        case .suffix(let value): path.hasSuffix(value)
        case .prefix(let value): path.hasPrefix(value)
        }
    }

    /// Higher wins: exact first, then longer suffixes, then longer prefixes.
    var precedence: Int {
        switch self {
        case .exact: Int.max
        case .suffix(let value): 1_000_000 + value.utf8.count
        case .prefix(let value): value.utf8.count
        }
    }
}
