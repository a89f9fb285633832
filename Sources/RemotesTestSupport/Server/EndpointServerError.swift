/// Why a test server could not start.
public enum EndpointServerError: Error, CustomStringConvertible {
    /// `start()` was called while another `start()` was still binding.
    case alreadyStarting
    /// The TLS certificate or key could not be loaded.
    case badTLSFiles(CertificatePair, underlying: any Error)

    /// A one-line explanation.
    public var description: String {
        switch self {
        case .alreadyStarting: "start() is already in progress"
        case .badTLSFiles(let pair, let error): "cannot load \(pair.certificate) / \(pair.key): \(error)"
        }
    }
}
