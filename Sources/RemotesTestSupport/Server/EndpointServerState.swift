import NIOCore

/// Everything about a test server that changes while it runs; guarded by one lock.
struct EndpointServerState {
    /// Most requests kept in the log; older ones are dropped first.
    static let requestLogLimit = 100_000

    var configuration: EndpointConfiguration
    var requestedPort: Int
    /// The address it binds (a 127.0.0.0/8 address).
    var host: String
    var tls: CertificatePair?
    var requests: [RecordedRequest] = []
    var serverChannel: (any Channel)?
    var port: Int?
    var starting = false
    var connections: [ObjectIdentifier: any Channel] = [:]
    var connectionCount = 0
}
