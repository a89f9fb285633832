import Foundation
import RemotesTestSupport
import Testing

/// Endpoint access tokens that are JWTs: `status` and the JSON of `status` and `list` show when
/// they expire, and `status` warns under 7 days and after expiry; the server still decides.
@Suite("Endpoint token expiry")
struct TokenExpiryE2ETests {
    /// A JWT long enough for `--tokenfile` (200 bytes or more) expiring at `exp`.
    static func jwt(exp: Int64, tag: String) -> String {
        func part(_ text: String) -> String {
            Data(text.utf8).base64EncodedString().replacingOccurrences(of: "+", with: "-")
                .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
        }
        let subject = tag + String(repeating: "x", count: 160)
        return part(#"{"alg":"RS256","typ":"JWT"}"#) + "." + part(#"{"sub":"\#(subject)","exp":\#(exp),"iat":1}"#)
            + ".c2lnbmF0dXJl"
    }

    static func day(_ seconds: Int64) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: Date(timeIntervalSince1970: TimeInterval(seconds)))
    }

    static func rfc3339(_ seconds: Int64) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: Date(timeIntervalSince1970: TimeInterval(seconds)))
    }

    @Test("far, near and past exp: the sentence, the warnings, tokenExpires in status and list JSON")
    func expiries() async throws {
        try await EndpointFixture.with { f in
            let now = Int64(Date().timeIntervalSince1970)
            let exps: [(String, Int64)] = [
                ("far", now + 400 * 86_400 + 600), ("near", now + 3 * 86_400 + 600), ("past", now - 2 * 86_400 - 600),
            ]
            let tokens = exps.map { Self.jwt(exp: $0.1, tag: $0.0) }
            // The server accepts all three, the expired one too: it decides, not the claim.
            f.server.configure { $0.validTokens = Set(tokens) }
            for ((name, _), token) in zip(exps, tokens) {
                try await f.addRemote(name, prefix: "/" + name)
                let login = try await f.run("login", ["--tokenfile", try f.tokenFile(name, token), name])
                #expect(login.status == 0, "\(login.stderr)")
            }
            let far = try await f.run("status", ["far"])
            #expect(far.status == 0, "\(far.stderr)")
            #expect(
                far.stdout.hasSuffix(
                    "\nValid authentication token set (logged in), expires \(Self.day(exps[0].1)) (in 400 days).\n"))
            #expect(!far.stderr.contains("WARNING"))

            let near = try await f.run("status", ["near"])
            #expect(near.status == 0)
            #expect(near.stdout.contains("(logged in), expires \(Self.day(exps[1].1)) (in 3 days).\n"))
            #expect(
                near.stderr.contains(
                    "WARNING: The access token of near expires \(Self.day(exps[1].1)) (in 3 days): log in again before then with 'remotes login near'\n"
                ))

            let past = try await f.run("status", ["past"])
            #expect(past.status == 0)
            #expect(past.stdout.contains("(logged in), expired \(Self.day(exps[2].1)) (2 days ago).\n"))
            #expect(
                past.stderr.contains("WARNING: The access token of past expired \(Self.day(exps[2].1)) (2 days ago)"))

            let json = try await f.run("status", ["--all", "--format", "json"])
            let remotes = try #require(LoginExpectations.object(json.stdout)?["remotes"] as? [[String: Any]])
            let expires = Dictionary(
                uniqueKeysWithValues: remotes.map { ($0["name"] as? String ?? "", $0["tokenExpires"]) })
            for (name, exp) in exps { #expect(expires[name] as? String == Self.rfc3339(exp), "\(name)") }

            let list = try await f.run("list", ["--format", "json"])
            let rows = try #require(LoginExpectations.object(list.stdout)?["remotes"] as? [[String: Any]])
            #expect(
                rows.first { $0["name"] as? String == "far" }?["tokenExpires"] as? String == Self.rfc3339(exps[0].1))
            for result in [far, near, past, json, list] {
                for token in tokens { LoginExpectations.noSecret(token, in: result) }
            }
        }
    }

    @Test("a token that is not a JWT has no expiry: the sentence is Apptainer's and tokenExpires is null")
    func opaque() async throws {
        try await EndpointFixture.with { f in
            let token = validLengthToken("opaque")
            f.server.configure { $0.validTokens = [token] }
            try await f.addRemote("lib")
            #expect(try await f.run("login", ["--tokenfile", try f.tokenFile("t", token), "lib"]).status == 0)
            let status = try await f.run("status", ["lib"])
            #expect(status.stdout.hasSuffix("\nValid authentication token set (logged in).\n"))
            let json = try await f.run("status", ["--format", "json", "lib"])
            let remote = try #require((LoginExpectations.object(json.stdout)?["remotes"] as? [[String: Any]])?.first)
            #expect(remote["tokenExpires"] is NSNull)
        }
    }
}
