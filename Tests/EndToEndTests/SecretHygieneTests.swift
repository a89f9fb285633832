import Foundation
import RemotesTestSupport
import Testing

/// Every command form, run with known, distinctive secrets: no stdout or stderr holds a secret,
/// its base64 form or an `Authorization` value made from it; and the files that do hold secrets
/// have the modes the README promises (user files 0600 in 0700 folders).
@Suite("Secret hygiene")
struct SecretHygieneTests {
    /// The outputs of every run, and the secrets none of them may show.
    final class Transcript: @unchecked Sendable {
        private let lock = NSLock()
        private var entries: [(String, ProcessResult)] = []
        private var secrets: [String] = []

        /// Adds a secret and the forms it travels in: base64 of `user:secret`, `Basic …`, `Bearer …`.
        func secret(_ value: String, username: String? = nil) {
            var forms = [value, "Bearer \(value)"]
            if let username {
                let basic = Data("\(username):\(value)".utf8).base64EncodedString()
                forms += [basic, "Basic \(basic)"]
            }
            lock.withLock { secrets += forms }
        }

        func record(_ what: String, _ result: ProcessResult) {
            lock.withLock { entries.append((what, result)) }
        }

        var count: Int { lock.withLock { entries.count } }

        /// Every (run, stream, secret) where a secret shows.
        var leaks: [String] {
            lock.withLock {
                var found: [String] = []
                for (what, result) in entries {
                    for secret in secrets {
                        if result.stdout.contains(secret) { found.append("\(what): stdout shows \(secret)") }
                        if result.stderr.contains(secret) { found.append("\(what): stderr shows \(secret)") }
                    }
                }
                return found
            }
        }
    }

    /// Runs `arguments` (with `--batch`) in `box`, records the output, checks the exit code.
    static func execute(
        _ box: CLISandbox, _ transcript: Transcript, _ arguments: [String], stdin: String = "",
        environment: [String: String] = [:], expect code: Int32, sourceLocation: SourceLocation = #_sourceLocation
    ) async throws {
        let result = try await box.run(["--batch"] + arguments, stdin: stdin, environment: environment)
        transcript.record(arguments.joined(separator: " "), result)
        #expect(result.status == code, "\(arguments): \(result.stderr)", sourceLocation: sourceLocation)
    }

    @Test("the transcript finds a secret in every form it travels in")
    func transcriptFindsLeaks() {
        let transcript = Transcript()
        transcript.secret("SeKrT-probe", username: "alice")
        let basic = Data("alice:SeKrT-probe".utf8).base64EncodedString()
        for (index, text) in ["x SeKrT-probe y", "auth: \(basic)", "Authorization: Basic \(basic)", "clean"]
            .enumerated()
        {
            transcript.record(
                "probe \(index)",
                ProcessResult(
                    exit: ProcessExit(code: 0, signal: nil), timedOut: false, standardOutput: [],
                    standardError: Array(text.utf8)))
        }
        #expect(transcript.leaks.count == 4)  // the raw secret, the base64 twice (alone and in Basic), Basic
        #expect(!transcript.leaks.contains { $0.hasPrefix("probe 3:") })
    }

    static func mode(_ path: String) -> Int? {
        var st = stat()
        return stat(path, &st) == 0 ? Int(st.st_mode & 0o7777) : nil
    }

    /// The modes of the user folder, its files and the discovery cache.
    static func expectUserModes(_ box: CLISandbox, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let folder = box.home + "/.apptainer"
        #expect(mode(folder) == 0o700, "~/.apptainer", sourceLocation: sourceLocation)
        #expect(mode(box.userFile) == 0o600, "remote.yaml", sourceLocation: sourceLocation)
        #expect(mode(box.userFile + ".lock") == 0o600, "remote.yaml.lock", sourceLocation: sourceLocation)
        let cache = folder + "/remote-cache"
        #expect(mode(cache) == 0o700, "remote-cache", sourceLocation: sourceLocation)
        let entries = try FileManager.default.contentsOfDirectory(atPath: cache)
        #expect(!entries.isEmpty, "the discovery cache is empty", sourceLocation: sourceLocation)
        for entry in entries {
            #expect(mode(cache + "/" + entry) == 0o600, "remote-cache/\(entry)", sourceLocation: sourceLocation)
        }
    }

