import RemotesCore
import RemotesJSON

/// Checks a user name and password with an OCI registry before a login is stored, the way
/// docker and go-containerregistry log in, but stricter than Apptainer (which accepts anything
/// from a Basic registry):
///
/// 1. `GET /v2/` without credentials, over https, verified. A loopback registry, or any with
///    `insecure`, may answer over plain http instead (tried first, see `ping`); `insecure` also
///    skips TLS verification, for the registry's own host only.
/// 2. `200`: the registry does not ask for credentials (`.anonymous`, the caller warns).
/// 3. `401` with a `Bearer` challenge: `GET <realm>?service=<service>` (no scope) with HTTP
///    Basic; only a 200 carrying a `token` or `access_token` accepts the credentials. A realm on
///    another host is verified even with `insecure`; plain http is allowed only as `RealmPolicy`
///    says (realm and registry both loopback, or the realm on the insecure registry's host).
/// 4. `401` with a `Basic` challenge: `GET /v2/` again with HTTP Basic; only a 200 accepts them.
/// 5. Anything else is an error saying what the registry answered.
public struct RegistryCredentialCheck: Sendable {
    /// Makes the requests.
    public let fetcher: HTTPFetcher

    /// A check that uses `fetcher`.
    public init(fetcher: HTTPFetcher) {
        self.fetcher = fetcher
    }

    /// Checks `username`/`password` with `registry`. Throws a `RemotesError` whose message says
    /// what the registry (or its token server) answered; the message never holds the password.
    public func verify(_ registry: RegistryAddress, username: String, password: String, insecure: Bool)
        async throws(RemotesError) -> RegistryVerification
    {
        let basic = AuthorizationHeader.basic(username: username, password: password)
        let redactor = SecretRedactor([
            password, AuthorizationHeader.basicToken(username: username, password: password),
        ])
        let (base, ping) = try await self.ping(registry, insecure: insecure)
        let pingURL = base + "/v2/"
        switch ping.status {
        case 200:
            return RegistryVerification(method: .anonymous, baseURL: base)
        case 401:
            let challenges = WWWAuthenticateParser.parse(ping.headers("www-authenticate"))
            if let bearer = challenges.first(where: \.isBearer) {
                let realm = try await fetchToken(
                    bearer, registry: registry, authorization: basic, insecure: insecure, redactor: redactor)
                return RegistryVerification(method: .bearerToken(realm: realm), baseURL: base)
            }
            guard challenges.contains(where: \.isBasic) else {
                let offered = challenges.isEmpty ? "no challenge" : challenges.map(\.scheme).joined(separator: ", ")
                throw .failed(
                    "the registry answered 401 Unauthorized to GET \(pingURL) without a Basic or Bearer challenge (\(offered))"
                )
            }
            let answer = try await fetcher.get(
                pingURL, headers: [("Authorization", basic)], insecureHost: insecure ? registry.apiHostname : nil)
            guard answer.status == 200 else {
                let what = ServerAnswer.describe(answer, redactor: redactor)
                if answer.status == 401 || answer.status == 403 {
                    throw .failed("\(RegistryCredentialCheck.registryRejected): GET \(pingURL) answered \(what)")
                }
                throw RemotesError(
                    answer.status >= 500 ? .unavailable : .failed,
                    "GET \(pingURL) with the credentials answered \(what)")
            }
            return RegistryVerification(method: .basic, baseURL: base)
        default:
            let what = ServerAnswer.describe(ping, redactor: redactor)
            throw RemotesError(
                ping.status >= 500 ? .unavailable : .failed,
                "GET \(pingURL) answered \(what), not a registry's 200 or 401")
        }
    }

    /// `GET /v2/` without credentials. Returns the base URL that answered (after redirects) and
    /// the answer.
    ///
    /// A registry that may be reached over http (loopback, or `insecure`) is asked over http
    /// first: a TLS server refuses a plain request at once, whereas a plain server may sit on a
    /// TLS handshake until the connect timeout. When http fails, or gets the 400 with which a
    /// TLS server answers plain HTTP, https is tried next. One port speaks one of the two, so
    /// this never prefers http over an https that the same port offers.
    private func ping(_ registry: RegistryAddress, insecure: Bool) async throws(RemotesError) -> (String, HTTPResult) {
        let https = "https://\(registry.apiAuthority)/v2/"
        guard insecure || registry.isLoopback else {
            let answer = try await fetcher.get(https)
            return (RegistryCredentialCheck.base(of: answer.url), answer)
        }
        let plain: Result<HTTPResult, RemotesError>
        do {
            let answer = try await fetcher.get("http://\(registry.apiAuthority)/v2/")
            // Any answer but 400 shows that the port speaks plain HTTP, so TLS cannot work there;
            // 400 is how a TLS server (Go's) answers a plain request.
            if answer.status != 400 { return (RegistryCredentialCheck.base(of: answer.url), answer) }
            plain = .success(answer)
        } catch {
            if Task.isCancelled { throw error }
            plain = .failure(error)
        }
        do {
            let answer = try await fetcher.get(https, insecureHost: insecure ? registry.apiHostname : nil)
            return (RegistryCredentialCheck.base(of: answer.url), answer)
        } catch {
            if Task.isCancelled { throw error }
            switch plain {
            case .success(let answer):
                // http got a 400. A refused certificate or redirect explains more (a TLS port
                // says 400 to plain HTTP); otherwise a plain server answered 400.
                if RegistryCredentialCheck.isCertificateFailure(error)
                    || RegistryCredentialCheck.isRefusedRedirect(error)
                {
                    throw error
                }
                return (RegistryCredentialCheck.base(of: answer.url), answer)
            case .failure(let failure):
                // Both failed. A TLS port closes a plain request, so the https failure (a timeout,
                // a redirect to http, a body too large) is the one that explains, unless the port
                // does not speak TLS at all.
                throw error.message.contains("does not speak TLS") ? failure : error
            }
        }
    }

