/// Why a peer could not be used.
public enum PeerError: Error, CustomStringConvertible {
    /// Programs the peer needs are not installed.
    case notInstalled([PeerProgram])
    /// The peer started but did not become ready.
    case notReady(peer: String, detail: String)
    /// A setup step (htpasswd, sks build …) failed.
    case setupFailed(step: String, output: String)

    /// A one-line explanation with the fix.
    public var description: String {
        switch self {
        case .notInstalled(let programs):
            let names = programs.map(\.rawValue).joined(separator: ", ")
            let packages = Set(programs.map(\.debianPackage)).sorted().joined(separator: " ")
            return "peer programs not installed: \(names) (Debian: \(packages); run scripts/install-test-deps.sh)"
        case .notReady(let peer, let detail):
            return "\(peer) did not become ready: \(detail)"
        case .setupFailed(let step, let output):
            return "\(step) failed: \(output)"
        }
    }
}
