import ArgumentParser
import Foundation
import RemotesTestSupport
import Testing

@testable import remotes

/// QuickParse must never read a command line differently from ArgumentParser.
@Suite("QuickParse agrees with ArgumentParser")
struct QuickParseTests {
    /// Every value a parsed `list` or `login` holds, as text.
    static func describe(_ command: ParsableCommand) -> String {
        func globals(_ g: GlobalOptions) -> String {
            "batch=\(g.batch) config=\(g.config ?? "nil") system=\(g.systemConfig ?? "nil") flavor=\(g.flavor?.rawValue ?? "nil") userOnly=\(g.userOnly) noColor=\(g.noColor) verbose=\(g.verbose) ca=\(g.caFile ?? "nil") timeout=\(g.timeout.map { "\($0)" } ?? "nil")"
        }
        if let list = command as? ListCommand {
            return "list \(globals(list.globals)) format=\(list.format.rawValue)"
        }
        if let login = command as? LoginCommand {
            let o = login.options
            return
                "login \(globals(login.globals)) user=\(o.username ?? "nil") password=\(o.password ?? "nil") stdin=\(o.passwordStdin) insecure=\(o.insecure) tokenfile=\(o.tokenfile ?? "nil") authfile=\(o.authfile ?? "nil") refresh=\(login.discovery.refresh) target=\(login.target ?? "nil")"
        }
        return "other \(type(of: command))"
    }

    static let globalPieces: [[String]] = [
        ["--batch"], ["--no-color"], ["--user-only"], ["-v"], ["--verbose"], ["-c", "f.yaml"], ["--config", "g.yaml"],
        ["--system-config", "s.yaml"], ["--flavor", "singularity"], ["--flavor", "bogus"], ["--ca-file", "ca.pem"],
        ["--timeout", "2.5"], ["--timeout", "x"], ["--config=x.yaml"], ["--config", "-x"], ["-h"], ["--help"],
        ["--unknown"], ["--version"], ["-"], ["--"], ["-vc", "f"],
    ]
    static let listPieces: [[String]] = [["--format", "json"], ["--format", "text"], ["--format", "xml"], ["extra"]]
    static let loginPieces: [[String]] = [
        ["-u", "alice"], ["--username", "bob"], ["-p", "pw"], ["--password", "pw"], ["--password-stdin"], ["-i"],
        ["--insecure"], ["--tokenfile", "t"], ["--authfile", "a"], ["--refresh"], ["docker://h:5000"], ["name"],
        ["oras://r"], ["-u"],
    ]

    /// A random command line made of the pieces above, in random order.
    static func randomLine(_ rng: inout some RandomNumberGenerator) -> [String] {
        let command = ["list", "login", "use", "list"].randomElement(using: &rng)!
        var before: [String] = []
        for _ in 0..<Int.random(in: 0...2, using: &rng) { before += globalPieces.randomElement(using: &rng)! }
        let own = command == "login" ? loginPieces : command == "list" ? listPieces : [["x"]]
        var after: [[String]] = []
        for _ in 0..<Int.random(in: 0...4, using: &rng) {
            after.append(
                Bool.random(using: &rng) ? own.randomElement(using: &rng)! : globalPieces.randomElement(using: &rng)!)
        }
        return before + [command] + after.shuffled(using: &rng).flatMap { $0 }
    }

    @Test("on 2,000 random command lines, every line QuickParse reads parses identically with ArgumentParser")
    func agreement() throws {
        var rng = SeededGenerator(seed: 2026)
        var accepted = 0
        for _ in 0..<2_000 {
            let line = Self.randomLine(&rng)
            guard var quick = QuickParse.command(line) else { continue }
            accepted += 1
            let viaQuick = Result { () throws -> String in
                try quick.validate()
                return Self.describe(quick)
            }
            let viaParser = Result { () throws -> String in Self.describe(try RemotesCommand.parseAsRoot(line)) }
            switch (viaQuick, viaParser) {
            case (.success(let a), .success(let b)): #expect(a == b, "\(line)")
            case (.failure, .failure): break
            default: Issue.record("QuickParse and ArgumentParser disagree on \(line): \(viaQuick) vs \(viaParser)")
            }
        }
        // The quick path must actually be taken by common lines, or it would prove nothing.
        #expect(accepted > 200)
    }

    @Test("common lines take the quick path; help, unknown and doubled options do not")
    func examples() {
        #expect(QuickParse.command(["list"]) is ListCommand)
        #expect(QuickParse.command(["--batch", "list", "--format", "json", "-c", "x"]) is ListCommand)
        #expect(
            QuickParse.command(["login", "-u", "alice", "--password-stdin", "docker://127.0.0.1:5000", "--batch"])
                is LoginCommand)
        for line in [
            [], ["list", "--help"], ["--help"], ["list", "--format=json"], ["list", "--batch", "--batch"],
            ["login", "-u", "a", "--username", "b"], ["add", "n", "u"], ["login", "a", "b"],
            ["--format", "json", "list"],
            ["list", "--config"], ["list", "--config", "-x"], ["login", "-ui", "x"],
        ] {
            #expect(QuickParse.command(line) == nil, "\(line)")
        }
    }

    @Test("QuickParse knows exactly the options ArgumentParser knows for list and login")
    func sameOptions() async throws {
        let binary = try #require(PackagePaths.builtProduct("remotes"))
        let dump = try await TestProcess.run(binary, ["--experimental-dump-help"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(dump.standardOutput)) as? [String: Any])
        let root = try #require(object["command"] as? [String: Any])
        let subcommands = try #require(root["subcommands"] as? [[String: Any]])
        for name in ["list", "login"] {
            let command = try #require(subcommands.first { $0["commandName"] as? String == name })
            var flags: Set<String> = []
            var options: Set<String> = []
            for argument in command["arguments"] as? [[String: Any]] ?? [] {
                let names = (argument["names"] as? [[String: Any]] ?? []).compactMap { n -> String? in
                    guard let text = n["name"] as? String, let kind = n["kind"] as? String else { return nil }
                    return (kind == "short" ? "-" : "--") + text
                }.filter { !["-h", "--help", "--version"].contains($0) }
                switch argument["kind"] as? String {
                case "flag": flags.formUnion(names)
                case "option": options.formUnion(names)
                default: break
                }
            }
            #expect(flags == QuickParse.flags[""]!.union(QuickParse.flags[name]!), "\(name) flags")
            #expect(options == QuickParse.valueOptions[""]!.union(QuickParse.valueOptions[name]!), "\(name) options")
        }
    }
}

/// A small deterministic generator (SplitMix64), so a failing line can be reproduced.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
