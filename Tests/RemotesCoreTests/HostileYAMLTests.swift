import Testing

@testable import RemotesCore

/// Regression tests for remote.yaml inputs the bad-input catalogue and the fuzzers found: each
/// used to be read (or never finished), and none may be, so that such a file is never
/// overwritten.
@Suite("Hostile remote.yaml files are refused")
struct HostileYAMLTests {
    /// Nine levels of nine aliases: 348 bytes that stand for 9^9 (387 million) values.
    static let billionLaughs: String = {
        var lines = [#"a: &a ["x","x","x","x","x","x","x","x","x"]"#]
        var previous = "a"
        for name in ["b", "c", "d", "e", "f", "g", "h", "i"] {
            lines.append(
                "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ",") + "]")
            previous = name
        }
        return (lines + ["Active: lab", "Remotes: {}"]).joined(separator: "\n") + "\n"
    }()

    @Test("an alias bomb is refused at once instead of being expanded", .timeLimit(.minutes(1)))
    func aliasBomb() throws {
        let clock = ContinuousClock()
        let start = clock.now
        let error = #expect(throws: RemotesError.self) {
            try ConfigCodec.decode(Self.billionLaughs, source: "remote.yaml")
        }
        #expect(error?.category == .badFile)
        #expect(error?.message.contains("YAML aliases make the document too large") == true)
        #expect(clock.now - start < .seconds(10))
    }

    @Test("a modest alias (a value used twice) still reads")
    func modestAlias() throws {
        let decoded = try ConfigCodec.decode(
            "x: &k [1, 2]\ny: *k\nActive: lab\nRemotes:\n    lab:\n        URI: lab.example\n", source: "remote.yaml")
        #expect(decoded.config.remotes["lab"]?.uri == "lab.example")
        #expect(decoded.unknownKeys.count == 2)
    }

    @Test(
        "a key that is a sequence or a mapping is refused, not turned into a string",
        arguments: [
            (
                "Active: lab\nRemotes:\n    ? [a]\n    : {URI: x}\n",
                "line 3: a key must be a single value, not a sequence"
            ),
            ("Active: lab\nRemotes:\n    {a: 1}: {URI: x}\n", "line 3: a key must be a single value, not a mapping"),
            ("? [a]\n: 1\nActive: lab\nRemotes: {}\n", "line 1: a key must be a single value, not a sequence"),
        ])
    func complexKeys(text: String, message: String) throws {
        let error = #expect(throws: RemotesError.self) { try ConfigCodec.decode(text, source: "remote.yaml") }
        #expect(error?.category == .badFile)
        #expect(error?.message.contains("remote.yaml: \(message)") == true, "\(String(describing: error))")
    }

    /// The input `FuzzConfigReader` held for more than its 10 s limit after 12,267 runs of
    /// `scripts/fuzz.sh 600` (2026-12-03): the bomb's last list is cut short and turns into a
    /// mapping whose key is `*h`, which Yams hashed (9^8 values) to look for duplicate keys.
    static let fuzzTimeout =
        #"a: &a ["x","x","x","x","x","x","x","x","x"]"# + "\n" + #"b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]"# + "\n"
        + #"c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]"# + "\n" + #"d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]"# + "\n"
        + #"e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]"# + "\n" + #"f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]"# + "\n"
        + #"g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]"# + "\n" + #"h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]"# + "\n"
        + "i: &i [*h,*h,*h,*h,*h,*h      URI: \u{D6}123\"\n    b\nRemotes: {}\n"

    @Test(
        "an alias of a bomb used as a key is refused before anything hashes it", .timeLimit(.minutes(1)),
        arguments: [
            (fuzzTimeout, "line 9: a key must be a single value, not a sequence"),
            (billionLaughs + "? *i\n: 1\n", "line 12: a key must be a single value, not a sequence"),
            (billionLaughs + "j: [*h, *i: 1]\n", "line 12: a key must be a single value, not a sequence"),
            ("m: &m {a: 1}\n*m : 2\nActive: lab\nRemotes: {}\n", "line 2: a key must be a single value, not a mapping"),
        ])
    func aliasKeys(text: String, message: String) throws {
        let clock = ContinuousClock()
        let start = clock.now
        let error = #expect(throws: RemotesError.self) { try ConfigCodec.decode(text, source: "remote.yaml") }
        #expect(error?.message.contains("remote.yaml: \(message)") == true, "\(String(describing: error))")
        #expect(clock.now - start < .seconds(10))
    }

    @Test("an alias of a single value may still be a key")
    func scalarAliasKey() throws {
        let decoded = try ConfigCodec.decode(
            "k: &k name\nx: {*k : 1}\nActive: lab\nRemotes:\n    lab:\n        URI: lab.example\n",
            source: "remote.yaml")
        #expect(decoded.config.remotes["lab"]?.uri == "lab.example")
    }

    /// `FuzzConfigChange` found (2026-12-03) that `! Y` and `!5 Y` were read as two keys and
    /// written back as `Y` twice, which no reader takes (the read-back guard refused the write).
    @Test(
        "keys that differ only by their tags are refused, since they would be written as one key twice",
        arguments: [
            (
                "extra:\n    ! Y: 1\n    !5 Y: 2\nActive: lab\nRemotes: {}\n",
                #"line 3: key "Y" is defined more than once"#
            ),
            (
                "Actes:\n !  Y:\n !  YDf:\n !5   Y:\n !  YD!modes:\ndes:\n !\n",
                #"line 4: key "Y" is defined more than once"#
            ),
            (
                "extra:\n" + (0..<20).map { "    k\($0): \($0)\n" }.joined() + "    !x k3: x\nRemotes: {}\n",
                #"line 22: key "k3" is defined more than once"#
            ),
        ])
    func tagOnlyDuplicates(text: String, message: String) throws {
        let error = #expect(throws: RemotesError.self) { try ConfigCodec.decode(text, source: "remote.yaml") }
        #expect(error?.category == .badFile)
        #expect(error?.message.contains("remote.yaml: \(message)") == true, "\(String(describing: error))")
    }
}