    /// The words that start the error of a refused credential (401 or 403 from `/v2/`).
    public static let registryRejected = "the registry rejected the credentials"
    /// The words that start the error of a credential the token server refused (401 or 403).
    public static let tokenServerRejected = "the token server rejected the credentials"

    /// True when `error` (from `verify`) says the registry or its token server refused the
    /// credentials, rather than that it could not be asked.
    public static func isRejection(_ error: RemotesError) -> Bool {
        error.message.hasPrefix(registryRejected) || error.message.hasPrefix(tokenServerRejected)
    }

    /// `scheme://authority` of a URL.
    static func base(of url: String) -> String {
        guard let range = url.range(of: "://") else { return url }
        let authority = url[range.upperBound...].prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        return String(url[..<range.upperBound] + authority)
    }

    /// True when https reached a TLS server whose certificate was refused (as `HTTPFetcher`
    /// words it), rather than a server that does not speak TLS at all.
    static func isCertificateFailure(_ error: RemotesError) -> Bool {
        error.message.contains("TLS with") && error.message.contains("certificate")
    }

    /// True when https got an answer whose redirect to plain http was refused.
    static func isRefusedRedirect(_ error: RemotesError) -> Bool {
        error.message.contains("https must not fall back to http")
    }

    /// Gets a token from the realm of a Bearer challenge with Basic credentials; returns the realm.
    private func fetchToken(
        _ challenge: AuthChallenge, registry: RegistryAddress, authorization: String, insecure: Bool,
        redactor: SecretRedactor
    ) async throws(RemotesError) -> String {
        guard let realm = challenge["realm"], let realmURL = RealmURL(realm) else {
            throw .failed(
                "the registry's Bearer challenge names no usable token server (realm \(challenge["realm"].map { "\"\($0)\"" } ?? "missing"))"
            )
        }
        try RealmPolicy.check(
            realm: realm, scheme: realmURL.scheme, host: realmURL.hostname, registryHost: registry.apiHostname,
            insecure: insecure)
        let insecureHost = insecure ? registry.apiHostname : nil
        var url = realm
        if let service = challenge["service"] {
            url += (realm.contains("?") ? "&" : "?") + "service=" + RealmURL.queryEscaped(service)
        }
        let answer = try await fetcher.get(url, headers: [("Authorization", authorization)], insecureHost: insecureHost)
        guard answer.status == 200 else {
            let what = ServerAnswer.describe(answer, redactor: redactor)
            if answer.status == 401 || answer.status == 403 {
                throw .failed("\(RegistryCredentialCheck.tokenServerRejected): GET \(url) answered \(what)")
            }
            throw RemotesError(
                answer.status >= 500 ? .unavailable : .failed, "the token server answered \(what) to GET \(url)")
        }
        let body = try? JSONParser.parse(answer.body)
        let token = body?["token"]?.stringValue ?? body?["access_token"]?.stringValue ?? ""
        guard !token.isEmpty else {
            throw .failed("the token server answered 200 to GET \(url) but gave no token")
        }
        return realm
    }
}

/// The parts of a token realm URL that decide whether credentials may go there.
private struct RealmURL {
    var scheme: String
    var hostname: String

    init?(_ text: String) {
        guard let range = text.range(of: "://") else { return nil }
        scheme = text[..<range.lowerBound].lowercased()
        guard scheme == "http" || scheme == "https" else { return nil }
        var authority = text[range.upperBound...].prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        if let at = authority.lastIndex(of: "@") { authority = authority[authority.index(after: at)...] }
        guard !authority.isEmpty else { return nil }
        hostname = LoopbackHost.hostname(ofAuthority: String(authority))
    }

    /// Percent-encodes everything but RFC 3986 unreserved characters.
    static func queryEscaped(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                UInt8(ascii: "~"):
                out.append(Character(Unicode.Scalar(byte)))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                out += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return out
    }
}
