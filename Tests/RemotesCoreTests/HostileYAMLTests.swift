import Testing

@testable import RemotesCore

/// Regression tests for two remote.yaml inputs the bad-input catalogue found: both used to be
/// read (one never finished), and neither may be, so that such a file is never overwritten.
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
}
