import RemotesCore
import Testing

@testable import RemotesNetwork

@Suite("Server answers in error messages")
struct ServerAnswerTests {
    private func result(_ status: Int, _ body: String) -> HTTPResult {
        HTTPResult(status: status, headers: [], body: Array(body.utf8), url: "http://x/")
    }

    @Test("OCI error lists, token server details and plain text are quoted shortly")
    func details() {
        let none = SecretRedactor([])
        #expect(
            ServerAnswer.describe(
                result(401, #"{"errors":[{"code":"UNAUTHORIZED","message":"authentication required","detail":null}]}"#),
                redactor: none) == "401 Unauthorized (UNAUTHORIZED: authentication required)")
        #expect(
            ServerAnswer.describe(result(401, #"{"details":"invalid credentials"}"#), redactor: none)
                == "401 Unauthorized (invalid credentials)")
        #expect(ServerAnswer.describe(result(403, "go away\nmore"), redactor: none) == "403 Forbidden (go away)")
        #expect(
            ServerAnswer.describe(result(500, "<html><body>x</body></html>"), redactor: none)
                == "500 Internal Server Error")
        #expect(ServerAnswer.describe(result(418, ""), redactor: none) == "418")
        let long = ServerAnswer.describe(result(400, String(repeating: "a", count: 1000)), redactor: none)
        #expect(long.count < 240)
    }

    @Test("a secret echoed by a server is redacted")
    func redaction() {
        let redactor = SecretRedactor(["s3cret", "YWxpY2U6czNjcmV0"])
        let text = ServerAnswer.describe(
            result(401, #"{"details":"bad password s3cret for header Basic YWxpY2U6czNjcmV0"}"#), redactor: redactor)
        #expect(!text.contains("s3cret"))
        #expect(!text.contains("YWxpY2U6czNjcmV0"))
        #expect(text.contains(SecretRedactor.mask))
    }

    @Test("requests and their descriptions never show the password")
    func requestDescription() {
        let request = LoginRequest(uri: "docker://h", username: "alice", password: "s3cret")
        #expect(!"\(request)".contains("s3cret"))
        #expect("\(request)".contains("alice"))
    }

    @Test("keyserver checks go to the HKP statistics when the URL has no path")
    func keyserverURLs() {
        #expect(
            KeyserverCredentialCheck.checkURLs(for: "hkp://k.example") == [
                "http://k.example:11371/pks/lookup?op=stats", "http://k.example:11371",
            ])
        #expect(
            KeyserverCredentialCheck.checkURLs(for: "https://k.example/") == [
                "https://k.example/pks/lookup?op=stats", "https://k.example/",
            ])
        #expect(
            KeyserverCredentialCheck.checkURLs(for: "https://k.example/pks/lookup?op=index&search=x") == [
                "https://k.example/pks/lookup?op=index&search=x"
            ])
    }

    @Test("keyserver logins send Bearer without a username, else Basic")
    func keyserverHeader() {
        #expect(AuthorizationHeader.forKeyserver(username: "", password: "tok") == "Bearer tok")
        #expect(AuthorizationHeader.forKeyserver(username: "alice", password: "s3cret") == "Basic YWxpY2U6czNjcmV0")
        let decoded = AuthorizationHeader.decodeBasicToken("YWxpY2U6czNjOnJldA==")
        #expect(decoded?.username == "alice" && decoded?.password == "s3c:ret")
        #expect(AuthorizationHeader.decodeBasicToken("!!!") == nil)
    }
}
