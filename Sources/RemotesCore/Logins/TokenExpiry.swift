import Glibc
import RemotesJSON

/// When a stored token says it expires: the `exp` (and `iat`) claims of a JWT, read without
/// checking the signature. For display only: the server still decides whether a token is
/// valid, so an expired-looking token that the server accepts is still reported valid (with a
/// warning), and a token that is not a JWT simply has no expiry.
///
/// Dates are shown in UTC (`2027-01-05`, and RFC 3339 `2027-01-05T12:00:00Z` in JSON), so that
/// the text and the JSON name the same day.
public struct TokenExpiry: Sendable, Equatable, Hashable {
    /// `exp`: seconds since the Unix epoch.
    public var expires: Int64
    /// `iat`, when the token has one.
    public var issuedAt: Int64?

    /// How long before expiry a warning is shown: 7 days.
    public static let warningWindow: Int64 = 7 * 86_400

    /// An expiry at `expires` (seconds since the epoch).
    public init(expires: Int64, issuedAt: Int64? = nil) {
        self.expires = expires
        self.issuedAt = issuedAt
    }

    /// The claims of `token` when it is a signed JWT (three base64url parts) whose payload is a
    /// JSON object with a numeric `exp`; nil otherwise (an opaque token, an encrypted JWT, no
    /// `exp`, or a date before 1970 or after 9999).
    public init?(jwt token: String) {
        let parts = token.utf8.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard parts.count == 3, let payload = Base64URL.decode(parts[1]) else { return nil }
        guard let claims = try? JSONParser.parse(String(decoding: payload, as: UTF8.self)), claims.members != nil,
            let expires = TokenExpiry.seconds(claims["exp"])
        else { return nil }
        self.expires = expires
        issuedAt = TokenExpiry.seconds(claims["iat"])
    }

    /// The current time, in seconds since the epoch.
    public static func now() -> Int64 { Int64(time(nil)) }

    /// True when `exp` is not in the future.
    public func isExpired(now: Int64) -> Bool { expires <= now }

    /// True when the token has expired or expires within `warningWindow`.
    public func needsWarning(now: Int64) -> Bool { expires - now < TokenExpiry.warningWindow }

    /// `2027-01-05T12:00:00Z`.
    public var rfc3339: String { UTCDate(seconds: expires).rfc3339 }

    /// `2027-01-05`.
    public var day: String { UTCDate(seconds: expires).day }

    /// `expires 2027-01-05 (in 33 days)`, or `expired 2026-11-30 (3 days ago)`.
    public func phrase(now: Int64) -> String {
        let left = expires - now
        if left > 0 { return "expires \(day) (in \(TokenExpiry.span(left)))" }
        return "expired \(day) (\(TokenExpiry.span(-left)) ago)"
    }

    /// A short form for narrow cells: `33d`, `5h`, `12m`, or `expired`.
    public func shortForm(now: Int64) -> String {
        let left = expires - now
        if left <= 0 { return "expired" }
        if left >= 86_400 { return "\(left / 86_400)d" }
        if left >= 3_600 { return "\(left / 3_600)h" }
        return "\(max(1, left / 60))m"
    }

    /// `33 days`, `1 day`, `5 hours`, `1 hour`, `12 minutes`, `1 minute` (whole units, rounded down;
    /// at least one minute).
    static func span(_ seconds: Int64) -> String {
        func count(_ n: Int64, _ unit: String) -> String { n == 1 ? "1 \(unit)" : "\(n) \(unit)s" }
        if seconds >= 86_400 { return count(seconds / 86_400, "day") }
        if seconds >= 3_600 { return count(seconds / 3_600, "hour") }
        return count(max(1, seconds / 60), "minute")
    }

    /// A NumericDate claim: a JSON number of seconds (fractions dropped), within years 1970–9999.
    static func seconds(_ value: JSONValue?) -> Int64? {
        guard case .number(let text)? = value else { return nil }
        let whole: Int64?
        if let integer = Int64(text) {
            whole = integer
        } else if let real = Double(text), real.isFinite, abs(real) < 1e15 {
            whole = Int64(real.rounded(.down))
        } else {
            whole = nil
        }
        guard let whole, whole > 0, whole < 253_402_300_800 else { return nil }
        return whole
    }
}

/// Base64url (RFC 4648 §5) without padding, as JWTs use it; standard base64 and padding are
/// accepted too.
enum Base64URL {
    /// The bytes of `text`, nil when it is not base64.
    static func decode<S: Sequence>(_ text: S) -> [UInt8]? where S.Element == UInt8 {
        var out: [UInt8] = []
        var buffer: UInt32 = 0
        var bits = 0
        for byte in text {
            guard byte != UInt8(ascii: "=") else { break }
            guard let value = sextet(byte) else { return nil }
            buffer = (buffer << 6) | UInt32(value)
            bits += 6
            if bits >= 8 {
                bits -= 8
                out.append(UInt8(truncatingIfNeeded: buffer >> UInt32(bits)))
            }
        }
        return bits >= 6 ? nil : out
    }

    private static func sextet(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): return byte - UInt8(ascii: "A")
        case UInt8(ascii: "a")...UInt8(ascii: "z"): return byte - UInt8(ascii: "a") + 26
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0") + 52
        case UInt8(ascii: "-"), UInt8(ascii: "+"): return 62
        case UInt8(ascii: "_"), UInt8(ascii: "/"): return 63
        default: return nil
        }
    }
}

/// A moment in UTC, for the dates we print (no locale, no Foundation).
struct UTCDate {
    var year: Int64
    var month: Int64
    var dayOfMonth: Int64
    var secondOfDay: Int64

    /// The UTC date and time of `seconds` since the epoch (Howard Hinnant's civil-from-days).
    init(seconds: Int64) {
        var days = seconds / 86_400
        var rest = seconds % 86_400
        if rest < 0 {
            rest += 86_400
            days -= 1
        }
        secondOfDay = rest
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shifted = (5 * dayOfYear + 2) / 153
        dayOfMonth = dayOfYear - (153 * shifted + 2) / 5 + 1
        month = shifted < 10 ? shifted + 3 : shifted - 9
        year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    }

    /// `YYYY-MM-DD`.
    var day: String { "\(UTCDate.pad(year, 4))-\(UTCDate.pad(month, 2))-\(UTCDate.pad(dayOfMonth, 2))" }

    /// `YYYY-MM-DDTHH:MM:SSZ`.
    var rfc3339: String {
        let time =
            "\(UTCDate.pad(secondOfDay / 3_600, 2)):\(UTCDate.pad(secondOfDay / 60 % 60, 2)):\(UTCDate.pad(secondOfDay % 60, 2))"
        return "\(day)T\(time)Z"
    }

    private static func pad(_ value: Int64, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }
}
