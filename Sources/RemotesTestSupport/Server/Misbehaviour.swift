/// A way for the test server to answer badly on purpose.
public enum Misbehaviour: Sendable {
    /// Answers with this status and body (text/plain, or application/json when it looks like JSON).
    case status(Int, body: String = "")
    /// Answers with this status, extra headers and body.
    case custom(status: Int, headers: [String: String], body: String)
    /// Answers 200 with a JSON content type and a body that is not valid JSON.
    case invalidJSON
    /// Answers 200 with a body of this many bytes, streamed without holding it in memory.
    case hugeBody(bytes: Int)
    /// Reads the request and never answers; the connection stays open until the server stops.
    case neverAnswer
    /// Answers as usual, but waits `headerDelay` before the headers, then (when `trickleInterval` is
    /// set) sends the body `chunkSize` bytes at a time with that interval between the pieces.
    case slow(headerDelay: Duration, trickleInterval: Duration? = nil, chunkSize: Int = 1)
    /// Answers with a redirect (301, 302, 307, 308 …) to `location`.
    case redirect(status: Int = 302, location: String)
    /// Closes the connection without answering.
    case closeConnection
}
