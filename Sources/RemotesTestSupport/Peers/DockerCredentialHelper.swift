import Foundation

/// The test docker credential helper `scripts/peers/docker-credential-remotestest`.
///
/// Put `credsStore: "remotestest"` (or a `credHelpers` entry) in a docker config, run the program
/// under test with `environment(dataFolder:)`, and the helper keeps its secrets in `dataFolder`
/// and logs each call (action and server, never the secret) to `dataFolder/calls.log`.
public enum DockerCredentialHelper {
    /// The helper's name as a docker config names it (`credsStore`).
    public static let name = "remotestest"

    /// The environment variable naming the helper's data folder.
    public static let dataFolderVariable = "REMOTESTEST_HELPER_DIR"

    /// The helper script's path.
    public static var scriptPath: String { PackagePaths.peerScripts + "/docker-credential-" + name }

    /// The folder to put in front of PATH so `docker-credential-remotestest` is found.
    public static var folder: String { PackagePaths.peerScripts }

    /// `base` (nil: our environment) with the helper folder first in PATH and the data folder set.
    public static func environment(dataFolder: String, base: [String: String]? = nil) -> [String: String] {
        var environment = base ?? TestProcess.environment([:])
        let path = environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        environment["PATH"] = folder + ":" + path
        environment[dataFolderVariable] = dataFolder
        return environment
    }

    /// The calls logged in `dataFolder`, e.g. `["store 127.0.0.1:5000", "get 127.0.0.1:5000"]`.
    public static func calls(dataFolder: String) -> [String] {
        let text = (try? String(contentsOfFile: dataFolder + "/calls.log", encoding: .utf8)) ?? ""
        return text.split(separator: "\n").map(String.init)
    }
}
