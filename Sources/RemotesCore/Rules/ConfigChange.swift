/// Every change either front end can make to the config files. Each is applied by
/// `ConfigStore.apply`, the one path that locks, reads, merges, applies the rule and writes.
public enum ConfigChange: Sendable, Equatable {
    /// `remote add`: `uri` as typed; `insecure` is `--insecure`; `global` writes the system file;
    /// `makeDefault` is false with `--no-default`.
    case addRemote(name: String, uri: String, insecure: Bool, global: Bool, makeDefault: Bool)
    /// `remote remove`.
    case removeRemote(name: String, global: Bool)
    /// `remote use`; `exclusive` implies `global`.
    case useRemote(name: String, global: Bool, exclusive: Bool)
    /// `add-keyserver`: `remote` nil means the default remote; `order` nil means append.
    case addKeyserver(remote: String?, url: String, order: Int?, insecure: Bool)
    /// `remove-keyserver`.
    case removeKeyserver(remote: String?, url: String)
    /// Moves a keyserver to a 1-based position among the used (not skipped) entries.
    case moveKeyserver(remote: String?, url: String, toOrder: Int)
    /// Stores a verified token for an endpoint (`remote login`).
    case storeToken(remote: String, token: String)
    /// Clears an endpoint's token (`remote logout`).
    case clearToken(remote: String)
    /// Stores a registry or keyserver login, replacing any of the same scheme and host.
    case storeCredential(Credential)
    /// Removes every login of the scheme and host of `uri`.
    case removeCredentials(uri: String)
}

/// What a change did: messages in Apptainer's words, and the state after it.
public struct ChangeOutcome: Sendable {
    /// INFO and WARNING lines to show.
    public var notices: [Notice]
    /// The files as they are now.
    public var state: ConfigState
    /// Paths of the files that were written.
    public var writtenFiles: [String]
    /// For `removeCredentials`: how many entries were removed.
    public var removedCount: Int
}
