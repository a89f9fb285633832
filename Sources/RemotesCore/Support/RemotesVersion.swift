/// The version of remotes, shown by `--version` and sent in `User-Agent: remotes/<version>`.
public enum RemotesVersion {
    /// The version string.
    public static let current = "0.1.0"
}
