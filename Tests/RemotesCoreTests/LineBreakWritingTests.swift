import Testing

@testable import RemotesCore

/// Issue 12: strings with a line break other than a plain `\n`, tabs or trailing spaces, kept in
/// unknown keys, were written in forms that no YAML reader takes back (a literal block with raw
/// carriage returns, a single-quoted key over two lines). Each case checks the exact bytes
/// (go-yaml 3.0.1's, from scripts/goyaml/oracle.go) and that they read back to the same value.
@Suite("Line breaks, tabs and trailing spaces are written so that they read back")
struct LineBreakWritingTests {
    /// Encodes `config`, expects `expected`, and reads it back to the same config.
    func check(_ config: RemoteConfig, _ expected: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let written = ConfigCodec.encode(config)
        #expect(written == expected, sourceLocation: sourceLocation)
        let again = try ConfigCodec.decode(written, source: "rewritten")
        #expect(again.config == config, sourceLocation: sourceLocation)
        #expect(ConfigCodec.encode(again.config) == written, sourceLocation: sourceLocation)
    }

    /// The reproducer of issue 12 (found by FuzzConfigReader): `add` kept the unknown key and
    /// wrote `"\r\r----x"` (read as "\n----x") in a nested sequence as `|4-`, which does not parse.
    @Test("the issue's file: an unknown key whose sequence holds \"\\r\\r----x\"")
    func issueReproducer() throws {
        let text = "Active: \"\"\nRemotes: {}\nRemoxes:\n ------------   a: &a [\"x\",\"\r\r----x\",\"x\"]\n"
        var config = try ConfigCodec.decode(text, source: "r.yaml").config
        config.remotes["x"] = Remote(uri: "x.example.org")
        try check(
            config,
            """
            Active: ""
            Remotes:
                x:
                    URI: x.example.org
                    System: false
                    Exclusive: false
            Remoxes:
                '------------   a':
                    - x
                    - "\\n----x"
                    - x

            """)
    }

    @Test("the reduced case: line separators in the key of an unknown mapping")
    func separatorsInKey() throws {
        let text = "Active: \"\"\nRemotes: {}\nextra: {\"\\u2028\\u2028----x\": v}\n"
        let config = try ConfigCodec.decode(text, source: "r.yaml").config
        try check(config, "Active: \"\"\nRemotes: {}\nextra:\n    ? '\u{2028}\u{2028}        ----x'\n    : v\n")
    }

    /// `extra: {S: v, list: [S, [S]], value: S}`: a key, a sequence item, an item of a nested
    /// sequence and a mapping value, all holding S.
    static func everywhere(_ s: String) -> RemoteConfig {
        let list = YAMLNode.sequence([.string(s), .sequence([.string(s)])])
        let extra = YAMLNode.mapping([YAMLPair(s, .string("v")), YAMLPair("list", list), YAMLPair("value", .string(s))])
        return RemoteConfig(extraKeys: [YAMLPair("extra", extra)])
    }

    /// What go-yaml writes for `everywhere(s)` when S is written in one style everywhere; `key`
    /// is the key line(s).
    static func expected(key: String, _ v: String, _ item: String, _ inner: String) -> String {
        "Active: \"\"\nRemotes: {}\nextra:\n" + key + "    list:\n        - \(item)\n        - - \(inner)\n"
            + "    value: \(v)\n"
    }

    @Test(
        "each kind of line break, a tab and a trailing space, in every position",
        arguments: [
            ("a\rb", #""a\rb""#, true), ("a\r\nb", #""a\r\nb""#, true), ("a\u{85}b", #""a\Nb""#, true),
            ("a\tb", #""a\tb""#, false), ("a \nb", #""a \nb""#, true), ("a\n\u{85}", #""a\n\N""#, true),
        ])
    func doubleQuoted(input: String, quoted: String, complexKey: Bool) throws {
        let key = complexKey ? "    ? \(quoted)\n    : v\n" : "    \(quoted): v\n"
        try check(Self.everywhere(input), Self.expected(key: key, quoted, quoted, quoted))
    }

    @Test("a trailing space is single-quoted")
    func trailingSpace() throws {
        try check(Self.everywhere("a "), Self.expected(key: "    'a ': v\n", "'a '", "'a '", "'a '"))
    }

    /// LS and PS are printable to go-yaml: it keeps them raw in single quotes and indents the
    /// text after them to the scalar's column.
    @Test("line and paragraph separators stay raw, the text after them indented", arguments: ["\u{2028}", "\u{2029}"])
    func separators(separator: String) throws {
        let s = "a\(separator)b"
        let key = "    ? 'a\(separator)        b'\n    : v\n"
        try check(
            Self.everywhere(s),
            Self.expected(
                key: key, "'a\(separator)        b'", "'a\(separator)          b'", "'a\(separator)            b'"))
    }

    @Test("a tab in a text of several lines stays in the literal block")
    func tabInLiteral() throws {
        let expected = """
            Active: ""
            Remotes: {}
            extra:
                ? |-
                    a\tb
                    c
                : v
                list:
                    - |-
                      a\tb
                      c
                    - - |-
                        a\tb
                        c
                value: |-
                    a\tb
                    c

            """
        try check(Self.everywhere("a\tb\nc"), expected)
    }

    /// Where go-yaml's own literal block would not read back, the text is double-quoted
    /// (docs/design.md, "Writing YAML byte for byte").
    @Test(
        "literal blocks go-yaml would break are double-quoted",
        arguments: [
            ("\n----x", #""\n----x""#), ("\u{2028}--- b\nc", #""\L--- b\nc""#), ("\n", #""\n""#),
            ("\ta\nb", #""\ta\nb""#),
        ])
    func brokenLiterals(input: String, quoted: String) throws {
        try check(Self.everywhere(input), Self.expected(key: "    ? \(quoted)\n    : v\n", quoted, quoted, quoted))
    }

    @Test("a sequence item that starts with a space and has several lines")
    func indentedItem() throws {
        let expected = """
            Active: ""
            Remotes: {}
            extra:
                ? |4-
                     a
                    b
                : v
                list:
                    - " a\\nb"
                    - - " a\\nb"
                value: |4-
                     a
                    b

            """
        try check(Self.everywhere(" a\nb"), expected)
    }

    @Test("a literal block that ends in a line separator: the next key follows it directly")
    func literalEndingInSeparator() throws {
        let config = RemoteConfig(extraKeys: [YAMLPair("k", .string("a\nb\u{2028}")), YAMLPair("z", .string("y"))])
        try check(config, "Active: \"\"\nRemotes: {}\nk: |\n    a\n    b\u{2028}z: \"y\"\n")
    }

    @Test("a key over 128 bytes is written as go-yaml writes it, `? key`")
    func longKey() throws {
        let long = String(repeating: "k", count: 129)
        let config = RemoteConfig(
            remotes: [long: Remote(uri: "example.org")],
            extraKeys: [YAMLPair(long, .mapping([YAMLPair("a", .sequence([.string("b")]))]))])
        let expected = """
            Active: ""
            Remotes:
                ? \(long)
                :   URI: example.org
                    System: false
                    Exclusive: false
            ? \(long)
            :   a:
                    - b

            """
        try check(config, expected)
        // 128 bytes is still a simple key.
        let short = String(repeating: "k", count: 128)
        try check(RemoteConfig(extraKeys: [YAMLPair(short, .string("v"))]), "Active: \"\"\nRemotes: {}\n\(short): v\n")
    }
}
