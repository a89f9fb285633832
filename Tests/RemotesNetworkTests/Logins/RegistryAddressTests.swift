import RemotesCore
import Testing

@testable import RemotesNetwork

@Suite("Registry addresses and loopback hosts")
struct RegistryAddressTests {
    @Test(
        "registry URIs and their docker config keys",
        arguments: [
            ("docker://127.0.0.1:5000", "docker://127.0.0.1:5000", "127.0.0.1:5000", "127.0.0.1:5000"),
            (
                "oras://Registry.Example.COM/", "oras://registry.example.com", "registry.example.com",
                "registry.example.com"
            ),
            ("docker://docker.io", "docker://docker.io", "https://index.docker.io/v1/", "registry-1.docker.io"),
            (
                "docker://index.docker.io", "docker://index.docker.io", "https://index.docker.io/v1/",
                "registry-1.docker.io"
            ),
            ("DOCKER://[::1]:5000", "docker://[::1]:5000", "[::1]:5000", "[::1]:5000"),
        ])
    func parse(uri: String, recorded: String, key: String, api: String) throws {
        let registry = try RegistryAddress(parsing: uri)
        #expect(registry.uri == recorded)
        #expect(registry.serverKey == key)
        #expect(registry.apiAuthority == api)
        #expect(!registry.legacyServerKeys.contains(key))
    }

    @Test(
        "what is not a registry is refused as Apptainer refuses it",
        arguments: [
            ("docker://host/library/alpine", "registries must be valid RFC 3986 URI authorities: host/library/alpine"),
            ("docker://", "registries must be valid RFC 3986 URI authorities"),
            ("docker://user@host", "RFC 3986"), ("docker://host:0", "RFC 3986"), ("docker://host:99999", "RFC 3986"),
            ("docker://ho st", "RFC 3986"), ("docker://host?x=1", "RFC 3986"), ("docker://-host", "RFC 3986"),
            ("library://host", "library transport is not supported"),
            ("localhost:5000", "localhost transport is not supported"),
        ])
    func refused(uri: String, message: String) {
        #expect {
            try RegistryAddress(parsing: uri)
        } throws: { error in
            (error as? RemotesError)?.message.contains(message) == true && (error as? RemotesError)?.category == .usage
        }
    }

    @Test(
        "loopback means localhost, 127.0.0.0/8 and ::1, without DNS",
        arguments: [
            ("localhost", true), ("LOCALHOST", true), ("127.0.0.1", true), ("127.255.0.9", true), ("[::1]", true),
            ("::1", true), ("0:0:0:0:0:0:0:1", true), ("::ffff:127.0.0.1", true), ("128.0.0.1", false),
            ("10.0.0.1", false), ("127.0.0.1.example.com", false), ("localhost.example.com", false), ("::2", false),
            ("127.1", false), ("", false),
        ])
    func loopback(host: String, expected: Bool) {
        #expect(LoopbackHost.contains(host) == expected)
    }

    @Test("a registry's loopback-ness comes from its host")
    func registryLoopback() throws {
        #expect(try RegistryAddress(parsing: "docker://127.0.0.1:5000").isLoopback)
        #expect(try RegistryAddress(parsing: "docker://localhost").isLoopback)
        #expect(try !RegistryAddress(parsing: "docker://registry.example.com:5000").isLoopback)
    }

    @Test("Docker Hub logout also removes the spellings other tools used")
    func dockerHubKeys() throws {
        let keys = try RegistryAddress(parsing: "docker://docker.io").legacyServerKeys
        #expect(keys.contains("docker.io"))
        #expect(keys.contains("https://registry-1.docker.io"))
        #expect(!keys.contains("https://index.docker.io/v1/"))
    }

    @Test("login URIs say whether they name a registry or a keyserver")
    func kinds() throws {
        #expect(try LoginKind(uri: "docker://h") == .registry)
        #expect(try LoginKind(uri: "ORAS://h") == .registry)
        #expect(try LoginKind(uri: "hkps://h") == .keyserver)
        #expect(throws: RemotesError.usage("ftp transport is not supported")) { try LoginKind(uri: "ftp://h") }
    }
}
