import Foundation
import Glibc
import RemotesTestSupport
import Testing

/// Runs scripts/tui-e2e.sh (tmux driving the real ncurses UI of remotes on temporary
/// files, logging in to remotes-test-server). Skipped when tmux, the binary or the test server
/// is missing; `REMOTES_BIN` names the binary,
/// else it is looked for next to the test runner (swift test builds it).
@Suite struct EndToEndScriptTests {
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("scripts/tui-e2e.sh").path

    static var binary: String { ScriptRun.remotesBinary }

    /// The test server the script logs in to, next to the binary.
    static var testServer: String {
        URL(fileURLWithPath: binary).deletingLastPathComponent().appendingPathComponent("remotes-test-server").path
    }

    static var canRun: Bool {
        FileManager.default.isExecutableFile(atPath: binary)
            && FileManager.default.isExecutableFile(atPath: testServer)
            && ScriptRun.hasTmux
    }

    @Test(.enabled(if: canRun, "needs tmux, a built remotes and remotes-test-server"))
    func tmuxScriptPasses() async throws {
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("tui-e2e-\(UUID().uuidString).log")
        defer { try? FileManager.default.removeItem(at: log) }
        let status = try await ScriptRun.run(["/bin/bash", Self.script, Self.binary], output: log.path)
        let output = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        #expect(status == 0, "\(output)")
        #expect(output.hasSuffix("PASS\n"), "\(output)")
    }
}
