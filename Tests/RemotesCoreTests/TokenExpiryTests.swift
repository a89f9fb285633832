import Foundation
import RemotesCore
import Testing

/// JWT `exp`/`iat` claims read for display, and the words and dates made from them.
@Suite("Token expiry")
struct TokenExpiryTests {
    /// A JWT with these claims (the signature is not checked, so any text does).
    static func jwt(_ claims: String, header: String = #"{"alg":"RS256","typ":"JWT"}"#) -> String {
        func part(_ text: String) -> String {
            Data(text.utf8).base64EncodedString().replacingOccurrences(of: "+", with: "-")
                .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
        }
        return part(header) + "." + part(claims) + ".c2lnbmF0dXJl"
    }

    @Test("exp and iat are read from a JWT; fractions are dropped")
    func claims() {
        #expect(
            TokenExpiry(jwt: Self.jwt(#"{"sub":"a","exp":1798549323,"iat":1798000000}"#))
                == TokenExpiry(expires: 1_798_549_323, issuedAt: 1_798_000_000))
        #expect(TokenExpiry(jwt: Self.jwt(#"{"exp":1798549323.75}"#)) == TokenExpiry(expires: 1_798_549_323))
        #expect(TokenExpiry(jwt: Self.jwt(#"{"exp":1.798549323e9}"#))?.expires == 1_798_549_323)
        // Characters that base64url spells differently from base64 (`-`, `_`).
        let odd = Self.jwt(#"{"exp":1798549323,"n":"??>>~~"}"#)
        #expect(odd.contains("-") || odd.contains("_"))
        #expect(TokenExpiry(jwt: odd)?.expires == 1_798_549_323)
    }

    @Test(
        "tokens that are not JWTs with a usable exp have no expiry",
        arguments: [
            "opaque-token-without-dots", "a.b", "a.b.c.d.e", Self.jwt(#"{"sub":"a"}"#), Self.jwt(#"{"exp":"soon"}"#),
            Self.jwt(#"[1,2]"#), Self.jwt(#"{"exp":-5}"#), Self.jwt(#"{"exp":1e300}"#), "eyJ.!!!.sig",
            Self.jwt(#"{"exp":253402300800}"#),
        ])
    func noExpiry(_ token: String) {
        #expect(TokenExpiry(jwt: token) == nil)
    }

    @Test("dates are UTC: the day and RFC 3339")
    func dates() {
        #expect(TokenExpiry(expires: 1).rfc3339 == "1970-01-01T00:00:01Z")
        #expect(TokenExpiry(expires: 951_782_400).day == "2000-02-29")
        #expect(TokenExpiry(expires: 1_798_549_323).rfc3339 == "2026-12-29T13:02:03Z")
        #expect(TokenExpiry(expires: 253_402_300_799).rfc3339 == "9999-12-31T23:59:59Z")
    }

    @Test("the phrase counts whole days, hours or minutes, before and after expiry")
    func phrases() {
        let exp: Int64 = 1_798_502_400  // 2026-12-29T00:00:00Z
        let expiry = TokenExpiry(expires: exp)
        #expect(expiry.phrase(now: exp - 33 * 86_400) == "expires 2026-12-29 (in 33 days)")
        #expect(expiry.phrase(now: exp - 86_400 - 5) == "expires 2026-12-29 (in 1 day)")
        #expect(expiry.phrase(now: exp - 5 * 3_600 - 59) == "expires 2026-12-29 (in 5 hours)")
        #expect(expiry.phrase(now: exp - 30) == "expires 2026-12-29 (in 1 minute)")
        #expect(expiry.phrase(now: exp) == "expired 2026-12-29 (1 minute ago)")
        #expect(expiry.phrase(now: exp + 3 * 86_400 + 10) == "expired 2026-12-29 (3 days ago)")
        #expect(expiry.shortForm(now: exp - 12 * 86_400 - 1) == "12d")
        #expect(expiry.shortForm(now: exp - 7_200) == "2h")
        #expect(expiry.shortForm(now: exp - 60) == "1m")
        #expect(expiry.shortForm(now: exp + 1) == "expired")
    }

    @Test("a warning is due under 7 days and after expiry")
    func warnings() {
        let expiry = TokenExpiry(expires: 1_000_000_000)
        #expect(!expiry.needsWarning(now: 1_000_000_000 - 7 * 86_400))
        #expect(expiry.needsWarning(now: 1_000_000_000 - 7 * 86_400 + 1))
        #expect(expiry.needsWarning(now: 1_000_000_001))
        #expect(!expiry.isExpired(now: 999_999_999))
        #expect(expiry.isExpired(now: 1_000_000_000))
    }

    @Test("ConfigOverview shows a remote's token expiry, and none for an opaque token or no token")
    func overview() throws {
        let token = Self.jwt(#"{"exp":1798549323}"#)
        let text = """
            Active: a
            Remotes:
                a:
                    URI: a.example.com
                    Token: \(token)
                b:
                    URI: b.example.com
                    Token: opaque
                c:
                    URI: c.example.com

            """
        let sandbox = Sandbox()
        sandbox.write(sandbox.userFile, text)
        let state = try sandbox.store(root: false).load()
        let overview = ConfigOverview(state: state, builtinKeyserver: { _ in nil })
        let rows = overview.remotes.filter { ["a", "b", "c"].contains($0.name) }
        #expect(rows.map(\.tokenExpiry) == [TokenExpiry(expires: 1_798_549_323), nil, nil])
        #expect(!overview.storesKnown)
    }
}
