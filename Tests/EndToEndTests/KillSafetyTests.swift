import Foundation
import RemotesCore
import RemotesTestSupport
import Testing

/// SIGKILL at random moments never leaves a half-written or unparsable file.
@Suite("Kill safety")
struct KillSafetyTests {
    /// One write, as the arguments of a `remotes` run.
    static func operation(_ i: Int, names: [String]) -> [String] {
        switch i % 6 {
        case 0: return ["add", "--no-login", "-n", "k\(i)", "cloud.apptainer.org"]
        case 1: return names.isEmpty ? ["use", "DefaultRemote"] : ["remove", names[i % names.count]]
        case 2: return ["use", names.isEmpty ? "DefaultRemote" : names[(i / 2) % names.count]]
        case 3: return ["add-keyserver", "base", "https://k\(i).example"]
        case 4: return ["add-keyserver", "--order", "1", "base", "hkp://h\(i).example"]
        default: return ["remove-keyserver", "base", "hkp://h\(i - 1).example"]
        }
    }

    @Test("220 writes killed at random moments: the file is always the state before or after")
    func randomKills() async throws {
        let box = try CLISandbox()
        #expect(try await box.run(["add", "--no-login", "base", "cloud.apptainer.org"]).status == 0)
        let reference = box.folder.path("reference.yaml")
        var rng = SystemRandomNumberGenerator()
        var outcomes = (before: 0, after: 0, leftTemp: 0)
        for i in 0..<220 {
            let before = try #require(box.read(box.userFile))
            let names = try ConfigCodec.decode(before, source: "before").config.remotes.keys.filter {
                $0.hasPrefix("k")
            }
            .sorted()
            let arguments = Self.operation(i, names: names)
            // The state after: the same command, run to the end on a copy.
            try box.write(reference, before, mode: 0o600)
            let started = ContinuousClock.now
            _ = try await box.run(["--batch", "--config", reference] + arguments)
            let runtime = ContinuousClock.now - started
            let after = try #require(box.read(reference))
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
            let temps = try FileManager.default.contentsOfDirectory(atPath: box.home + "/.apptainer").filter {
                $0.contains(".tmp-")
            }
            if !temps.isEmpty { outcomes.leftTemp += 1 }
        }
        // A later write cleans any temp file a killed writer left.
        #expect(try await box.run(["use", "base"]).status == 0)
        let temps = try FileManager.default.contentsOfDirectory(atPath: box.home + "/.apptainer").filter {
            $0.contains(".tmp-")
        }
        #expect(temps.isEmpty)
        #expect(outcomes.before + outcomes.after == 220)
        print(
            "kill safety: \(outcomes.before) kills left the state before, \(outcomes.after) the state after, \(outcomes.leftTemp) left a temp file"
        )
    }
}
