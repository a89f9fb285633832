import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import NIOSSL
import RemotesTestSupport

/// AsyncHTTPClient and curl, set up the way these infrastructure tests need them.
enum TestHTTP {
    /// A response read in full.
    struct Reply {
        let status: Int
        let headers: HTTPHeaders
        let body: String
    }

    /// Runs `body` with a client that trusts `caCertificate` (nil: the system roots), does not
    /// follow redirects and gives up reading after `readTimeout` (stretched under a sanitizer); shuts the client down afterwards.
    static func withClient<T>(
        caCertificate: String? = nil,
        readTimeout: Duration = .seconds(5),
        _ body: (HTTPClient) async throws -> T
    ) async throws -> T {
        var tls = TLSConfiguration.makeClientConfiguration()
        if let caCertificate {
            tls.trustRoots = .certificates(try NIOSSLCertificate.fromPEMFile(caCertificate))
        }
        var configuration = HTTPClient.Configuration(tlsConfiguration: tls)
        configuration.redirectConfiguration = .disallow
        configuration.timeout = HTTPClient.Configuration.Timeout(
            connect: TimeAmount(SanitizerSlack.scaled(.seconds(3))),
            read: TimeAmount(SanitizerSlack.scaled(readTimeout))
        )
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        do {
            let result = try await body(client)
            try await client.shutdown()
            return result
        } catch {
            try? await client.shutdown()
            throw error
        }
    }

    /// GETs `url` with `client` and reads the whole body (`timeout` by default 10 s, stretched by
    /// `SanitizerSlack`).
    static func get(
        _ client: HTTPClient,
        _ url: String,
        headers: [(String, String)] = [],
        timeout: Duration = SanitizerSlack.scaled(.seconds(10))
    ) async throws -> Reply {
        var request = HTTPClientRequest(url: url)
        request.headers.add(contentsOf: headers)
        let response = try await client.execute(request, timeout: TimeAmount(timeout))
        let body = try await response.body.collect(upTo: 16 * 1024 * 1024)
        return Reply(status: Int(response.status.code), headers: response.headers, body: String(buffer: body))
    }

    /// One GET with a fresh client.
    static func get(
        _ url: String,
        headers: [(String, String)] = [],
        caCertificate: String? = nil
    ) async throws -> Reply {
        try await withClient(caCertificate: caCertificate) { client in
            try await get(client, url, headers: headers)
        }
    }

    /// Runs `curl -sS --max-time 10 <arguments>` (10 s stretched by `SanitizerSlack`).
    static func curl(_ arguments: [String]) async throws -> ProcessResult {
        let seconds = 10 * SanitizerSlack.factor
        return try await TestProcess.run(
            "curl", ["-sS", "--max-time", "\(seconds)"] + arguments, timeout: .seconds(2 * seconds))
    }

    /// The JSON object in `text`, or nil.
    static func object(_ text: String) -> [String: Any]? {
        (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any]
    }

    /// `object[first][second]` as a string, or nil.
    static func string(_ object: [String: Any]?, _ first: String, _ second: String) -> String? {
        (object?[first] as? [String: Any])?[second] as? String
    }
}
