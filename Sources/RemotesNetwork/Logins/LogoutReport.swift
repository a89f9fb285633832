import RemotesCore

/// What a logout did.
public struct LogoutReport: Sendable {
    /// Where a registry secret was removed from (empty for keyservers, or when there was none).
    public var removedSecrets: [RegistrySecretStore.Place]
    /// How many remote.yaml `Credentials` entries were removed.
    public var removedEntries: Int
    /// INFO and WARNING lines in order, in Apptainer's words.
    public var notices: [Notice]
    /// Stores that could not be cleaned (`logout --everywhere` goes on with the others).
    public var failures: [RemotesError] = []

    /// True when there was a login to remove.
    public var removedSomething: Bool { !removedSecrets.isEmpty || removedEntries > 0 }
}