    @Test("endpoint tokens and keyserver passwords: every command form and error path keeps them off stdout and stderr")
    func endpointsAndKeyservers() async throws {
        try await EndpointFixture.with { f in
            let transcript = Transcript()
            let fileToken = validLengthToken("SeKrT-file-token")
            let stdinToken = "SeKrT-stdin-token-" + String(repeating: "q", count: 40)
            let rejectedToken = validLengthToken("SeKrT-rejected-token")
            let keyserverPassword = "SeKrT-keyserver-password"
            let wrongPassword = "SeKrT-wrong-password"
            let bearer = "SeKrT-keyserver-bearer"
            let environmentPassword = "SeKrT-environment-password"
            for secret in [fileToken, stdinToken, rejectedToken, bearer] { transcript.secret(secret) }
            for secret in [keyserverPassword, wrongPassword, environmentPassword] {
                transcript.secret(secret, username: "alice")
            }
            f.server.configure {
                $0.validTokens = [fileToken, stdinToken]
                $0.secret = "oidc-secret-printed-on-purpose"
            }
            // A keyserver that demands credentials, added to lib's list as an external keyserver.
            var keys = EndpointConfiguration()
            keys.keyserverCredentials = BasicCredentials(username: "alice", password: keyserverPassword)
            keys.keyserverTokens = [bearer]
            try await EndpointTestServer.with(configuration: keys) { keyserverServer in
                try await Self.endpointsAndKeyservers(
                    f, transcript, keyserver: keyserverServer.baseURL,
                    secrets: (
                        fileToken, stdinToken, rejectedToken, keyserverPassword, wrongPassword, bearer,
                        environmentPassword
                    ))
            }
        }
    }

    static func endpointsAndKeyservers(
        _ f: EndpointFixture, _ t: Transcript, keyserver: String,
        secrets: (String, String, String, String, String, String, String)
    ) async throws {
        let (fileToken, stdinToken, rejectedToken, keyserverPassword, wrongPassword, bearer, environmentPassword) =
            secrets
        let box = f.sandbox
        let transcript = t
        let good = try f.tokenFile("good", fileToken + "\n")
        let rejected = try f.tokenFile("rejected", rejectedToken)

        try await Self.execute(box, t, ["add", "--insecure", "--tokenfile", good, "lib", f.uri()], expect: 0)
        #expect(f.userFileText.contains("Token: \(fileToken)"))
        try await Self.execute(
            box, t, ["add", "--insecure", "-n", "--password-stdin", "lib2", f.uri("/ep2")], stdin: stdinToken,
            expect: 0)
        try await Self.execute(box, t, ["login", "--tokenfile", good, "lib"], expect: 0)
        try await Self.execute(box, t, ["-v", "login", "--password-stdin", "lib"], stdin: stdinToken + "\n", expect: 0)
        try await Self.execute(box, t, ["login", "--tokenfile", rejected, "lib"], expect: 1)
        try await Self.execute(box, t, ["login", "--password-stdin", "lib2"], stdin: rejectedToken, expect: 1)
        try await Self.execute(box, t, ["login", "--password-stdin", "lib"], stdin: "two words", expect: 64)
        try await Self.execute(box, t, ["login", "lib"], expect: 64)

        try await Self.execute(box, t, ["add-keyserver", "lib", keyserver], expect: 0)
        let login = ["-u", "alice", "--password-stdin", keyserver]
        try await Self.execute(box, t, ["login"] + login, stdin: keyserverPassword, expect: 0)
        #expect(
            f.userFileText.contains(
                "Auth: Basic \(Data("alice:\(keyserverPassword)".utf8).base64EncodedString())"))
        try await Self.execute(box, t, ["-v", "keyserver", "login"] + login, stdin: wrongPassword, expect: 1)
        try await Self.execute(
            box, t, ["keyserver", "login", "-u", "alice", "--password", keyserverPassword, keyserver], expect: 0)
        try await Self.execute(
            box, t, ["keyserver", "login", "-u", "alice", "--password", wrongPassword, keyserver], expect: 1)
        try await Self.execute(
            box, t, ["keyserver", "login", "-u", "alice", keyserver],
            environment: ["APPTAINER_LOGIN_PASSWORD": environmentPassword], expect: 1)
        try await Self.execute(
            box, t, ["keyserver", "login", keyserver], environment: ["APPTAINER_LOGIN_PASSWORD": bearer], expect: 0)
        #expect(f.userFileText.contains("Auth: Bearer \(bearer)"))
        try await Self.execute(box, t, ["login", "--password-stdin", keyserver], stdin: bearer, expect: 0)

        for arguments in [
            ["list"], ["-v", "list"], ["list", "--format", "json"], ["keyserver", "list"], ["registry", "list"],
            ["status", "lib"], ["status", "--format", "json", "lib"], ["status", "--all"],
            ["status", "--all", "--format", "json"], ["get-login-password"],
        ] {
            try await Self.execute(box, t, arguments, expect: 0)
        }
        try Self.expectUserModes(box)

        try await Self.execute(box, t, ["keyserver", "logout", keyserver], expect: 0)
        try await Self.execute(box, t, ["logout", "lib"], expect: 0)
        try await Self.execute(box, t, ["logout", "lib2"], expect: 0)
        #expect(!f.userFileText.contains("SeKrT"))
        try Self.expectUserModes(box)

