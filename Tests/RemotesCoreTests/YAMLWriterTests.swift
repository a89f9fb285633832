import Foundation
import Testing

@testable import RemotesCore

@Suite("Writing remote.yaml as Apptainer does")
struct YAMLWriterTests {
    @Test("a new remote on an empty file (reference §1.4)")
    func newRemote() {
        let config = RemoteConfig(active: "cloud", remotes: ["cloud": Remote(uri: "cloud.sycloud.io")])
        #expect(
            ConfigCodec.encode(config) == """
                Active: cloud
                Remotes:
                    cloud:
                        URI: cloud.sycloud.io
                        System: false
                        Exclusive: false

                """)
    }

    @Test("a typical user file with token and credentials (reference §1.4)")
    func typicalUserFile() {
        let config = RemoteConfig(
            active: "myremote",
            remotes: [
                "DefaultRemote": Remote(uri: "cloud.apptainer.org", system: true),
                "myremote": Remote(uri: "enterprise.example.com", token: "eyJhbGciOi"),
            ],
            credentials: [
                Credential(uri: "docker://registry.example.com"),
                Credential(uri: "https://keys.example.com", auth: "Basic bXluYW1lOnMzY3JldA=="),
            ])
        #expect(
            ConfigCodec.encode(config) == """
                Active: myremote
                Remotes:
                    DefaultRemote:
                        URI: cloud.apptainer.org
                        System: true
                        Exclusive: false
                    myremote:
                        URI: enterprise.example.com
                        Token: eyJhbGciOi
                        System: false
                        Exclusive: false
                Credentials:
                    - URI: docker://registry.example.com
                      Insecure: false
                    - URI: https://keys.example.com
                      Auth: Basic bXluYW1lOnMzY3JldA==
                      Insecure: false

                """)
    }

    @Test("a system file with keyservers (reference §1.4)")
    func systemWithKeyservers() {
        let config = RemoteConfig(
            active: "DefaultRemote",
            remotes: [
                "DefaultRemote": Remote(
                    uri: "cloud.apptainer.org", system: true,
                    keyservers: [
                        Keyserver(uri: "https://keys.openpgp.org", external: false),
                        Keyserver(uri: "http://localhost:11371", external: true, insecure: true),
                    ])
            ])
        #expect(
            ConfigCodec.encode(config) == """
                Active: DefaultRemote
                Remotes:
                    DefaultRemote:
                        URI: cloud.apptainer.org
                        System: true
                        Exclusive: false
                        Keyservers:
                            - URI: https://keys.openpgp.org
                              Skip: false
                              External: false
                              Insecure: false
                            - URI: http://localhost:11371
                              Skip: false
                              External: true
                              Insecure: true

                """)
    }

    @Test("an empty config")
    func empty() {
        #expect(ConfigCodec.encode(RemoteConfig()) == "Active: \"\"\nRemotes: {}\n")
    }

    @Test(
        "strings are quoted as go-yaml quotes them",
        arguments: [
            ("plain", "plain"), ("y", "\"y\""), ("Yes", "\"Yes\""), ("off", "\"off\""), ("true", "\"true\""),
            ("null", "\"null\""), ("~", "\"~\""), ("123", "\"123\""), ("0x1F", "\"0x1F\""), ("1e3", "\"1e3\""),
            (".5", "\".5\""), ("1:20", "\"1:20\""), ("2024-01-05", "\"2024-01-05\""), ("1.2.3", "1.2.3"),
            ("foo: bar", "'foo: bar'"), ("a #b", "'a #b'"), ("a#b", "a#b"), ("#x", "'#x'"), ("-x", "-x"),
            ("- x", "'- x'"), (" lead", "' lead'"), ("trail ", "'trail '"), ("it's", "it's"), ("'q", "'''q'"),
            ("a\tb", "\"a\\tb\""), ("😀", "\"\\U0001F600\""), ("ü", "ü"), ("@x", "'@x'"), ("a: 'b'", "'a: ''b'''"),
            ("1e999", "1e999"), ("0o8", "0o8"), ("+1", "\"+1\""), ("-", "'-'"), ("---", "'---'"), ("x:", "'x:'"),
            ("key:value", "key:value"), ("[a]", "'[a]'"), ("a,b", "a,b"), ("{", "'{'"), ("\u{7F}", "\"\\x7F\""),
        ])
    func quoting(input: String, expected: String) {
        let config = RemoteConfig(active: input)
        #expect(ConfigCodec.encode(config) == "Active: \(expected)\nRemotes: {}\n")
    }

    @Test("remote names that need quoting as keys")
    func quotedKeys() {
        let config = RemoteConfig(active: "", remotes: ["y": Remote(uri: "a"), "my remote: x": Remote(uri: "b")])
        let text = ConfigCodec.encode(config)
        #expect(text.contains("\n    \"y\":\n"))
        #expect(text.contains("\n    'my remote: x':\n"))
    }

    @Test("multi-line strings in unknown keys use a literal block")
    func literal() {
        let config = RemoteConfig(extraKeys: [YAMLPair("Note", .string("line one\nline two"))])
        #expect(ConfigCodec.encode(config) == "Active: \"\"\nRemotes: {}\nNote: |-\n    line one\n    line two\n")
    }

    @Test("remote names are sorted in go-yaml's natural order")
    func naturalOrder() {
        let names = ["r10", "aB", "r9", "a_b", "R1", "x01", "x1", "x001", "b2a", "b10"]
        #expect(NaturalKeyOrder.sorted(names) == ["R1", "a_b", "aB", "b2a", "b10", "r9", "r10", "x1", "x01", "x001"])
    }

    /// Found by FuzzConfigReader (Fuzz/corpus/config/crash-natural-order): names whose digit runs
    /// overflow, which go-yaml's order (and so ours) cannot rank consistently. The bytes written
    /// depended on the order the names sat in memory; now they do not.
    static let unrankableNames =
        "QWN06XZlOiBEZWZhdWx0UmVtb/9IClJlbW90ZXM6CiAgKfr6+vr6+vr6+vr6+vr6+vr6+vr6+vr6+vr6+vr6+vr6+vr6+vr6+vr6+vr6+vr6uvr6+vf6+vr6+vr6IERlZmF1bHRSZW1vdGU6CiAg+vr6+jg4ODg4ODg4ODg4ODg4ODg4ODg4ODj6+vr6+vr6+vr6+vr6+lj6+vr6+vr6+vr6+vr6+vr6+vr6+lP6+iAgRGVmYXVsdFJlbW90ZToKICAgICAgICBVUkk6IGNsb3VkLmFwcHRhaW4xMjY2////ICAgVUplci5vci1nCiAg+vr6+vogIERlZmF1bHRSZW1vdGU6CiAg+vr6+jg4VVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVODg4ODg4ODg4ODg4ODg4ODg4ODj6+vr6T3B0aW9uYWwwICAgU3lzdGVlZmF1bHRSZWF1bHRSZW1vdGU6CiAgbW90ZToKICAgIFVSSTogY2xvdWQuYXBwdGFpbmVyLm9yZwogICAgU3lzdGVtOiB0cnVlCg=="

    @Test("names the natural order cannot rank are written in one order, whatever order they were read in")
    func unrankableNamesWriteStably() throws {
        let bytes = try #require(Data(base64Encoded: Self.unrankableNames))
        let text = String(decoding: bytes, as: UTF8.self)
        let decoded = try ConfigCodec.decode(text, source: "fuzz")
        let written = ConfigCodec.encode(decoded.config)
        let again = try ConfigCodec.decode(written, source: "rewritten")
        #expect(again.config == decoded.config)
        #expect(ConfigCodec.encode(again.config) == written)
        // The same names inserted in many different orders write the same bytes.
        let names = Array(decoded.config.remotes.keys)
        #expect(names.count >= 4)
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<50 {
            var config = decoded.config
            config.remotes = [:]
            for name in names.shuffled(using: &rng) { config.remotes[name] = decoded.config.remotes[name] }
            let shuffled = ConfigCodec.encode(config)
            let difference = zip(shuffled.split(separator: "\n"), written.split(separator: "\n")).first { $0 != $1 }
            #expect(shuffled == written, "first different line: \(String(describing: difference))")
        }
    }
}
