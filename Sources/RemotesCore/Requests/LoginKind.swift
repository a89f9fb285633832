/// What a login URI names.
public enum LoginKind: String, Sendable, Equatable {
    /// An OCI registry: `docker://` or `oras://`.
    case registry
    /// A keyserver: `http://`, `https://`, `hkp://` or `hkps://`.
    case keyserver

    /// The kind of `uri` by its scheme; other schemes give Apptainer's
    /// `<scheme> transport is not supported`.
    public init(uri: String) throws(RemotesError) {
        let scheme = uri.range(of: "://").map { uri[..<$0.lowerBound].lowercased() } ?? ""
        switch scheme {
        case "docker", "oras": self = .registry
        case "http", "https", "hkp", "hkps": self = .keyserver
        default:
            throw .usage(
                "\(scheme.isEmpty ? uri.prefix { $0 != ":" && $0 != "/" } : Substring(scheme)) transport is not supported"
            )
        }
    }
}
