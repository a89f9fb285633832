import Foundation
import RemotesTestSupport

/// Runs a command on a pseudo-terminal (python3's pty module): waits for `prompt`, types
/// `answer` and a newline, and returns everything the terminal showed plus the exit status.
enum TerminalSession {
    static let driver = #"""
        import os, pty, sys, time
        prompt, answer, command = sys.argv[1].encode(), sys.argv[2].encode(), sys.argv[3:]
        pid, fd = pty.fork()
        if pid == 0:
            os.execv(command[0], command)
        seen, sent, deadline = b"", False, time.time() + 30
        while time.time() < deadline:
            try:
                chunk = os.read(fd, 4096)
            except OSError:
                break
            if not chunk:
                break
            seen += chunk
            if not sent and prompt and prompt in seen:
                time.sleep(0.05)
                os.write(fd, answer + b"\n")
                sent = True
        _, status = os.waitpid(pid, 0)
        sys.stdout.buffer.write(seen)
        sys.stdout.write("\nEXIT %d\n" % os.waitstatus_to_exitcode(status))
        """#

    /// The terminal's output and the command's exit status.
    static func run(
        _ command: [String], prompt: String, answer: String, environment: [String: String]
    ) async throws -> (output: String, status: Int32) {
        let result = try await TestProcess.run(
            "python3", ["-c", driver, prompt, answer] + command, environment: environment, timeout: .seconds(60))
        let text = result.stdout
        guard let range = text.range(of: "\nEXIT ", options: .backwards) else { return (text, -1) }
        let status = Int32(text[range.upperBound...].trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
        return (String(text[..<range.lowerBound]), status)
    }
}
