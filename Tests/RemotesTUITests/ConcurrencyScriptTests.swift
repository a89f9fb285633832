import Foundation
import Glibc
import RemotesTestSupport
import Testing

/// Runs scripts/tui-concurrency.sh: the real UI in tmux on a user file while batch workers
/// change it, and the UI writes too. Skipped when tmux or the binary is missing; `REMOTES_BIN`
/// names the binary, else it is looked for next to the test runner (swift test builds it).
@Suite struct ConcurrencyScriptTests {
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("scripts/tui-concurrency.sh").path

    static var binary: String { ScriptRun.remotesBinary }

    static var canRun: Bool {
        FileManager.default.isExecutableFile(atPath: binary)
            && ScriptRun.hasTmux
    }

    @Test(
        "batch workers and the UI write one file at once: every worker's change and every UI change is kept",
        .enabled(if: canRun, "needs tmux and a built remotes"))
    func workersAndTheUIWriteAtOnce() async throws {
        let log = FileManager.default.temporaryDirectory.appendingPathComponent(
            "tui-concurrency-\(UUID().uuidString).log")
        defer { try? FileManager.default.removeItem(at: log) }
        let status = try await ScriptRun.run(["/bin/bash", Self.script, Self.binary], output: log.path)
        let output = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        #expect(status == 0, "\(output)")
        #expect(output.hasSuffix("PASS\n"), "\(output)")
        // The form submitted on data a worker had changed is refused at least once.
        let refusals = output.split(separator: "\n").first { $0.hasPrefix("UI writes refused and retried: ") }
        let count = refusals.flatMap {
            Int($0.dropFirst("UI writes refused and retried: ".count).prefix { $0.isNumber })
        }
        #expect((count ?? 0) >= 1, "\(output)")
        if let refusals { print("tui-concurrency.sh: \(refusals)") }
    }
}
