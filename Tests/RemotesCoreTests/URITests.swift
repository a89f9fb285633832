import Testing

@testable import RemotesCore

@Suite("Normalising URIs")
struct URITests {
    @Test(
        "remote URIs are stored as Apptainer stores them, and host:port with a scheme",
        arguments: [
            ("cloud.example.com", false, "cloud.example.com", false),
            ("https://cloud.example.com/", false, "cloud.example.com", false),
            ("https://cloud.example.com/sub/", false, "cloud.example.com/sub", false),
            ("really//not/a/URI", false, "really/not/a/URI", false),
            ("HTTPS://Cloud.Example.COM", false, "cloud.example.com", false),
            ("http://host:8080", true, "http://host:8080", true),
            ("127.0.0.1:8080", false, "https://127.0.0.1:8080", false),
            ("localhost:8443/x/../y", false, "https://localhost:8443/y", false),
            ("https://[::1]:8443", false, "https://[::1]:8443", false),
            ("http://test.example.com", true, "test.example.com", true),
            ("https://h.example", true, "h.example", false),
        ])
    func endpoint(input: String, insecure: Bool, stored: String, storedInsecure: Bool) throws {
        let uri = try EndpointURI.normalize(input, insecure: insecure)
        #expect(uri.stored == stored)
        #expect(uri.insecure == storedInsecure)
    }

    @Test(
        "bad remote URIs are refused with a clear message",
        arguments: [
            ("", "invalid URI: cannot have empty URI"), ("http://x", "http URI requires --insecure"),
            ("docker://foo", "unsupported scheme \"docker\""), ("https://", "no host name"),
            ("a b", "spaces and control characters"), ("https://h:0", "port \"0\""), ("https://h:99999", "port"),
            ("https://u:p@h", "user names and passwords"), ("https://h/?q=1", "query"), ("-bad.example", "valid host"),
        ])
    func badEndpoint(input: String, message: String) {
        let error = failure { () throws(RemotesError) in _ = try EndpointURI.normalize(input, insecure: false) }
        #expect(error?.category == .usage)
        #expect(error?.message.contains(message) == true)
    }

    @Test("the base URL of a stored URI follows Insecure, as Apptainer's GetURL")
    func baseURL() {
        #expect(
            EndpointURI.baseURL(stored: "cloud.example.com/sub", insecure: false) == "https://cloud.example.com/sub")
        #expect(EndpointURI.baseURL(stored: "http://h:8080", insecure: true) == "http://h:8080")
        #expect(EndpointURI.baseURL(stored: "https://h:8443", insecure: false) == "https://h:8443")
    }

    @Test("keyserver addresses: hkp is http on 11371, hkps is https, default ports, paths ignored")
    func keyservers() {
        #expect(KeyserverAddress("hkp://k.example") == KeyserverAddress("http://K.example:11371/pks"))
        #expect(KeyserverAddress("hkps://k.example") == KeyserverAddress("https://k.example:443"))
        #expect(KeyserverAddress("https://k.example") != KeyserverAddress("http://k.example"))
        #expect(KeyserverAddress("ftp://k.example") == nil)
        #expect(KeyserverAddress("k.example") == nil)
        #expect(KeyserverAddress.requestURL("hkp://k.example/pks/lookup") == "http://k.example:11371/pks/lookup")
        #expect(KeyserverAddress.requestURL("hkps://k.example") == "https://k.example")
    }

    @Test("fuzzer finding: a stray bracket in a host is refused (Fuzz/corpus/uri/regression-bracket-host)")
    func strayBracket() {
        #expect(KeyserverAddress("https://0:01]:443") == nil)
        // and a combining mark right after "://" (Fuzz/corpus/uri/regression-combining-mark)
        let combining = String(decoding: [0xD9, 0x9A, 0x9E, 0xAC] as [UInt8], as: UTF8.self)
        #expect(failure { () throws(RemotesError) in _ = try EndpointURI.normalize(combining, insecure: true) } != nil)
        #expect(KeyserverAddress("http://\u{65A}k.example") == nil)
        #expect(KeyserverAddress("https://[::1]:443") != nil)
        #expect(
            failure { () throws(RemotesError) in _ = try EndpointURI.normalize("0:01]:443", insecure: false) } != nil)
    }

    @Test("login addresses: scheme and host, Docker Hub's names are one")
    func logins() {
        #expect(LoginAddress("docker://docker.io") == LoginAddress("docker://index.docker.io/library"))
        #expect(LoginAddress("docker://r.example") != LoginAddress("oras://r.example"))
        #expect(LoginAddress("r.example") == nil)
    }

    @Test("names: blank, control characters, line separators, outer spaces, :// and very long names are refused")
    func names() {
        let bad = [
            "", "  ", "a\nb", "a\u{85}b", "a\u{2028}b", "a\u{2029}b", "a\u{FEFF}b", " a", "a ", "https://x",
            String(repeating: "n", count: 129),
        ]
        for bad in bad {
            #expect(failure { () throws(RemotesError) in try RemoteName.validate(bad) }?.category == .usage)
        }
        for good in ["a", "my remote", "ü-1", "a.b_c"] {
            #expect(failure { () throws(RemotesError) in try RemoteName.validate(good) } == nil)
        }
    }
}
