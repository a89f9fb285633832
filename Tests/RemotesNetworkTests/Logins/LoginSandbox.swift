import Foundation
import RemotesCore
import RemotesJSON
import RemotesTestSupport

@testable import RemotesNetwork

/// A private home with Apptainer's files for login tests: remote.yaml in `home/.apptainer`, the
/// docker config in `home/.docker/config.json`, and a `LoginService` over them.
final class LoginSandbox: Sendable {
    let folder: TemporaryFolder
    let fetcher: HTTPFetcher

    init(caFile: String? = nil, timeout: Duration = SanitizerSlack.scaled(.seconds(10))) throws {
        folder = try TemporaryFolder(prefix: "remotes-login")
        _ = try folder.makeFolder("home", mode: 0o700)
        fetcher = try HTTPFetcher(
            settings: HTTPSettings(
                connectTimeout: min(timeout, SanitizerSlack.scaled(.seconds(5))), totalTimeout: timeout,
                extraCAFile: caFile))
    }

    var home: String { folder.path("home") }
    var userFile: String { folder.path("home/.apptainer/remote.yaml") }
    var dockerConfig: String { folder.path("home/.docker/config.json") }

    var locations: ConfigLocations {
        ConfigLocations(
            flavor: .apptainer, userFile: userFile, userFileIsStandard: true,
            userFolder: folder.path("home/.apptainer"), systemFile: folder.path("etc/remote.yaml"),
            systemSource: .flag, home: home)
    }

    func service(environment: [String: String] = ["PATH": "/usr/bin:/bin"]) -> LoginService {
        LoginService(
            store: ConfigStore(locations: locations, isRoot: false), fetcher: fetcher, environment: environment,
            helperTimeout: SanitizerSlack.scaled(.seconds(20)))
    }

    /// A user remote.yaml whose default remote lists `keyservers` (URI, insecure) as external.
    func configureKeyservers(_ keyservers: [(String, Bool)]) throws {
        var text = "Active: local\nRemotes:\n    local:\n        URI: cloud.example.com\n"
        text += "        System: false\n        Exclusive: false\n        Keyservers:\n"
        for (uri, insecure) in keyservers {
            text += "            - URI: \(uri)\n              Skip: false\n              External: true\n"
            text += "              Insecure: \(insecure)\n"
        }
        _ = try folder.makeFolder("home/.apptainer", mode: 0o700)
        _ = try folder.write(text, to: "home/.apptainer/remote.yaml", mode: 0o600)
    }

    func read(_ path: String) -> String? {
        FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The docker config as JSON, nil when missing.
    func dockerConfigJSON() throws -> JSONValue? {
        guard let text = read(dockerConfig) else { return nil }
        return try JSONParser.parse(text)
    }

    func credentials() throws -> [Credential] {
        try ConfigStore(locations: locations, isRoot: false).load().user.config.credentials
    }

    /// Makes a sandbox, runs `body` with it, then shuts its HTTP client down and removes it,
    /// also when `body` throws.
    static func with<T>(
        caFile: String? = nil, timeout: Duration = SanitizerSlack.scaled(.seconds(10)),
        _ body: (LoginSandbox) async throws -> T,
        isolation: isolated (any Actor)? = #isolation
    ) async throws -> T {
        let sandbox = try LoginSandbox(caFile: caFile, timeout: timeout)
        do {
            let result = try await body(sandbox)
            await sandbox.fetcher.shutdown()
            sandbox.folder.remove()
            return result
        } catch {
            await sandbox.fetcher.shutdown()
            sandbox.folder.remove()
            throw error
        }
    }
}
