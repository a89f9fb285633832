/// A program that a real peer or a test helper needs.
public enum PeerProgram: String, CaseIterable, Sendable {
    /// Debian's OCI registry (distribution 2.8).
    case dockerRegistry = "docker-registry"
    /// `htpasswd` from apache2-utils, for bcrypt password files.
    case htpasswd
    /// The SKS OpenPGP keyserver.
    case sks
    /// The OpenSSL command line tool.
    case openssl
    /// curl.
    case curl
    /// skopeo, an OCI registry client.
    case skopeo
    /// tmux, for terminal UI tests.
    case tmux
    /// `setpriv` from util-linux, to run commands as nobody.
    case setpriv
    /// A python3 that can `import cryptography` (the token server needs it).
    case python3Cryptography = "python3+cryptography"

    /// The Debian package that brings it.
    public var debianPackage: String {
        switch self {
        case .dockerRegistry: "docker-registry"
        case .htpasswd: "apache2-utils"
        case .sks: "sks"
        case .openssl: "openssl"
        case .curl: "curl"
        case .skopeo: "skopeo"
        case .tmux: "tmux"
        case .setpriv: "util-linux"
        case .python3Cryptography: "python3-cryptography"
        }
    }
}
