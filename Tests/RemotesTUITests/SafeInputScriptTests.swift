import Foundation
import Glibc
import RemotesTestSupport
import Testing

/// Runs scripts/tui-safe-input.sh: the real UI in tmux given a paste without brackets
/// (`tmux paste-buffer`), a bracketed paste (`paste-buffer -p`), Home as `ESC[1~` in a form and
/// in pane 3, and d, y and q below the minimum size. Skipped when tmux or the binary is missing.
@Suite struct SafeInputScriptTests {
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("scripts/tui-safe-input.sh").path

    static var canRun: Bool {
        FileManager.default.isExecutableFile(atPath: ScriptRun.remotesBinary) && ScriptRun.hasTmux
    }

    @Test(.enabled(if: canRun, "needs tmux and a built remotes"))
    func pastesEscapeSequencesAndASmallScreenDoNoHarm() async throws {
        let log = FileManager.default.temporaryDirectory.appendingPathComponent(
            "tui-safe-input-\(UUID().uuidString).log")
        defer { try? FileManager.default.removeItem(at: log) }
        let status = try await ScriptRun.run(["/bin/bash", Self.script, ScriptRun.remotesBinary], output: log.path)
        let output = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        #expect(status == 0, "\(output)")
        #expect(output.hasSuffix("PASS\n"), "\(output)")
    }
}
