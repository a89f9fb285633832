import ArgumentParser
import Foundation
import RemotesTestSupport
import Testing

@testable import remotes

/// QuickParse must never read a command line differently from ArgumentParser.
@Suite("QuickParse agrees with ArgumentParser")
struct QuickParseTests {
    /// What ArgumentParser made of a line, in QuickParse's terms (nil for other commands).
    static func quickForm(_ command: ParsableCommand) -> QuickParse.Command? {
        if let list = command as? ListCommand { return .list(list.globals.settings, format: list.format) }
        if let login = command as? LoginCommand {
            return .login(
                login.globals.settings, login.options.settings, refresh: login.discovery.refresh, target: login.target)
        }
        return nil
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
    func agreement() async throws {
        var rng = SeededGenerator(seed: 2026)
        var accepted = 0
        for index in 0..<2_000 {
            // Long CPU work: let other tests' timers run on the few threads of the pool.
            if index % 50 == 0 { await Task.yield() }
            let line = Self.randomLine(&rng)
            guard let quick = QuickParse.command(line) else { continue }
            accepted += 1
            do {
                let parsed = try RemotesCommand.parseAsRoot(line)
                #expect(Self.quickForm(parsed) == quick, "\(line)")
            } catch {
                Issue.record("QuickParse reads \(line), ArgumentParser refuses it: \(error)")
            }
        }
        // The quick path must actually be taken by common lines, or it would prove nothing.
        #expect(accepted > 200)
    }

    @Test("common lines take the quick path; help, unknown and doubled options do not")
    func examples() {
        #expect(QuickParse.command(["list"]) == .list(GlobalSettings(), format: .text))
        #expect(
            QuickParse.command(["--batch", "list", "--format", "json", "-c", "x"])
                == .list(GlobalSettings(batch: true, config: "x"), format: .json))
        #expect(
            QuickParse.command(["login", "-u", "alice", "--password-stdin", "docker://127.0.0.1:5000", "--batch"])
                == .login(
                    GlobalSettings(batch: true), LoginSettings(username: "alice", passwordStdin: true), refresh: false,
                    target: "docker://127.0.0.1:5000"))
        for line in [
            [], ["list", "--help"], ["--help"], ["list", "--format=json"], ["list", "--batch", "--batch"],
            ["login", "-u", "a", "--username", "b"], ["add", "n", "u"], ["login", "a", "b"],
            ["--format", "json", "list"],
            ["list", "--config"], ["list", "--config", "-x"], ["login", "-ui", "x"],
            ["login", "-p", "x", "--password-stdin"],
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
            #expect(flags == Set(QuickParse.flags("") + QuickParse.flags(name)), "\(name) flags")
            #expect(options == Set(QuickParse.valueOptions("") + QuickParse.valueOptions(name)), "\(name) options")
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
