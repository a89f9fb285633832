import Foundation
import RemotesTestSupport
import Testing

/// Issue 12: before any rename, the bytes about to be written must read back as intended. The
/// debug build's test hook (`REMOTES_TEST_CORRUPT_WRITES=1`) corrupts them, so the guard fires:
/// exit 70, a message asking for a report, and every file left byte for byte.
struct WriteGuardTests {
    static let corrupt = ["REMOTES_TEST_CORRUPT_WRITES": "1"]

    func expectGuarded(_ result: ProcessResult, _ path: String) {
        #expect(result.status == 70, "\(result.stderr)")
        #expect(
            result.stderr.contains(
                "could not write \(path): the text about to be written does not read back as intended, so the file was left untouched."
            ), "\(result.stderr)")
        #expect(result.stderr.contains("please report it, with the output of the same command run with --verbose"))
    }

    @Test("a config write that would not read back is not made (new file, existing file, system file)")
    func configFiles() async throws {
        let box = try CLISandbox()
        let missing = try await box.run(["--batch", "add", "x", "https://x.example.org"], environment: Self.corrupt)
        expectGuarded(missing, box.userFile)
        #expect(box.read(box.userFile) == nil)
        #expect(try await box.run(["--batch", "add", "x", "https://x.example.org"]).status == 0)
        let before = TreeSnapshot(of: box.folder.path)
        for arguments in [
            ["add", "y", "https://y.example.org"], ["use", "DefaultRemote"], ["remove", "x"],
            ["add", "--global", "g", "https://g.example.org"],
        ] {
            let result = try await box.run(["--batch"] + arguments, environment: Self.corrupt)
            expectGuarded(result, arguments.contains("--global") ? box.systemFile : box.userFile)
            #expect(TreeSnapshot(of: box.folder.path).differences(from: before, allowingNewLockFiles: true) == "")
        }
    }

    @Test("a docker config write that would not read back is not made")
    func dockerConfig() async throws {
        let box = try CLISandbox()
        let config = box.home + "/.docker/config.json"
        try box.write(
            config, "{\n\t\"auths\": {\n\t\t\"registry.example.org\": {\n\t\t\t\"auth\": \"YTpi\"\n\t\t}\n\t}\n}\n",
            mode: 0o600)
        let before = TreeSnapshot(of: box.folder.path)
        let logout = try await box.run(
            ["--batch", "logout", "docker://registry.example.org"], environment: Self.corrupt)
        expectGuarded(logout, config)
        #expect(TreeSnapshot(of: box.folder.path).differences(from: before, allowingNewLockFiles: true) == "")
        let real = try await box.run(["--batch", "logout", "docker://registry.example.org"])
        #expect(real.status == 0, "\(real.stderr)")
    }
}
