import Foundation
import Testing

@testable import RemotesCore

@Suite("WWW-Authenticate parser")
struct WWWAuthenticateParserTests {
    @Test("a registry's Bearer challenge")
    func bearer() throws {
        let challenges = WWWAuthenticateParser.parse(
            #"Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:a/b:pull""#)
        #expect(challenges.count == 1)
        let bearer = try #require(challenges.first)
        #expect(bearer.isBearer)
        #expect(bearer["realm"] == "https://auth.docker.io/token")
        #expect(bearer["SERVICE"] == "registry.docker.io")
        #expect(bearer["scope"] == "repository:a/b:pull")
        #expect(bearer.token68 == nil)
    }

    @Test(
        "schemes, quoting, escapes, spaces and several challenges",
        arguments: [
            (#"Basic realm="test""#, [AuthChallenge(scheme: "basic", parameters: ["realm": "test"])]),
            (#"BASIC Realm = "a b" "#, [AuthChallenge(scheme: "basic", parameters: ["realm": "a b"])]),
            ("Basic", [AuthChallenge(scheme: "basic")]),
            ("  ,, Basic ,", [AuthChallenge(scheme: "basic")]),
            (
                #"Newauth realm="apps", type=1, title="Login to \"apps\"", Basic realm="simple""#,
                [
                    AuthChallenge(
                        scheme: "newauth", parameters: ["realm": "apps", "type": "1", "title": #"Login to "apps""#]),
                    AuthChallenge(scheme: "basic", parameters: ["realm": "simple"]),
                ]
            ),
            (
                #"Basic realm="x", Bearer realm="https://a/t",service="s""#,
                [
                    AuthChallenge(scheme: "basic", parameters: ["realm": "x"]),
                    AuthChallenge(scheme: "bearer", parameters: ["realm": "https://a/t", "service": "s"]),
                ]
            ),
            ("Negotiate YWJjZA==", [AuthChallenge(scheme: "negotiate", token68: "YWJjZA==")]),
            (
                "Negotiate YWJj==, Basic",
                [AuthChallenge(scheme: "negotiate", token68: "YWJj=="), AuthChallenge(scheme: "basic")]
            ),
            (
                "Bearer realm=https://auth.example/token,service=reg",
                [
                    AuthChallenge(
                        scheme: "bearer", parameters: ["realm": "https://auth.example/token", "service": "reg"])
                ]
            ),
            (#"Bearer realm="a", realm="b""#, [AuthChallenge(scheme: "bearer", parameters: ["realm": "a"])]),
            (#"Basic realm="unterminated"#, [AuthChallenge(scheme: "basic", parameters: ["realm": "unterminated"])]),
            (
                #"Basic realm="has, comma", charset="UTF-8""#,
                [AuthChallenge(scheme: "basic", parameters: ["realm": "has, comma", "charset": "UTF-8"])]
            ),
            (#"realm="orphan", Basic"#, [AuthChallenge(scheme: "basic")]),
            ("@@@, Basic @@@, Bearer", [AuthChallenge(scheme: "basic"), AuthChallenge(scheme: "bearer")]),
            ("", []),
        ])
    func examples(header: String, expected: [AuthChallenge]) {
        #expect(WWWAuthenticateParser.parse(header) == expected)
    }

    @Test("several header lines add up")
    func severalHeaders() {
        let challenges = WWWAuthenticateParser.parse([#"Basic realm="a""#, #"Bearer realm="b""#])
        #expect(challenges.map(\.scheme) == ["basic", "bearer"])
    }

    @Test("challenges written canonically parse back to themselves")
    func roundTrip() {
        var random = SeededRandom(seed: 7)
        let schemes = ["Basic", "Bearer", "Digest", "X-Custom_1"]
        let names = ["realm", "service", "scope", "error", "charset", "nonce"]
        let valueAlphabet = Array(#"abc XYZ09,;="\/:-._~!@#$%^&*()é"#)
        for _ in 0..<2000 {
            var expected: [AuthChallenge] = []
            var parts: [String] = []
            for _ in 0..<random.next(below: 4) + 1 {
                let scheme = schemes[random.next(below: schemes.count)]
                var parameters: [String: String] = [:]
                var written: [String] = []
                for _ in 0..<random.next(below: 4) {
                    let name = names[random.next(below: names.count)]
                    let value = String(
                        (0..<random.next(below: 12)).map { _ in valueAlphabet[random.next(below: valueAlphabet.count)] }
                    )
                    if parameters[name] == nil { parameters[name] = value }
                    let escaped = value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(
                        of: "\"", with: "\\\"")
                    written.append("\(name)=\"\(escaped)\"")
                }
                expected.append(AuthChallenge(scheme: scheme, parameters: parameters))
                parts.append(written.isEmpty ? scheme : scheme + " " + written.joined(separator: ", "))
            }
            let header = parts.joined(separator: ", ")
            #expect(WWWAuthenticateParser.parse(header) == expected, "\(header)")
        }
    }

    @Test("arbitrary input never traps and gives well-formed challenges")
    func fuzz() {
        var random = SeededRandom(seed: 42)
        let alphabet: [UInt8] = Array(#"Basic Bearer realm="\,= ;x9/+~"#.utf8) + [0, 9, 10, 0x7F, 0xC3, 0xA9, 0xFF]
        for _ in 0..<20000 {
            let length = random.next(below: 40)
            let bytes = (0..<length).map { _ in
                random.next(below: 4) == 0
                    ? UInt8(random.next(below: 256)) : alphabet[random.next(below: alphabet.count)]
            }
            let header = String(decoding: bytes, as: UTF8.self)
            for challenge in WWWAuthenticateParser.parse(header) {
                #expect(!challenge.scheme.isEmpty)
                #expect(challenge.scheme == challenge.scheme.lowercased())
                #expect(challenge.parameters.keys.allSatisfy { !$0.isEmpty && $0 == $0.lowercased() })
            }
        }
    }
}

/// A small deterministic generator (SplitMix64), so that failures can be replayed.
struct SeededRandom {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func next(below bound: Int) -> Int {
        Int(next() % UInt64(bound))
    }
}
