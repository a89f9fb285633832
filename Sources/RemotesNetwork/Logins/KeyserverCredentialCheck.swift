import RemotesCore

/// Checks a keyserver login before it is stored: a GET with the login's `Authorization` header,
/// accepted only on 200, as Apptainer does.
///
/// What is requested: a keyserver URL with a path is requested as given (Apptainer). One without
/// a path (`https://keys.example`, `hkp://keys.example`) gets the HKP statistics request
/// `/pks/lookup?op=stats`, which every HKP server answers and which a keyserver that demands
/// authentication protects; if that operation is not supported (404, 501), the bare URL is
/// requested as Apptainer would. `hkp://h` is `http://h:11371` and `hkps://h` is `https://h`.
///
/// Plain http carries the credentials only to a loopback keyserver or with `insecure`;
/// `insecure` also skips TLS verification, for the keyserver's own host only.
public struct KeyserverCredentialCheck: Sendable {
    /// Makes the requests.
    public let fetcher: HTTPFetcher

    /// A check that uses `fetcher`.
    public init(fetcher: HTTPFetcher) {
        self.fetcher = fetcher
    }

    /// True when `error` (from `verify`) is the keyserver's refusal of the credentials: a 401 or
    /// 403 answer.
    public static func isRejection(_ error: RemotesError) -> Bool {
        error.message.hasPrefix("error response from server: 401")
            || error.message.hasPrefix("error response from server: 403")
    }

    /// The URLs tried for `keyserver`, in order.
    public static func checkURLs(for keyserver: String) -> [String] {
        guard let base = KeyserverAddress.requestURL(keyserver) else { return [] }
        guard let range = base.range(of: "://") else { return [base] }
        let path = base[range.upperBound...].drop { $0 != "/" && $0 != "?" && $0 != "#" }
        guard path.isEmpty || path == "/" else { return [base] }
        let root = path.isEmpty ? base : String(base.dropLast())
        return [root + "/pks/lookup?op=stats", base]
    }

    /// Checks `authorization` (a whole `Authorization` header value) with `keyserver`.
    public func verify(keyserver: String, authorization: String, insecure: Bool, redactor: SecretRedactor)
        async throws(RemotesError)
    {
        guard let address = KeyserverAddress(keyserver) else {
            throw .usage("\(keyserver.prefix { $0 != ":" }) transport is not supported")
        }
        if address.scheme == "http" && !insecure && !LoopbackHost.contains(address.host) {
            throw .failed(
                "refusing to send the credentials over plain http to \(address.host): configure the keyserver as insecure or use --insecure"
            )
        }
        let urls = KeyserverCredentialCheck.checkURLs(for: keyserver)
        for (offset, url) in urls.enumerated() {
            let answer = try await fetcher.get(
                url, headers: [("Authorization", authorization)], insecureHost: insecure ? address.host : nil)
            if answer.status == 200 { return }
            let unsupported = answer.status == 404 || answer.status == 501
            if unsupported && offset < urls.count - 1 { continue }
            throw RemotesError(
                answer.status >= 500 && answer.status != 501 ? .unavailable : .failed,
                "error response from server: \(ServerAnswer.describe(answer, redactor: redactor)) to GET \(url)")
        }
    }
}
