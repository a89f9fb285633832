import Foundation
import RemotesCore
import RemotesJSON
import RemotesTestSupport
import Testing

@testable import RemotesNetwork

/// Which credential a pull would send, and `logout --everywhere`, with real docker config files
/// and the test credential helper.
@Suite("Where credentials live: which one a pull sends, and logout everywhere")
struct LoginStoresTests {
    static func plain(_ user: String, _ password: String) -> String {
        AuthorizationHeader.basicToken(username: user, password: password)
    }

    @Test("a pull uses the file Apptainer reads; a docker login in a shadowed file is reported, not used")
    func which() async throws {
        try await LoginSandbox.with { sandbox in
            let environment = ["PATH": "/usr/bin:/bin"]
            let resolver = PullCredentialResolver(environment: environment, locations: sandbox.locations)
            _ = try sandbox.folder.makeFolder("home/.docker", mode: 0o700)
            _ = try sandbox.folder.write(
                #"{"auths":{"r.example.com":{"auth":"\#(Self.plain("dave", "pw"))"}}}"#, to: "home/.docker/config.json",
                mode: 0o600)
            let used = try await resolver.explain("docker://r.example.com/team/app:1", authFile: nil)
            #expect(used.source == .stored(place: .file(sandbox.dockerConfig), key: "r.example.com", username: "dave"))
            #expect(used.shadowed.isEmpty)
            #expect(try await resolver.explain("docker://alpine", authFile: nil).source == .anonymous)

            // docker-config.json appears (an Apptainer login elsewhere): docker's file is shadowed.
            _ = try sandbox.folder.makeFolder("home/.apptainer", mode: 0o700)
            _ = try sandbox.folder.write("{}", to: "home/.apptainer/docker-config.json", mode: 0o600)
            let shadowed = try await resolver.explain("docker://r.example.com/team/app:1", authFile: nil)
            #expect(shadowed.source == .anonymous)
            #expect(shadowed.search.inUse.path == sandbox.folder.path("home/.apptainer/docker-config.json"))
            #expect(shadowed.shadowed.map(\.place) == [.file(sandbox.dockerConfig)])
            #expect(shadowed.shadowed.first?.username == "dave")

            // --authfile names the file, and the variables override every file.
            let named = try await resolver.explain("docker://r.example.com/x", authFile: sandbox.dockerConfig)
            #expect(named.source == .stored(place: .file(sandbox.dockerConfig), key: "r.example.com", username: "dave"))
            let variables = PullCredentialResolver(
                environment: environment.merging(["APPTAINER_DOCKER_USERNAME": "eve"]) { $1 },
                locations: sandbox.locations)
            #expect(
                try await variables.explain("docker://r.example.com/x", authFile: nil).source
                    == .environment(username: "eve"))
        }
    }

    @Test(
        "a pull asks the helper for the repository, then the registry, as docker/cli's config file does",
        .enabled(if: PeerAvailability.shouldRun(.python3Cryptography)))
    func whichHelper() async throws {
        try await LoginSandbox.with { sandbox in
            let data = try sandbox.folder.makeFolder("helper-data")
            let environment = DockerCredentialHelper.environment(dataFolder: data, base: ["PATH": "/usr/bin:/bin"])
            _ = try sandbox.folder.makeFolder("home/.docker", mode: 0o700)
            _ = try sandbox.folder.write(#"{"credsStore":"remotestest"}"#, to: "home/.docker/config.json", mode: 0o600)
            try await CredentialHelper(name: DockerCredentialHelper.name, environment: environment).store(
                server: "r.example.com", username: "frank", secret: "pw-frank")
            let resolver = PullCredentialResolver(environment: environment, locations: sandbox.locations)
            let found = try await resolver.explain("docker://r.example.com/a/b", authFile: nil)
            #expect(
                found.source
                    == .stored(
                        place: .helper(name: "remotestest", config: sandbox.dockerConfig), key: "r.example.com",
                        username: "frank"))
            #expect(
                Array(DockerCredentialHelper.calls(dataFolder: data).suffix(2)) == [
                    "get r.example.com/a/b", "get r.example.com",
                ])
        }
    }

    @Test(
        "logout --everywhere clears both docker config files, the helper and remote.yaml, and says where",
        .enabled(if: PeerAvailability.shouldRun(.python3Cryptography)))
    func everywhere() async throws {
        try await LoginSandbox.with { sandbox in
            let data = try sandbox.folder.makeFolder("helper-data")
            let environment = DockerCredentialHelper.environment(dataFolder: data, base: ["PATH": "/usr/bin:/bin"])
            let apptainerFile = sandbox.folder.path("home/.apptainer/docker-config.json")
            _ = try sandbox.folder.makeFolder("home/.apptainer", mode: 0o700)
            _ = try sandbox.folder.write(
                #"{"credsStore":"remotestest","auths":{"r.example.com":{}}}"#, to: "home/.apptainer/docker-config.json",
                mode: 0o600)
            _ = try sandbox.folder.write(
                "Credentials:\n    - URI: docker://r.example.com\n      Insecure: false\n",
                to: "home/.apptainer/remote.yaml", mode: 0o600)
            _ = try sandbox.folder.makeFolder("home/.docker", mode: 0o700)
            _ = try sandbox.folder.write(
                #"{"auths":{"https://r.example.com":{"auth":"\#(Self.plain("g", "old"))"},"other.example.com":{"auth":"\#(Self.plain("h", "x"))"}}}"#,
                to: "home/.docker/config.json", mode: 0o600)
            try await CredentialHelper(name: DockerCredentialHelper.name, environment: environment).store(
                server: "r.example.com", username: "g", secret: "new")

            let service = sandbox.service(environment: environment)
            let report = try await service.logoutEverywhere(uri: "docker://r.example.com", authFile: nil)
            #expect(report.failures.isEmpty)
            #expect(
                report.removedSecrets == [
                    .helper(name: "remotestest", config: apptainerFile), .file(sandbox.dockerConfig),
                ])
            #expect(
                report.notices == [
                    .info("Token removed from \(CredentialPlace.helper(name: "remotestest", config: apptainerFile))"),
                    .info("Token removed from \(sandbox.dockerConfig)"),
                    .info("Login record removed from \(sandbox.userFile)"), .info("Logout succeeded"),
                ])
            let docker = try #require(try sandbox.dockerConfigJSON())
            #expect(docker["auths"]?["https://r.example.com"] == nil)
            #expect(docker["auths"]?["other.example.com"] != nil)
            #expect(try sandbox.credentials().isEmpty)
            #expect(!(sandbox.read(data + "/credentials.json") ?? "").contains("new"))

            let again = try await service.logoutEverywhere(uri: "docker://r.example.com", authFile: nil)
            #expect(again.notices.first == .warning("There is no existing login to registry \"r.example.com\"."))
        }
    }

    @Test("logout --everywhere goes on past a helper that is not installed, and reports it")
    func everywhereWithBrokenHelper() async throws {
        try await LoginSandbox.with { sandbox in
            _ = try sandbox.folder.makeFolder("home/.apptainer", mode: 0o700)
            _ = try sandbox.folder.write(
                #"{"credsStore":"not-installed-anywhere","auths":{"r.example.com":{}}}"#,
                to: "home/.apptainer/docker-config.json", mode: 0o600)
            _ = try sandbox.folder.makeFolder("home/.docker", mode: 0o700)
            _ = try sandbox.folder.write(
                #"{"auths":{"r.example.com":{"auth":"\#(Self.plain("g", "old"))"}}}"#, to: "home/.docker/config.json",
                mode: 0o600)
            let report = try await sandbox.service().logoutEverywhere(uri: "docker://r.example.com", authFile: nil)
            #expect(report.failures.count == 1)
            #expect(report.failures.first?.message.contains("docker-credential-not-installed-anywhere") == true)
            #expect(report.removedSecrets == [.file(sandbox.dockerConfig)])
            #expect(report.notices.last?.level == .warning)
        }
    }
}
