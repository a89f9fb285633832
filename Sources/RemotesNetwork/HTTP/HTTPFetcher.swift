import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import NIOSSL
import RemotesCore

/// Makes GET requests for the network layer: TLS verified against the system roots plus an
/// optional extra CA bundle (or, for `--insecure`, not verified for the one host it was given
/// for), connect and total timeouts, a body size cap, `User-Agent: remotes/<version>`, and
/// redirects followed by hand so that https never falls back to http and credentials never go
/// to another host.
///
/// Requests are cancelled with their task. Call `shutdown()` when done.
public final class HTTPFetcher: Sendable {
    /// The settings every request uses.
    public let settings: HTTPSettings
    private let clients = Locked<(verified: HTTPClient?, unverified: HTTPClient?)>((nil, nil))
    private let verifiedTLS: TLSConfiguration

    /// Redirects followed at most.
    static let maxRedirects = 5

    /// Prepares a fetcher; fails when the extra CA bundle cannot be read.
    public init(settings: HTTPSettings = HTTPSettings()) throws(RemotesError) {
        self.settings = settings
        var tls = TLSConfiguration.makeClientConfiguration()
        tls.minimumTLSVersion = .tlsv12
        if let file = settings.extraCAFile {
            // Checked here, parsed by TLS only when an https connection needs it: parsing a
            // system-sized bundle costs milliseconds that a plain-http request should not pay.
            // The first certificate must begin within the first 64 KiB (comments may precede it).
            guard let start = FileSystem.readPrefix(file, maxBytes: 64 << 10) else {
                throw .badFile("could not read the CA bundle \(file): it is missing or not PEM certificates")
            }
            guard String(decoding: start, as: UTF8.self).contains("-----BEGIN CERTIFICATE-----") else {
                throw .badFile("the CA bundle \(file) holds no certificate")
            }
            tls.additionalTrustRoots = [.file(file)]
        }
        verifiedTLS = tls
    }

    /// Closes the connections. Safe to call more than once.
    public func shutdown() async {
        let (a, b) = clients.withLock { state in
            let taken = state
            state = (nil, nil)
            return taken
        }
        try? await a?.shutdown()
        try? await b?.shutdown()
    }

    private func client(verifyTLS: Bool) -> HTTPClient {
        clients.withLock { state in
            if verifyTLS, let c = state.verified { return c }
            if !verifyTLS, let c = state.unverified { return c }
            var tls = verifiedTLS
            if !verifyTLS { tls.certificateVerification = .none }
            var configuration = HTTPClient.Configuration(
                tlsConfiguration: tls, redirectConfiguration: .disallow,
                timeout: .init(connect: .init(settings.connectTimeout), read: .init(settings.totalTimeout)))
            configuration.decompression = .disabled
            // `localhost` is 127.0.0.1, never a question for the resolver; TLS still checks the
            // certificate for the name `localhost` (sent as SNI), as `curl --resolve` does.
            configuration.dnsOverride = ["localhost": LoopbackHost.localhostAddress]
            configuration.httpVersion = .http1Only
            configuration.connectionPool.concurrentHTTP1ConnectionsPerHostSoftLimit = max(
                1, settings.maxConnectionsPerHost)
            // Fail at once when a connection cannot be made (refused, TLS refused) instead of
            // retrying with backoff until the connect timeout and then reporting a timeout.
            configuration.connectionPool.retryConnectionEstablishment = false
            let c = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
            if verifyTLS { state.verified = c } else { state.unverified = c }
            return c
        }
    }

    /// GETs `url` with `headers`. With `insecureHost` (a registry or keyserver marked insecure),
    /// https certificates are not checked for that host, at any port and on every redirect hop;
    /// every other host, a token realm or a redirect target elsewhere, is verified as always.
    /// Throws a `RemotesError` whose message says what happened in the user's terms.
    public func get(_ url: String, headers: [(String, String)] = [], insecureHost: String? = nil)
        async throws(RemotesError) -> HTTPResult
    {
        let total = settings.totalTimeout
        let insecure = insecureHost.map { URLHost.name(ofAuthority: $0) }
        do {
            let outcome = await Deadline.race(total) {
                try await self.follow(url, headers: headers, insecureHost: insecure)
            }
            switch outcome {
            case .finished(let result):
                return try result.get()
            case .timedOut:
                throw RemotesError(
                    .unavailable,
                    "error making request to server: no complete answer from \(HTTPFetcher.hostPart(url)) within \(HTTPSettings.describe(total))"
                )
            case .cancelled:
                throw CancellationError()
            }
        } catch let error as RemotesError {
            throw error
        } catch {
            if URLHost.name(of: url) != insecure, String(describing: error).contains("CERTIFICATE_VERIFY_FAILED"),
                let endpoint = CertificateDiagnosis.endpoint(of: url),
                let problem = await CertificateDiagnosis.dateProblem(
                    host: endpoint.host, port: endpoint.port, timeout: settings.connectTimeout)
            {
                throw RemotesError(
                    .failed, "error making request to server: TLS with \(HTTPFetcher.hostPart(url)) failed: \(problem)")
            }
            throw HTTPFetcher.describe(error, url: url, settings: settings)
        }
    }

