/// The PEM files of a certificate and its private key.
public struct CertificatePair: Sendable, Hashable {
    /// The certificate, PEM.
    public let certificate: String
    /// The unencrypted private key, PEM.
    public let key: String

    /// Names a certificate file and its key file.
    public init(certificate: String, key: String) {
        self.certificate = certificate
        self.key = key
    }
}
