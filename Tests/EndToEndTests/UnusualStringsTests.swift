import Foundation
import RemotesTestSupport
import Testing

/// Issue 12 as a user met it: `add` on a file whose unknown keys hold unusual strings exited 0
/// and left a file that no command (nor Apptainer) could read again.
@Suite("Unknown keys with unusual strings survive a change")
struct UnusualStringsTests {
    @Test(
        "add keeps the unknown keys, and the file it wrote still reads",
        arguments: [
            // The reproducer: carriage returns in a nested flow sequence.
            "Active: \"\"\nRemotes: {}\nRemoxes:\n ------------   a: &a [\"x\",\"\r\r----x\",\"x\"]\n",
            // Line separators in the key of an unknown mapping.
            "Active: \"\"\nRemotes: {}\nextra: {\"\\u2028\\u2028----x\": v}\n",
            // Every other break, a tab and a trailing space, as values, items and keys.
            "Active: \"\"\nRemotes: {}\nextra: {\"a\\rb\": [\"c\\r\\nd\", \"e\\x85f\", \"g\\u2029h\"], \"i\\tj\\nk\": \"l \"}\n",
        ])
    func addThenList(file: String) async throws {
        let box = try CLISandbox()
        let config = box.folder.path("r.yaml")
        let system = box.folder.path("s.yaml")
        try box.write(config, file)
        let add = try await box.run(
            [
                "--batch", "--config", config, "--system-config", system, "add", "--no-login", "x",
                "https://x.example.org",
            ])
        #expect(add.status == 0, "\(add.stderr)")
        let written = try #require(box.read(config))
        let list = try await box.run(["--batch", "--config", config, "--system-config", system, "list"])
        #expect(list.status == 0, "\(list.stderr)\n--- file\n\(written)")
        #expect(list.stdout.contains("x.example.org"))
        // A second change reads that file and writes the same unknown keys again.
        let remove = try await box.run(["--batch", "--config", config, "--system-config", system, "remove", "x"])
        #expect(remove.status == 0, "\(remove.stderr)")
        let after = try #require(box.read(config))
        let unknown = try #require(written.range(of: "        Exclusive: false\n")).upperBound
        let unknownAfter = try #require(after.range(of: "Remotes: {}\n")).upperBound
        #expect(written[unknown...].hasPrefix("Remoxes:\n") || written[unknown...].hasPrefix("extra:\n"))
        #expect(after[unknownAfter...] == written[unknown...])
    }
}