    private func follow(_ start: String, headers: [(String, String)], insecureHost: String?) async throws
        -> HTTPResult
    {
        var url = start
        var headers = headers
        for _ in 0...HTTPFetcher.maxRedirects {
            let result: HTTPResult
            do {
                result = try await once(url, headers: headers, verifyTLS: URLHost.name(of: url) != insecureHost)
            } catch let error as RemotesError {
                throw error
            } catch {
                // After a redirect, a failure is named after the server that failed, not the first.
                if url == start { throw error }
                throw HTTPFetcher.describe(error, url: url, settings: settings)
            }
            guard [301, 302, 303, 307, 308].contains(result.status), let location = result.header("location") else {
                return result
            }
            guard let next = URL(string: location, relativeTo: URL(string: url))?.absoluteString else {
                throw RemotesError(
                    .failed, "error response from server: redirect to an invalid location \"\(location)\"")
            }
            let fromScheme = url.prefix { $0 != ":" }.lowercased()
            let toScheme = next.prefix { $0 != ":" }.lowercased()
            guard toScheme == "https" || (toScheme == "http" && fromScheme == "http") else {
                throw RemotesError(
                    .failed,
                    "refusing to follow a redirect from \(url) to \(next): \(fromScheme == "https" ? "https must not fall back to http" : "unsupported scheme")"
                )
            }
            if HTTPFetcher.hostPart(next).lowercased() != HTTPFetcher.hostPart(url).lowercased() {
                headers.removeAll { $0.0.lowercased() == "authorization" }
            }
            url = next
        }
        throw RemotesError(
            .failed, "error making request to server: more than \(HTTPFetcher.maxRedirects) redirects from \(start)")
    }

    private func once(_ url: String, headers: [(String, String)], verifyTLS: Bool) async throws -> HTTPResult {
        let url = URLHost.withCanonicalLocalhost(url)
        var request = HTTPClientRequest(url: url)
        request.method = .GET
        request.headers.add(name: "User-Agent", value: settings.userAgent)
        request.headers.add(name: "Accept", value: "application/json, */*")
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        let started = ContinuousClock.now
        let response: HTTPClientResponse
        var body: ByteBuffer
        do {
            response = try await client(verifyTLS: verifyTLS).execute(request, timeout: .init(settings.totalTimeout))
            body = try await response.body.collect(upTo: settings.maxResponseBytes)
        } catch {
            settings.logger.debug("GET \(url) failed after \(Self.milliseconds(since: started)) ms")
            throw error
        }
        let bytes = body.readBytes(length: body.readableBytes) ?? []
        settings.logger.debug(
            "GET \(url) -> \(response.status.code), \(bytes.count) bytes in \(Self.milliseconds(since: started)) ms")
        return HTTPResult(
            status: Int(response.status.code),
            headers: response.headers.map { (name: $0.name.lowercased(), value: $0.value) }, body: bytes, url: url)
    }

    private static func milliseconds(since start: ContinuousClock.Instant) -> Int {
        let elapsed = ContinuousClock.now - start
        return Int(elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000)
    }

    /// `host[:port]` of a URL, for messages.
    static func hostPart(_ url: String) -> String {
        var rest = Substring(url)
        if let range = rest.range(of: "://") { rest = rest[range.upperBound...] }
        return String(rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" })
    }

    /// A transport error in words: refused, timed out, TLS, too large.
    static func describe(_ error: Error, url: String, settings: HTTPSettings) -> RemotesError {
        let host = hostPart(url)
        if error is CancellationError { return RemotesError(.failed, "cancelled") }
        if error is NIOTooManyBytesError {
            return RemotesError(
                .failed, "the answer from \(url) is larger than the limit of \(settings.maxResponseBytes) bytes")
        }
        if let error = error as? HTTPClientError {
            switch error {
            case .connectTimeout:
                return RemotesError(
                    .unavailable,
                    "error making request to server: could not connect to \(host) within \(HTTPSettings.describe(settings.connectTimeout))"
                )
            case .deadlineExceeded, .readTimeout:
                return RemotesError(
                    .unavailable,
                    "error making request to server: no complete answer from \(host) within \(HTTPSettings.describe(settings.totalTimeout))"
                )
            case .remoteConnectionClosed:
                return RemotesError(
                    .unavailable, "error making request to server: \(host) closed the connection without an answer")
            case .cancelled:
                return RemotesError(.failed, "cancelled")
            case .invalidURL, .emptyHost, .emptyScheme:
                return RemotesError(.usage, "invalid URL \(url)")
            default:
                break
            }
        }
        let text = String(describing: error)
        if error is NIOSSLError || error is NIOSSLExtraError || text.contains("CERTIFICATE_VERIFY_FAILED")
            || text.contains("handshakeFailed")
        {
            return RemotesError(.failed, "error making request to server: TLS with \(host) failed: \(tlsReason(text))")
        }
        if text.contains("connectionRefused") || text.contains("Connection refused") || text.contains("errno: 111") {
            return RemotesError(.unavailable, "error making request to server: connection to \(host) refused")
        }
        if text.contains("NXDOMAIN") || text.contains("dnsAError") || text.contains("Name or service not known") {
            return RemotesError(.unavailable, "error making request to server: cannot resolve \(host)")
        }
        if text.contains("connectTimeout") {
            return RemotesError(
                .unavailable,
                "error making request to server: could not connect to \(host) within \(HTTPSettings.describe(settings.connectTimeout))"
            )
        }
        return RemotesError(.unavailable, "error making request to server: \(text)")
    }

    private static func tlsReason(_ text: String) -> String {
        if text.contains("certificate has expired")
            || text.contains("CERTIFICATE_VERIFY_FAILED") && text.contains("expired")
        {
            return "the server's certificate has expired"
        }
        if text.contains("failedToValidateHostname") || text.contains("hostname") {
            return "the server's certificate is not valid for this host name"
        }
        if text.contains("CERTIFICATE_VERIFY_FAILED") {
            return "the server's certificate is not trusted (add its CA with --ca-file or SSL_CERT_FILE)"
        }
        if text.contains("WRONG_VERSION_NUMBER") {
            return "the server does not speak TLS on this port"
        }
        return text
    }
}
