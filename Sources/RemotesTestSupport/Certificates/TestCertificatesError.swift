/// Why test certificates could not be made.
public enum TestCertificatesError: Error, CustomStringConvertible {
    /// An `openssl` command failed.
    case opensslFailed(arguments: [String], output: String)

    /// A one-line explanation.
    public var description: String {
        switch self {
        case .opensslFailed(let arguments, let output): "openssl \(arguments.joined(separator: " ")) failed: \(output)"
        }
    }
}
