import Foundation
import RemotesTestSupport
import Testing

/// Issue 11, findings 5 and 6: another user swaps links under root's writes, and holds locks
/// root needs. Root runs the built binary; `nobody` is the attacker.
@Suite("Root against races and held locks", .enabled(if: TestProcess.isRoot, "needs root"))
struct RootRaceAndLockTests {
    /// Holds an exclusive flock on `path` (opened read-only) until killed; prints "held" once it has it.
    static func lockHolder(_ path: String) -> String {
        "exec python3 -c 'import fcntl,sys,time; f=open(sys.argv[1]); fcntl.flock(f, fcntl.LOCK_EX); print(\"held\", flush=True); time.sleep(120)' '\(path)'"
    }

    @Test(
        "5: nobody swaps its file and a link to root's for 10 s while root writes 100+ times: root's files stay as they were"
    )
    func swappedLinks() async throws {
        let box = try CLISandbox(worldTraversable: true)
        try box.folder.giveToNobody("home")
        _ = try box.folder.makeFolder("root", mode: 0o755)
        try box.write(box.folder.path("root/remote.yaml"), RootSymlinkTests.rootYAML, mode: 0o640)
        try box.write(box.folder.path("root/shadow"), "root:secret\n", mode: 0o600)
        let attack = try box.folder.makeFolder("home/attack", mode: 0o755, ownedByNobody: true)
        try box.write(attack + "/own.yaml", "Active: \"\"\nRemotes: {}\n", mode: 0o644)
        HostileUser.own(attack + "/own.yaml")
        let before = TreeSnapshot(of: box.folder.path("root"))
        let target = box.folder.path("root/remote.yaml")
        let swapper = try HostileUser.start(
            "while :; do cp own.yaml t1 && mv -fT t1 remote.yaml; ln -sfn \(target) t2 && mv -fT t2 remote.yaml; done",
            workingDirectory: attack)
        defer { swapper.send(signal: SIGKILL) }
        let started = ContinuousClock.now
        var codes: [Int32: Int] = [:]
        var runs = 0
        while runs < 100 || ContinuousClock.now - started < .seconds(10) {
            let result = try await box.run([
                "--batch", "--config", attack + "/remote.yaml", "add", "r\(runs)", "https://r.example.org",
            ])
            codes[result.status, default: 0] += 1
            runs += 1
        }
        #expect(swapper.isRunning, "the swapper stopped early: \(swapper.standardError)")
        #expect(Set(codes.keys).isSubset(of: [0, 65, 75]), "\(codes)")
        #expect(codes[65, default: 0] > 0, "the link was never seen: \(codes)")
        #expect(TreeSnapshot(of: box.folder.path("root")).differences(from: before) == "")
        print("race: \(runs) writes in \(ContinuousClock.now - started), exit codes \(codes)")
    }

    @Test("6: the system file's lock only root can open; an old readable one that nobody holds is replaced")
    func systemLock() async throws {
        let box = try CLISandbox(worldTraversable: true)
        try box.write(
            box.systemFile,
            "Active: DefaultRemote\nRemotes:\n    DefaultRemote:\n        URI: cloud.apptainer.org\n        System: true\n        Exclusive: false\n",
            mode: 0o644)
        let lock = box.systemFile + ".lock"
        try box.write(lock, "", mode: 0o644)  // as remotes before this change made it
        let holder = try HostileUser.start(Self.lockHolder(lock), workingDirectory: box.folder.path)
        defer { holder.send(signal: SIGKILL) }
        _ = try await holder.waitForOutput(containing: "held", timeout: .seconds(10))
        let started = ContinuousClock.now
        let add = try await box.run(["--batch", "add", "--global", "g", "https://g.example.org"])
        let took = ContinuousClock.now - started
        #expect(add.status == 0, "\(add.stderr)")
        #expect(took < SanitizerSlack.scaled(.seconds(8)), "root's global add took \(took)")
        #expect(box.read(box.systemFile)?.contains("    g:\n") == true)
        #expect(HostileUser.ownerAndMode(lock)?.uid == 0)
        #expect(HostileUser.ownerAndMode(lock)?.mode == 0o600)
        // nobody can no longer even open it
        let again = try await TestProcess.runUnprivileged("/usr/bin/python3", ["-c", "open('\(lock)')"])
        #expect(again.status != 0)
        #expect(again.stderr.contains("PermissionError"), "\(again.stderr)")
        // and a second global edit goes through at once, with nobody still holding the old lock
        let second = try await box.run(["--batch", "remove", "--global", "g"])
        #expect(second.status == 0, "\(second.stderr)")
    }

    @Test("every lock wait is bounded: a lock another user holds ends in exit 75, and --verbose says it waits")
    func boundedWait() async throws {
        let box = try CLISandbox(worldTraversable: true)
        let folder = try box.folder.makeFolder("theirs", mode: 0o755, ownedByNobody: true)
        let file = folder + "/remote.yaml"
        try box.write(file, "Active: \"\"\nRemotes: {}\n", mode: 0o644)
        HostileUser.own(file)
        try box.write(file + ".lock", "", mode: 0o644)
        HostileUser.own(file + ".lock")
        let holder = try HostileUser.start(Self.lockHolder(file + ".lock"), workingDirectory: folder)
        defer { holder.send(signal: SIGKILL) }
        _ = try await holder.waitForOutput(containing: "held", timeout: .seconds(10))
        let before = TreeSnapshot(of: folder)
        let started = ContinuousClock.now
        let add = try await box.run(
            ["--batch", "--verbose", "--config", file, "add", "x", "https://x.example.org"],
            environment: ["REMOTES_LOCK_TIMEOUT": "1"])
        let took = ContinuousClock.now - started
        #expect(add.status == 75, "\(add.stderr)")
        #expect(add.stderr.contains("DEBUG:   waiting for \(file).lock: another process holds it"), "\(add.stderr)")
        #expect(add.stderr.contains("FATAL:   another process is editing \(file)"), "\(add.stderr)")
        #expect(took >= .seconds(1) && took < .seconds(20), "took \(took)")  // bounded; room for a loaded machine
        #expect(TreeSnapshot(of: folder).differences(from: before) == "")
    }

    @Test("a new system lock file is root's, mode 0600")
    func freshSystemLock() async throws {
        let box = try CLISandbox(worldTraversable: true)
        #expect(try await box.run(["--batch", "add", "--global", "g", "https://g.example.org"]).status == 0)
        #expect(HostileUser.ownerAndMode(box.systemFile + ".lock")?.mode == 0o600)
        #expect(HostileUser.ownerAndMode(box.systemFile + ".lock")?.uid == 0)
        #expect(HostileUser.ownerAndMode(box.systemFile)?.mode == 0o644)
    }
}
