/// An answer the server has decided on, before it is written to the connection.
struct PlannedResponse {
    /// Where the body bytes come from.
    enum Body {
        /// These bytes.
        case bytes([UInt8])
        /// This many filler bytes, generated while streaming.
        case filler(count: Int)

        var count: Int {
            switch self {
            case .bytes(let bytes): bytes.count
            case .filler(let count): count
            }
        }
    }

    var status: Int
    var headers: [(String, String)]
    var body: Body
    var headerDelay: Duration = .zero
    var trickleInterval: Duration?
    var chunkSize = 1

    init(status: Int, headers: [(String, String)] = [], body: Body) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// A response with a text body and a content type.
    init(status: Int, contentType: String, text: String, headers: [(String, String)] = []) {
        self.init(status: status, headers: [("Content-Type", contentType)] + headers, body: .bytes(Array(text.utf8)))
    }

    /// A JSON response.
    static func json(_ status: Int, _ text: String) -> PlannedResponse {
        PlannedResponse(status: status, contentType: "application/json; charset=utf-8", text: text)
    }

    /// A sylabs json-resp error envelope.
    static func jsonError(_ status: Int, _ message: String) -> PlannedResponse {
        json(status, #"{"error":{"code":\#(status),"message":\#(JSONText.quoted(message))}}"#)
    }
}
