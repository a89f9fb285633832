import Testing

@testable import RemotesCore

/// Each request's one `validate()`: every field's error, in field order, with the texts the
/// command line prints (the UI shows the same texts next to its fields).
struct RequestValidationTests {
    @Test("add remote: name and URI are both checked, name first")
    func addRemote() {
        let both = AddRemoteRequest(name: " x", uri: "docker://h", insecure: false).validate()
        #expect(both.map(\.field) == [.name, .uri])
        #expect(AddRemoteRequest(name: "lab", uri: "lab.example.org", insecure: false).validate().isEmpty)
        let uri = AddRemoteRequest(name: "lab", uri: "ftp://h", insecure: false).validate()
        #expect(uri.map(\.field) == [.uri])
    }

    @Test("add keyserver: URL and order")
    func addKeyserver() {
        let errors = AddKeyserverRequest(url: "ftp://k", order: 0).validate()
        #expect(errors.map(\.field) == [.keyserverURL, .order])
        #expect(errors.last?.error == .usage("order must be > 0"))
        #expect(AddKeyserverRequest(url: "https://k.example.org", order: nil).validate().isEmpty)
    }

    @Test("access token: empty, spaces")
    func token() {
        #expect(
            AccessTokenRequest(token: "", source: "the Access Token field").validate()
                == [FieldError(.token, .usage("the Access Token field holds no token"))])
        #expect(AccessTokenRequest(token: "a b", source: "x").validate().map(\.field) == [.token])
        #expect(AccessTokenRequest(token: "abc", source: "x").validate().isEmpty)
    }

    @Test("login: URI kind, registry user name, password; every error at once")
    func login() {
        let registry = LoginRequest(uri: "docker://r.example.org", username: "", password: "").validate()
        #expect(
            registry == [
                FieldError(.username, .usage("Docker/OCI registry requires a username")),
                FieldError(.password, .usage("a password is required")),
            ])
        #expect(LoginRequest(uri: "", username: "u", password: "p").validate().map(\.field) == [.uri])
        #expect(
            LoginRequest(uri: "ftp://h", username: "u", password: "p").validate()
                == [FieldError(.uri, .usage("ftp transport is not supported"))])
        #expect(LoginRequest(uri: "https://keys.example.org", username: "", password: "p").validate().isEmpty)
        #expect(LoginRequest(uri: "docker://r.example.org/path", username: "u", password: "p").validate().count == 1)
    }

    @Test("login: an empty --username is refused with the hint to quote $, for registries and keyservers alike")
    func emptyUsernameGiven() {
        let hint = FieldError(.username, .usage(LoginRequest.emptyUsernameMessage))
        #expect(LoginRequest.emptyUsernameMessage.contains("-u '$oauthtoken'"))
        #expect(
            LoginRequest(uri: "docker://r.example.org", username: "", password: "p", usernameGiven: true).validate()
                == [hint])
        #expect(
            LoginRequest(uri: "https://keys.example.org", username: "", password: "p", usernameGiven: true).validate()
                == [hint])
        // Left out, a keyserver login sends the password as a Bearer token, as before.
        #expect(LoginRequest(uri: "https://keys.example.org", username: "", password: "p").validate().isEmpty)
        #expect(
            LoginRequest(uri: "docker://r.example.org", username: "$x", password: "p", usernameGiven: true).validate()
                .isEmpty)
    }
}
