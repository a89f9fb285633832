import Foundation
import RemotesCore
import RemotesTestSupport
import Testing

/// SIGKILL at random moments never leaves a half-written or unparsable file.
@Suite("Kill safety")
struct KillSafetyTests {
    /// One write, as the arguments of a `remotes` run. A login stores the token in `tokenFile`.
    static func operation(_ i: Int, names: [String], tokenFile: String) -> [String] {
        switch i % 8 {
        case 0: return ["add", "--no-login", "-n", "k\(i)", "cloud.apptainer.org"]
        case 1: return names.isEmpty ? ["use", "DefaultRemote"] : ["remove", names[i % names.count]]
        case 2: return ["use", names.isEmpty ? "DefaultRemote" : names[(i / 2) % names.count]]
        case 3: return ["add-keyserver", "base", "https://k\(i).example"]
        case 4: return ["add-keyserver", "--order", "1", "base", "hkp://h\(i).example"]
        case 5: return ["remove-keyserver", "base", "hkp://h\(i - 1).example"]
        default: return ["login", "--tokenfile", tokenFile, "ep"]
        }
    }

    @Test(
        "224 writes (a quarter of them token logins) killed at random moments: the file is always the state before or after"
    )
    func randomKills() async throws {
        try await EndpointTestServer.with { server in
            let box = try CLISandbox()
            let tokens = [validLengthToken("kill-a"), validLengthToken("kill-b")]
            server.configure { $0.validTokens = Set(tokens) }
            let tokenFiles = try tokens.enumerated().map { index, token in
                let path = box.folder.path("token-\(index)")
                try box.write(path, token, mode: 0o600)
                return path
            }
            #expect(try await box.run(["--batch", "add", "--no-login", "base", "cloud.apptainer.org"]).status == 0)
            let endpoint = server.url("/ep")
            #expect(
                try await box.run(["--batch", "add", "--no-login", "--insecure", "-n", "ep", endpoint]).status == 0)
            try await killRepeatedly(box: box, tokens: Array(zip(tokens, tokenFiles)))
        }
    }

    /// `tokens` are two tokens the server accepts, with the files holding them; a login stores
    /// the one the file does not hold, so that every login changes the file.
    func killRepeatedly(box: CLISandbox, tokens: [(token: String, file: String)]) async throws {
        let reference = box.folder.path("reference.yaml")
        var rng = SystemRandomNumberGenerator()
        var outcomes = (before: 0, after: 0, leftTemp: 0)
        var logins = (killed: 0, before: 0, after: 0)
        let count = 224
        for i in 0..<count {
            let before = try #require(box.read(box.userFile))
            let names = try ConfigCodec.decode(before, source: "before").config.remotes.keys.filter {
                $0.hasPrefix("k")
            }
            .sorted()
            let tokenFile = before.contains("Token: \(tokens[0].token)") ? tokens[1].file : tokens[0].file
            let arguments = Self.operation(i, names: names, tokenFile: tokenFile)
            let isLogin = arguments[0] == "login"
            // The state after: the same command, run to the end on a copy.
            try box.write(reference, before, mode: 0o600)
            let started = ContinuousClock.now
            let completed = try await box.run(["--batch", "--config", reference] + arguments)
            let runtime = ContinuousClock.now - started
            let after = try #require(box.read(reference))
            if isLogin {
                #expect(completed.status == 0, "\(arguments): \(completed.stderr)")
                #expect(after != before, "a login must change the file")
            }
            // The same command on the real file, killed after a random part of its run time.
            let child = try TestProcess.spawn(
                box.binary, ["--batch"] + arguments, environment: box.environment())
            try await Task.sleep(for: runtime * Double.random(in: 0...1.1, using: &rng))
            child.send(signal: SIGKILL)
            _ = await child.waitForExit(timeout: .seconds(10))
            let now = try #require(box.read(box.userFile))
            #expect(now == before || now == after, "after killing \(arguments)")
            #expect(throws: Never.self) { try ConfigCodec.decode(now, source: "killed") }
            if now == before { outcomes.before += 1 } else { outcomes.after += 1 }
            if isLogin {
                logins.killed += 1
                if now == before { logins.before += 1 } else { logins.after += 1 }
            }
            if try !Self.temps(in: box).isEmpty { outcomes.leftTemp += 1 }
        }
        // A later write cleans any temp file a killed writer left, here and in the cache folder.
        #expect(try await box.run(["use", "base"]).status == 0)
        #expect(try Self.temps(in: box).isEmpty)
        #expect(outcomes.before + outcomes.after == count)
        #expect(logins.killed == count / 4)
        print(
            "kill safety: \(outcomes.before) kills left the state before, \(outcomes.after) the state after, \(outcomes.leftTemp) left a temp file; of \(logins.killed) killed logins \(logins.before) left the state before, \(logins.after) after"
        )
    }

    /// Temp files in the user folder and the discovery cache folder.
    static func temps(in box: CLISandbox) throws -> [String] {
        var found: [String] = []
        for folder in [box.home + "/.apptainer", box.home + "/.apptainer/remote-cache"]
        where FileManager.default.fileExists(atPath: folder) {
            found += try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.contains(".tmp-") }
        }
        return found
    }
}
