import Foundation
import RemotesTestSupport
import Testing

/// Global edits need root: run the binary as `nobody` and as root.
@Suite("Global edits and root", .enabled(if: TestProcess.isRoot, "needs root to switch to nobody"))
struct PrivilegeTests {
    func sandboxOwnedByNobody() throws -> CLISandbox {
        let box = try CLISandbox(worldTraversable: true)
        try box.folder.giveToNobody("home")
        try box.write(
            box.systemFile,
            "Active: DefaultRemote\nRemotes:\n    DefaultRemote:\n        URI: cloud.apptainer.org\n        System: true\n        Exclusive: false\n    company:\n        URI: company.example\n        System: true\n        Exclusive: false\n"
        )
        return box
    }

    @Test("as nobody, every global edit is refused with Apptainer's message and nothing changes")
    func refusedForUsers() async throws {
        let box = try sandboxOwnedByNobody()
        let system = box.read(box.systemFile)
        let cases: [([String], String)] = [
            (
                ["add", "--global", "g", "g.example"],
                "Unable to modify global endpoint configuration file: not root user"
            ),
            (["remove", "--global", "company"], "Unable to modify global endpoint configuration file: not root user"),
            (["use", "--global", "company"], "Unable to modify global endpoint configuration file: not root user"),
            (["use", "--exclusive", "company"], "unable to set endpoint as exclusive: not root user"),
            (["add-keyserver", "https://k.example"], "Unable to modify keyserver configuration: not root user"),
            (
                ["remove-keyserver", "company", "https://k.example"],
                "Unable to modify keyserver configuration: not root user"
            ),
        ]
        for (arguments, message) in cases {
            let result = try await box.runAsNobody(arguments)
            #expect(result.status == 1, "\(arguments): \(result.stderr)")
            #expect(result.stderr == "FATAL:   \(message)\n", "\(arguments)")
            #expect(box.read(box.systemFile) == system)
        }
        #expect(box.read(box.userFile) == nil)
        // a user's own remote keeps its keyservers in the user file
        #expect(try await box.runAsNobody(["add", "--no-login", "mine", "cloud.apptainer.org"]).status == 0)
        #expect(try await box.runAsNobody(["add-keyserver", "https://k.example"]).status == 0)
        #expect(box.read(box.userFile)?.contains("- URI: https://k.example") == true)
        #expect(box.read(box.systemFile) == system)
    }

    @Test("as root, global edits write the system file with mode 0644")
    func rootEdits() async throws {
        let box = try CLISandbox()
        let add = try await box.run(["add", "--global", "g", "g.example"])
        #expect(add.status == 0)
        #expect(
            add.stderr
                == "INFO:    Remote \"g\" added.\nINFO:    Global option detected. Will not automatically log into remote.\n"
        )
        #expect(box.mode(box.systemFile) == 0o644)
        let system = try #require(box.read(box.systemFile))
        #expect(
            system.hasPrefix(
                "Active: g\nRemotes:\n    DefaultRemote:\n        URI: cloud.apptainer.org\n        System: true\n"))
        #expect(try await box.run(["use", "--exclusive", "g"]).status == 0)
        #expect(
            box.read(box.systemFile)?.contains(
                "    g:\n        URI: g.example\n        System: true\n        Exclusive: true\n") == true)
        let user = try await box.run(["use", "DefaultRemote"])
        #expect(
            user.stderr
                == "FATAL:   could not use DefaultRemote: remote g has been set exclusive by the system administrator\n"
        )
        let list = try await box.run(["list"])
        #expect(list.stdout.contains("g              g.example            ✓         ✓        ✓           ✓\n"))
    }
}
