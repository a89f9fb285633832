import RemotesCore
import Testing

/// What the overview tells about rows beyond the files' own fields: whether a keyserver is
/// really secure, a keyserver login's user, an endpoint's base URL.
@Suite struct ConfigOverviewTests {
    private func overview(_ yaml: String) throws -> ConfigOverview {
        let sandbox = Sandbox()
        sandbox.write(sandbox.userFile, yaml)
        let store = sandbox.store(root: false)
        return ConfigOverview(state: try store.load(), builtinKeyserver: store.builtinKeyserver, lookUp: .everyRemote)
    }

    @Test func aKeyserverOverPlainHTTPIsNotSecureWhateverInsecureSays() throws {
        let view = try overview(
            """
            Active: lab
            Remotes:
                lab:
                    URI: lab.example.org
                    Keyservers:
                        - URI: http://plain.example.org
                          External: true
                        - URI: hkp://pool.example.org
                          External: true
                        - URI: https://tls.example.org
                          External: true
                        - URI: https://unchecked.example.org
                          External: true
                          Insecure: true

            """)
        let rows = view.keyservers(of: "lab")
        #expect(rows.map(\.isPlainHTTP) == [true, true, false, false])
        #expect(rows.map(\.isSecure) == [false, false, true, false])
        #expect(view.remotes.first { $0.name == "lab" }?.baseURL == "https://lab.example.org")
    }

    @Test func aKeyserverLoginTellsItsUserButNeverItsPassword() throws {
        let basic = AuthorizationHeader.basic(username: "carol", password: "s3cret")
        let view = try overview(
            """
            Active: ""
            Remotes: {}
            Credentials:
                - URI: https://keys.example.org
                  Auth: \(basic)
                - URI: https://token.example.org
                  Auth: Bearer abc
                - URI: docker://registry.example.org

            """)
        #expect(view.logins.map(\.username) == ["carol", nil, nil])
        #expect(view.logins.map(\.authScheme) == ["Basic", "Bearer", nil])
    }
}
