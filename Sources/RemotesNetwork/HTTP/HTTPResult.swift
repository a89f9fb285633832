/// A response: status, headers (names lowercased) and the whole body.
public struct HTTPResult: Sendable {
    /// Status code.
    public var status: Int
    /// Headers in order, names lowercased.
    public var headers: [(name: String, value: String)]
    /// The body, at most `HTTPSettings.maxResponseBytes`.
    public var body: [UInt8]
    /// The URL that answered (after redirects).
    public var url: String

    /// The first value of a header (name compared case-insensitively).
    public func header(_ name: String) -> String? {
        let lower = name.lowercased()
        return headers.first { $0.name == lower }?.value
    }

    /// All values of a header.
    public func headers(_ name: String) -> [String] {
        let lower = name.lowercased()
        return headers.filter { $0.name == lower }.map(\.value)
    }

    /// The reason phrase Go prints after a status code ("404 Not Found").
    public var statusText: String { HTTPResult.statusText(status) }

    /// "404 Not Found" for 404.
    public static func statusText(_ code: Int) -> String {
        let reason: String
        switch code {
        case 200: reason = "OK"
        case 201: reason = "Created"
        case 204: reason = "No Content"
        case 301: reason = "Moved Permanently"
        case 302: reason = "Found"
        case 303: reason = "See Other"
        case 307: reason = "Temporary Redirect"
        case 308: reason = "Permanent Redirect"
        case 400: reason = "Bad Request"
        case 401: reason = "Unauthorized"
        case 403: reason = "Forbidden"
        case 404: reason = "Not Found"
        case 405: reason = "Method Not Allowed"
        case 429: reason = "Too Many Requests"
        case 500: reason = "Internal Server Error"
        case 502: reason = "Bad Gateway"
        case 503: reason = "Service Unavailable"
        case 504: reason = "Gateway Timeout"
        default: reason = ""
        }
        return reason.isEmpty ? "\(code)" : "\(code) \(reason)"
    }
}