        #expect(transcript.count == 29)
        #expect(transcript.leaks.isEmpty, "\(transcript.leaks.joined(separator: "\n"))")
    }

    @Test(
        "registry passwords (stdin, --password, APPTAINER_LOGIN_PASSWORD, rejected) stay off stdout and stderr; the docker config is 0600 in a 0700 folder",
        .enabled(if: PeerAvailability.shouldRun(.dockerRegistry, .htpasswd, .python3Cryptography)))
    func registries() async throws {
        let password = "SeKrT-registry-password"
        try await RegistryPeer.with(.basic(username: "alice", password: password)) { registry in
            let box = try CLISandbox()
            let transcript = Transcript()
            let wrong = "SeKrT-wrong-registry-password"
            transcript.secret(password, username: "alice")
            transcript.secret(wrong, username: "alice")
            let docker = "docker://\(registry.address)"
            let oras = "oras://\(registry.address)"
            let dockerConfig = box.home + "/.docker/config.json"
            let t = transcript

            try await Self.execute(
                box, t, ["login", "-u", "alice", "--password-stdin", docker], stdin: password, expect: 0)
            let basic = Data("alice:\(password)".utf8).base64EncodedString()
            #expect(box.read(dockerConfig)?.contains(basic) == true)
            try await Self.execute(
                box, t, ["-v", "registry", "login", "-u", "alice", "--password", password, oras], expect: 0)
            try await Self.execute(
                box, t, ["registry", "login", "-u", "alice", docker],
                environment: ["APPTAINER_LOGIN_PASSWORD": password], expect: 0)
            try await Self.execute(
                box, t, ["login", "-u", "alice", "--password-stdin", docker], stdin: wrong, expect: 1)
            try await Self.execute(
                box, t, ["-v", "registry", "login", "-u", "alice", "--password", wrong, oras], expect: 1)
            try await Self.execute(
                box, t, ["registry", "login", "-u", "alice", docker], environment: ["APPTAINER_LOGIN_PASSWORD": wrong],
                expect: 1)
            try await Self.execute(
                box, t, ["registry", "login", "--password-stdin", docker], stdin: password, expect: 64)
            for arguments in [["list"], ["list", "--format", "json"], ["registry", "list"], ["-v", "list"]] {
                try await Self.execute(box, t, arguments, expect: 0)
            }
            #expect(Self.mode(dockerConfig) == 0o600)
            #expect(Self.mode(box.home + "/.docker") == 0o700)
            #expect(Self.mode(box.userFile) == 0o600)
            #expect(Self.mode(box.home + "/.apptainer") == 0o700)
            try await Self.loginHealthCommands(box, t, registry: registry.address, wrong: wrong)
            #expect(box.read(dockerConfig)?.contains(basic) == false)
            let wrongAuth = Data("alice:\(wrong)".utf8).base64EncodedString()
            #expect(box.read(box.home + "/.apptainer/docker-config.json")?.contains(wrongAuth) == false)
            #expect(Self.mode(dockerConfig) == 0o600)

            #expect(transcript.count == 23)
            #expect(transcript.leaks.isEmpty, "\(transcript.leaks.joined(separator: "\n"))")
        }
    }

    /// Issue 15's commands in the transcript: re-checks, where a pull's credential comes from,
    /// lists; then a wrong password in the file Apptainer reads first (rejected, the good one
    /// shadowed), and the logouts, the last one everywhere.
    static func loginHealthCommands(_ box: CLISandbox, _ t: Transcript, registry: String, wrong: String) async throws {
        let docker = "docker://\(registry)"
        let oras = "oras://\(registry)"
        // Issue 15's commands: re-checks, where a pull's credential comes from, lists.
        for arguments in [
            ["registry", "status"], ["registry", "status", "--format", "json", docker], ["status", "--logins"],
            ["registry", "which", docker + "/library/alpine:3"],
            ["registry", "which", "--format", "json", oras + "/x"],
            ["registry", "list", "--format", "json"],
        ] {
            try await Self.execute(box, t, arguments, expect: 0)
        }
        // A wrong password in the file Apptainer reads first, over the good one: rejected, shadowed.
        let wrongAuth = Data("alice:\(wrong)".utf8).base64EncodedString()
        try box.write(
            box.home + "/.apptainer/docker-config.json",
            #"{"auths":{"\#(registry)":{"auth":"\#(wrongAuth)"}}}"#,
            mode: 0o600)
        try await Self.execute(box, t, ["registry", "status"], expect: 1)
        try await Self.execute(box, t, ["status", "--logins", "--format", "json"], expect: 1)
        try await Self.execute(box, t, ["registry", "which", docker + "/a"], expect: 0)
        try await Self.execute(box, t, ["list"], expect: 0)
        try await Self.execute(box, t, ["registry", "logout", oras], expect: 0)
        try await Self.execute(box, t, ["logout", "--everywhere", docker], expect: 0)
    }
}
