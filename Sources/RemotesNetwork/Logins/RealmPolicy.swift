import RemotesCore

/// Where a registry login's Basic credentials may go when the registry's Bearer challenge names
/// a token server (its realm). `--insecure` covers the registry host named on the command line
/// only, so the credentials never reach a realm that was not checked:
///
/// * an https realm is always allowed; its certificate is verified, unless the realm is on the
///   insecure registry's own host (`HTTPFetcher.get(_:headers:insecureHost:)` decides by host);
/// * a plain-http realm is allowed when it and the registry are both on this machine (literal
///   loopback addresses or `localhost`: the registry, reached over plain http itself, chose a
///   neighbour), or when the realm is on the insecure registry's own host. Any other plain-http
///   realm is refused, with or without `--insecure`; in particular a registry elsewhere cannot
///   send the credentials to a loopback port, which any user of a shared machine may hold.
///
/// Hosts are compared as written (`URLHost`), never resolved.
enum RealmPolicy {
    /// Throws unless the credentials may be sent to `realm` (scheme `scheme`, host `host`) for
    /// the registry at `registryHost`; `insecure` is the login's `--insecure`.
    static func check(realm: String, scheme: String, host: String, registryHost: String, insecure: Bool)
        throws(RemotesError)
    {
        guard scheme == "http" else { return }
        if LoopbackHost.contains(host) && LoopbackHost.contains(registryHost) { return }
        let sameHost = URLHost.name(ofAuthority: host) == URLHost.name(ofAuthority: registryHost)
        if sameHost && insecure { return }
        if sameHost {
            throw .failed(
                "refusing to send the credentials over plain http to the token server \(realm): use --insecure if you trust it"
            )
        }
        throw .failed(
            "refusing to send the credentials over plain http to the token server \(realm): it is not on the registry's host \(registryHost), and --insecure covers only that host"
        )
    }
}
