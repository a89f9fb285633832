/// The version of remotes, shown by `--version` and sent in `User-Agent: remotes/<version>`.
///
/// The one place the version is set (docs/packaging.md, "One version"): the man pages and the
/// Debian package take it from the built binary's `--version`. Bumping it needs a matching
/// `debian/changelog` entry (`dch -v <version>-1`), which a test and `make deb` check.
public enum RemotesVersion {
    /// The version string.
    public static let current = "0.1.0"
}
