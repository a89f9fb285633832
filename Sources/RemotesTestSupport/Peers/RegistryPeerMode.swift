extension RegistryPeer {
    /// How a registry peer authenticates and whether it speaks TLS.
    public enum Mode: Sendable {
        /// Plain HTTP, htpasswd (bcrypt) Basic auth for one user.
        case basic(username: String, password: String)
        /// Plain HTTP, Bearer token auth: tokens come from this token server.
        case token(TokenServerPeer)
        /// HTTPS with `certificates.server` (signed by the test CA), htpasswd Basic auth.
        case tls(TestCertificates, username: String, password: String)
    }
}
