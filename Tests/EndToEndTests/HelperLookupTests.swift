import Foundation
import RemotesTestSupport
import Testing

/// Credential helpers are found only through absolute `PATH` entries, as Go ≥ 1.19's
/// `exec.LookPath` finds programs: a `docker-credential-*` in the working folder (or under a
/// relative entry such as `bin`) is never run, whatever `PATH` says.
@Suite("Credential helper lookup")
struct HelperLookupTests {
    /// A helper script that leaves a marker file when it runs.
    static func plantHelper(named name: String, in folder: String, marker: String, box: CLISandbox) throws {
        let script = "#!/bin/sh\ntouch '\(marker)'\necho 'credentials not found in native keychain'\nexit 1\n"
        try box.write(folder + "/docker-credential-" + name, script, mode: 0o755)
    }

    @Test(
        "a helper in the working folder or under a relative PATH entry is not run",
        arguments: [".", "bin", "./bin", ""])
    func relativeEntriesAreSkipped(entry: String) async throws {
        let box = try CLISandbox()
        defer { box.folder.remove() }
        // The binary runs in box.folder; the relative entry points inside it.
        let planted = entry.isEmpty ? box.folder.path : box.folder.path + "/" + entry
        let marker = box.folder.path("helper-ran")
        try Self.plantHelper(named: "planted", in: planted, marker: marker, box: box)
        try box.write(box.home + "/.docker/config.json", #"{"credsStore": "planted"}"#, mode: 0o600)
        // An empty entry (`::`) means the working folder to a POSIX shell.
        let path = entry.isEmpty ? "/usr/bin::/bin" : "\(entry):/usr/bin:/bin"

        let result = try await box.run(["logout", "--batch", "docker://127.0.0.1:5000"], environment: ["PATH": path])

        #expect(!FileManager.default.fileExists(atPath: marker), "the planted helper ran (PATH \(path))")
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr.contains("docker-credential-planted is not installed (not found in PATH)"))
    }

    @Test("a helper under an absolute PATH entry is still found and run")
    func absoluteEntriesWork() async throws {
        let box = try CLISandbox()
        defer { box.folder.remove() }
        let marker = box.folder.path("helper-ran")
        try Self.plantHelper(named: "planted", in: box.folder.path("helpers"), marker: marker, box: box)
        try box.write(box.home + "/.docker/config.json", #"{"credsStore": "planted"}"#, mode: 0o600)

        let result = try await box.run(
            ["logout", "--batch", "docker://127.0.0.1:5000"],
            environment: ["PATH": box.folder.path("helpers") + ":/usr/bin:/bin"])

        #expect(FileManager.default.fileExists(atPath: marker))
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("There is no existing login to registry"))
    }
}
