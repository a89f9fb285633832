import Foundation

/// Test certificates made with the `openssl` CLI: a CA, and server certificates signed by it
/// (good, expired, wrong host), plus a self-signed key pair that signs registry tokens.
///
/// Files are world-readable so that tests running as `nobody` can use them.
public struct TestCertificates: Sendable {
    /// The folder that holds all the files.
    public let folder: String
    /// The test CA (`CN=remotes test CA`); trust its certificate to accept the server certificates.
    public let authority: CertificatePair
    /// Valid now for IP 127.0.0.1 and DNS localhost, signed by the CA.
    public let server: CertificatePair
    /// For IP 127.0.0.1 and DNS localhost, signed by the CA, valid only in January 2020.
    public let expired: CertificatePair
    /// Valid now, signed by the CA, but only for DNS wrong.example.
    public let wrongHost: CertificatePair
    /// Self-signed RSA pair for RS256 registry tokens (the token server signs, the registry trusts).
    public let tokenSigner: CertificatePair

    /// The CA certificate file, e.g. for `curl --cacert`.
    public var caCertificate: String { authority.certificate }

    /// Generates every file into `folder` (which must exist). Takes a fraction of a second.
    public static func generate(in folder: String) async throws -> TestCertificates {
        let certificates = TestCertificates(folder: folder)
        try await certificates.generateFiles()
        return certificates
    }

    /// One set per test process, generated on first use under /tmp and removed at exit.
    public static func shared() async throws -> TestCertificates {
        try await cache.value()
    }

    private static let cache = Cache()

    private actor Cache {
        /// The task's value keeps the folder alive (and so on disk) for the life of the process.
        private var task: Task<(TestCertificates, TemporaryFolder), any Error>?

        func value() async throws -> TestCertificates {
            if let task { return try await task.value.0 }
            let task = Task {
                let folder = try TemporaryFolder(prefix: "remotes-certs", worldTraversable: true)
                ExitCleanup.removeAtExit(folder.path)
                return (try await TestCertificates.generate(in: folder.path), folder)
            }
            self.task = task
            return try await task.value.0
        }
    }

    private init(folder: String) {
        self.folder = folder
        func pair(_ name: String) -> CertificatePair {
            CertificatePair(certificate: "\(folder)/\(name)-cert.pem", key: "\(folder)/\(name)-key.pem")
        }
        authority = pair("ca")
        server = pair("server")
        expired = pair("expired")
        wrongHost = pair("wronghost")
        tokenSigner = pair("token")
    }

    private func generateFiles() async throws {
        let database = "\(folder)/ca-db"
        try FileManager.default.createDirectory(atPath: database, withIntermediateDirectories: true)
        try Data().write(to: URL(fileURLWithPath: "\(database)/index.txt"))
        try Data("1000\n".utf8).write(to: URL(fileURLWithPath: "\(database)/serial"))
        let config = "\(folder)/ca.cnf"
        try Data(Self.caConfig(database: database).utf8).write(to: URL(fileURLWithPath: config))

        let ecKey = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"]
        try await openssl(
            ["req", "-x509"] + ecKey + [
                "-keyout", authority.key, "-out", authority.certificate, "-days", "3650",
                "-subj", "/CN=remotes test CA",
                "-addext", "basicConstraints=critical,CA:TRUE",
                "-addext", "keyUsage=critical,keyCertSign,cRLSign",
            ]
        )
        try await openssl(
            [
                "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", tokenSigner.key,
                "-out", tokenSigner.certificate, "-days", "3650", "-subj", "/CN=remotes test token issuer",
            ]
        )
        let signings: [(CertificatePair, String, String, [String])] = [
            (server, "127.0.0.1", "ext_server", ["-days", "3650"]),
            (expired, "127.0.0.1", "ext_server", ["-startdate", "20200101000000Z", "-enddate", "20200201000000Z"]),
            (wrongHost, "wrong.example", "ext_wrong_host", ["-days", "3650"]),
        ]
        for (pair, commonName, extensions, validity) in signings {
            let request = pair.certificate + ".csr"
            try await openssl(
                ["req", "-new"] + ecKey + ["-keyout", pair.key, "-out", request, "-subj", "/CN=\(commonName)"])
            try await openssl(
                [
                    "ca", "-batch", "-config", config, "-cert", authority.certificate, "-keyfile", authority.key,
                    "-in", request, "-out", pair.certificate, "-extensions", extensions, "-notext",
                ] + validity
            )
            try? FileManager.default.removeItem(atPath: request)
        }
        for pair in [authority, server, expired, wrongHost, tokenSigner] {
            chmod(pair.certificate, 0o644)
            chmod(pair.key, 0o644)
        }
    }

    private func openssl(_ arguments: [String]) async throws {
        let result = try await TestProcess.run("openssl", arguments, timeout: .seconds(30))
        guard result.succeeded else {
            throw TestCertificatesError.opensslFailed(arguments: arguments, output: result.stderr)
        }
    }

    private static func caConfig(database: String) -> String {
        """
        [ ca ]
        default_ca = test_ca

        [ test_ca ]
        database = \(database)/index.txt
        serial = \(database)/serial
        new_certs_dir = \(database)
        default_md = sha256
        policy = any_name
        copy_extensions = none
        unique_subject = no

        [ any_name ]
        commonName = supplied

        [ ext_server ]
        basicConstraints = critical,CA:FALSE
        keyUsage = critical,digitalSignature,keyEncipherment
        extendedKeyUsage = serverAuth
        subjectAltName = IP:127.0.0.1,DNS:localhost

        [ ext_wrong_host ]
        basicConstraints = critical,CA:FALSE
        keyUsage = critical,digitalSignature,keyEncipherment
        extendedKeyUsage = serverAuth
        subjectAltName = DNS:wrong.example

        """
    }
}
