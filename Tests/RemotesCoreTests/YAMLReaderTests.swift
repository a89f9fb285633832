import Testing

@testable import RemotesCore

@Suite("Reading remote.yaml files every version writes")
struct YAMLReaderTests {
    @Test("a 2-space file from Apptainer 1.2 reads and is written back with 4 spaces")
    func twoSpaceFile() throws {
        let text = """
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
            """
        let decoded = try ConfigCodec.decode(text, source: "remote.yaml")
        #expect(decoded.unknownKeys.isEmpty)
        let remote = try #require(decoded.config.remotes["DefaultRemote"])
        #expect(remote.system)
        #expect(remote.keyservers.map(\.uri) == ["https://keys.openpgp.org"])
        #expect(
            ConfigCodec.encode(decoded.config) == """
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

                """)
    }

    @Test("what we write reads back to the same config and the same bytes")
    func roundTrip() throws {
        let config = RemoteConfig(
            active: "n",
            remotes: [
                "n": Remote(uri: "https://h:8443", token: "t0k", exclusive: true, insecure: true),
                "0": Remote(uri: "123"),
                "y": Remote(uri: "x", keyservers: [Keyserver(uri: "hkp://k", skip: true, external: false)]),
            ],
            credentials: [Credential(uri: "oras://r:5000", insecure: true)])
        let text = ConfigCodec.encode(config)
        let back = try ConfigCodec.decode(text, source: "f").config
        #expect(back == config)
        #expect(ConfigCodec.encode(back) == text)
    }

    @Test("unknown keys are kept, reported and written back")
    func unknownKeys() throws {
        let text = """
            Active: a
            Color: blue
            Remotes:
                a:
                    URI: a.example
                    System: false
                    Exclusive: false
                    Owner:
                        team: hpc
                        ids: [1, 2]
            Extra: 12
            """
        let decoded = try ConfigCodec.decode(text, source: "f")
        #expect(decoded.unknownKeys == ["Color (line 2)", "Remotes.a.Owner (line 8)", "Extra (line 11)"])
        #expect(
            ConfigCodec.encode(decoded.config) == """
                Active: a
                Remotes:
                    a:
                        URI: a.example
                        System: false
                        Exclusive: false
                        Owner:
                            team: hpc
                            ids:
                                - 1
                                - 2
                Color: blue
                Extra: 12

                """)
    }

    @Test("YAML 1.1 booleans, null sections and an empty file")
    func looseForms() throws {
        let decoded = try ConfigCodec.decode(
            "Active:\nRemotes:\n  a: {URI: x, System: yes, Exclusive: off}\nCredentials:\n", source: "f")
        #expect(decoded.config.active == "")
        #expect(decoded.config.remotes["a"]?.system == true)
        #expect(decoded.config.remotes["a"]?.exclusive == false)
        #expect(try ConfigCodec.decode("", source: "f").config == RemoteConfig())
        #expect(try ConfigCodec.decode("Remotes:\n", source: "f").config == RemoteConfig())
    }

    @Test(
        "bad files give a message with the file and the line",
        arguments: [
            ("Active: [1, 2]\n", "f: line 1: Active must be a single value, not a sequence"),
            ("Remotes:\n  a:\n    System: maybe\n", "f: line 3: Remotes.a.System must be true or false, not \"maybe\""),
            ("Remotes: 5\n", "f: line 1: Remotes must be a mapping, not a scalar"),
            ("Remotes:\n  a: {URI: x}\n  a: {URI: y}\n", "defined more than once"),
            ("Active: a\n  bad: indent\n", "f: line 2"),
            ("- just\n- a list\n", "f: line 1: the file must be a mapping, not a sequence"),
            ("Credentials:\n  URI: x\n", "f: line 2: Credentials must be a list, not a mapping"),
        ])
    func badFiles(text: String, expected: String) {
        #expect {
            try ConfigCodec.decode(text, source: "f")
        } throws: { error in
            guard let error = error as? RemotesError else { return false }
            return error.category == .badFile && error.message.contains(expected)
        }
    }
}
