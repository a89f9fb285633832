import RemotesCore
import RemotesJSON

/// A docker credential helper, `docker-credential-<name>`, spoken to with the
/// docker-credential-helpers protocol: `store` reads `{"ServerURL", "Username", "Secret"}` on
/// stdin; `get` and `erase` read the server URL on stdin; `get` writes the JSON above. A helper
/// that has no entry says `credentials not found in native keychain`, which means absent, not a
/// failure. The secret goes only to the helper's stdin; messages never contain it.
public struct CredentialHelper: Sendable {
    /// The name as a docker config gives it (`credsStore`, `credHelpers`): `pass`, `secretservice`.
    public let name: String
    /// Where the helper is looked up (PATH) and what it inherits.
    public let environment: [String: String]
    /// How long one call may take.
    public let timeout: Duration

    /// The words by which a helper says it has no entry.
    public static let notFoundMessage = "credentials not found in native keychain"

    /// A helper. `name` must be a plain name (no `/`), as docker requires.
    public init(name: String, environment: [String: String], timeout: Duration = .seconds(30)) throws(RemotesError) {
        guard !name.isEmpty, !name.contains("/"), !name.hasPrefix("."), !name.contains("\0") else {
            throw .badFile("the docker credential helper name \"\(name)\" is not a plain program name")
        }
        self.name = name
        self.environment = environment
        self.timeout = timeout
    }

    /// `docker-credential-<name>`.
    public var program: String { "docker-credential-" + name }

    /// The helper's path, or an error saying it is not installed.
    public func executable() throws(RemotesError) -> String {
        guard let path = HelperProcess.find(program, environment: environment) else {
            throw .failed("the docker credential helper \(program) is not installed (not found in PATH)")
        }
        return path
    }

    /// Stores a login for `server`.
    public func store(server: String, username: String, secret: String) async throws(RemotesError) {
        let input = JSONWriter.indented(
            .object([
                JSONMember("ServerURL", .string(server)), JSONMember("Username", .string(username)),
                JSONMember("Secret", .string(secret)),
            ]))
        let result = try await call("store", input: input)
        guard result.status == 0 else {
            throw .failed("\(program) could not store the login for \(server): \(explain(result, secret: secret))")
        }
    }

    /// The user name and secret stored for `server`, nil when the helper has none.
    public func get(server: String) async throws(RemotesError) -> (username: String, secret: String)? {
        let result = try await call("get", input: server)
        if result.status != 0 {
            if saysNotFound(result) { return nil }
            throw .failed("\(program) could not read the login for \(server): \(explain(result, secret: nil))")
        }
        guard let value = try? JSONParser.parse(result.standardOutput), let secret = value["Secret"]?.stringValue
        else {
            throw .failed("\(program) answered something that is not a login for \(server)")
        }
        return (value["Username"]?.stringValue ?? "", secret)
    }

    /// Erases the login for `server`; false when the helper had none.
    public func erase(server: String) async throws(RemotesError) -> Bool {
        let result = try await call("erase", input: server)
        if result.status == 0 { return true }
        if saysNotFound(result) { return false }
        throw .failed("\(program) could not erase the login for \(server): \(explain(result, secret: nil))")
    }

    private func call(_ action: String, input: String) async throws(RemotesError) -> HelperProcess.Result {
        try await HelperProcess.run(
            try executable(), [action], input: Array(input.utf8), environment: environment, timeout: timeout)
    }

    private func saysNotFound(_ result: HelperProcess.Result) -> Bool {
        (result.stdout + result.stderr).contains(CredentialHelper.notFoundMessage)
    }

    /// The helper's own words (first line of stdout, else stderr), without the secret.
    private func explain(_ result: HelperProcess.Result, secret: String?) -> String {
        let text = [result.stdout, result.stderr].lazy.compactMap {
            $0.split(whereSeparator: \.isNewline).first.map(String.init)
        }.first { !$0.isEmpty }
        // Redacted before it is cut, so a secret across the cut cannot show in part.
        let words = text.map { String(SecretRedactor(secret.map { [$0] } ?? []).redact($0).prefix(200)) }
        return words.map { "\($0) (exit status \(result.status))" } ?? "exit status \(result.status)"
    }
}
