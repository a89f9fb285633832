import Foundation

/// One request as the test server saw it.
public struct RecordedRequest: Sendable {
    /// The method, e.g. `GET`.
    public let method: String
    /// The request target: path and query, e.g. `/pks/lookup?op=index&search=x`.
    public let target: String
    /// The header fields in arrival order.
    public let headers: [(name: String, value: String)]
    /// When the request head arrived.
    public let arrival: Date
    /// Numbers the connections of one server from 1; equal numbers mean a reused connection.
    public let connection: Int
    /// True when it came over TLS.
    public let overTLS: Bool

    /// Makes a record from its parts.
    public init(
        method: String,
        target: String,
        headers: [(name: String, value: String)],
        arrival: Date,
        connection: Int,
        overTLS: Bool
    ) {
        self.method = method
        self.target = target
        self.headers = headers
        self.arrival = arrival
        self.connection = connection
        self.overTLS = overTLS
    }

    /// The path without the query.
    public var path: String {
        target.firstIndex(of: "?").map { String(target[..<$0]) } ?? target
    }

    /// The query without `?`, or nil.
    public var query: String? {
        target.firstIndex(of: "?").map { String(target[target.index(after: $0)...]) }
    }

    /// The first value of the header `name` (case-insensitive), or nil.
    public func header(_ name: String) -> String? {
        headers.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
    }

    /// The `Authorization` header, or nil.
    public var authorization: String? { header("Authorization") }
    /// The `User-Agent` header, or nil.
    public var userAgent: String? { header("User-Agent") }
    /// The `Host` header, or nil.
    public var host: String? { header("Host") }
}
