/// Which program's files we edit: Apptainer's (the default) or SingularityCE's.
public enum Flavor: String, Sendable, CaseIterable {
    /// Apptainer: `~/.apptainer`, `/etc/apptainer`, `DefaultRemote`.
    case apptainer
    /// SingularityCE: `~/.singularity`, `/etc/singularity`, `SylabsCloud`.
    case singularity

    /// The command users type (`apptainer` or `singularity`).
    public var command: String { rawValue }
    /// The per-user folder name under the home folder.
    public var userFolderName: String { ".\(rawValue)" }
    /// The environment variable that overrides the per-user folder.
    public var configDirVariable: String { self == .apptainer ? "APPTAINER_CONFIGDIR" : "SINGULARITY_CONFIGDIR" }
    /// System files, first existing one wins.
    public var systemFileCandidates: [String] {
        ["/etc/\(rawValue)/remote.yaml", "/usr/local/etc/\(rawValue)/remote.yaml"]
    }
    /// The built-in default remote's name.
    public var defaultRemoteName: String { self == .apptainer ? "DefaultRemote" : "SylabsCloud" }
    /// The built-in default remote's URI.
    public var defaultRemoteURI: String { self == .apptainer ? "cloud.apptainer.org" : "cloud.sylabs.io" }
    /// Whether a user and a system remote of the same name is an error (SingularityCE) rather
    /// than "the user's wins" (Apptainer).
    public var nameClashIsError: Bool { self == .singularity }
    /// Whether symlinked config files are refused (SingularityCE opens them with O_NOFOLLOW).
    public var refusesSymlinks: Bool { self == .singularity }

    /// The system config used when no system file exists (Apptainer's shipped `etc/remote.yaml`).
    public var builtinSystemConfig: RemoteConfig {
        RemoteConfig(
            active: defaultRemoteName,
            remotes: [defaultRemoteName: Remote(uri: defaultRemoteURI, system: true)])
    }
}

/// Apptainer's built-in service answers that need no network.
public enum BuiltinServices {
    /// The placeholder endpoint of Apptainer's default remote; it has no library, and its
    /// keyserver is `https://keys.openpgp.org`, known without discovery.
    public static let apptainerCloudURI = "cloud.apptainer.org"
    /// The keyserver of `cloud.apptainer.org`.
    public static let defaultKeyserver = "https://keys.openpgp.org"

    /// The built-in keyserver of a remote when it is known without the network.
    public static func keyserver(forStoredURI uri: String) -> String? {
        uri == apptainerCloudURI ? defaultKeyserver : nil
    }
}
