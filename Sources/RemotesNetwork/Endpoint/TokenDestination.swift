import RemotesCore

/// Where an endpoint's access token (sent as `Authorization: Bearer …`) may go. Service
/// discovery names the token service and the library, and an endpoint's answer could name
/// `http://` URLs on any host, even for an `https` remote; the token would then travel in clear.
/// So over plain http the token goes only to the remote's own host (as written in its URI),
/// and only when that remote is insecure (it is reached over http anyway) or on this machine
/// (a literal loopback address or `localhost`). https URLs are always allowed: the fetcher
/// verifies them, and never follows a redirect from https to http.
public enum TokenDestination {
    /// Throws (category `failed`) unless the token of the remote whose base URL is
    /// `remoteBaseURL` (`https://host/path`, or `http://…` for an insecure remote) may be sent
    /// to `url`.
    public static func check(_ url: String, remoteBaseURL: String) throws(RemotesError) {
        guard url.lowercased().hasPrefix("http://") else { return }
        let host = URLHost.name(of: url)
        let remoteHost = URLHost.name(of: remoteBaseURL)
        let remoteIsPlain = remoteBaseURL.lowercased().hasPrefix("http://")
        if host == remoteHost && (remoteIsPlain || LoopbackHost.contains(remoteHost)) { return }
        throw .failed(
            "refusing to send the access token over plain http to \(HTTPFetcher.hostPart(url)): the endpoint's service list names \(url), which is not the remote's own insecure or loopback host"
        )
    }
}
