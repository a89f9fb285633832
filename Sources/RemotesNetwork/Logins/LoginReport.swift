import RemotesCore

/// What a successful login did. Holds no secret.
public struct LoginReport: Sendable {
    /// What was logged in to.
    public enum Target: Sendable, Equatable {
        /// A registry: how it checked the credentials, and where the secret went.
        case registry(RegistryAddress, RegistryVerification, RegistrySecretStore.Place)
        /// A keyserver (the secret is in remote.yaml's `Credentials`, as Apptainer keeps it).
        case keyserver(String)
    }

    /// What was logged in to.
    public var target: Target
    /// The URI recorded in remote.yaml, nil when remote.yaml was not changed (`--authfile`).
    public var recordedURI: String?
    /// True when the login was made insecure (asked for, or forced by the keyserver's config).
    public var insecure: Bool
    /// INFO and WARNING lines in order, in Apptainer's words where it has them.
    public var notices: [Notice]
}
