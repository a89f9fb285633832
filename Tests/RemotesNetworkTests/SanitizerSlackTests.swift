import RemotesTestSupport
import Testing

/// The slack factors: the Swift tests and the tmux scripts (scripts/lib/slack.sh) stretch their
/// waits alike.
struct SanitizerSlackTests {
    @Test(arguments: [("", 1), ("address", 3), ("thread", 6)])
    func scriptsAndTestsAgree(sanitizer: String, expected: Int) async throws {
        #expect(SanitizerSlack.factor(for: sanitizer.isEmpty ? nil : sanitizer) == expected)
        let result = try await TestProcess.run(
            "bash", ["-c", "source \"$0\"; echo $SLACK", PackagePaths.root + "/scripts/lib/slack.sh"],
            environment: ["PATH": "/usr/bin:/bin", "REMOTES_SANITIZER": sanitizer])
        #expect(result.stdout == "\(expected)\n", "\(result.stderr)")
    }

    @Test func scaledStretchesByTheFactor() {
        #expect(SanitizerSlack.scaled(.seconds(2)) == .seconds(2 * SanitizerSlack.factor))
    }
}
