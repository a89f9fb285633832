import Foundation
import RemotesTestSupport
import Testing

/// The `remotes-test-server` command line tool.
struct TestServerExecutableTests {
    @Test func servesUntilSIGTERM() async throws {
        let binary = try #require(PackagePaths.builtProduct("remotes-test-server"), "build remotes-test-server first")
        let server = try TestProcess.spawn(
            binary,
            ["--print-port", "--token", "good", "--token", "also-good", "--secret", "s3", "--version-delay-ms", "200"]
        )
        let firstLine = try await server.waitForOutput(containing: "\n", timeout: .seconds(10))
        #expect(firstLine.hasPrefix("listening on http://127.0.0.1:"))
        let base = String(firstLine.dropFirst("listening on ".count).prefix { $0 != "\n" })

        let discovery = try await HTTPProbe.fetch(base + "/ep/assets/config/config.prod.json")
        #expect(TestHTTP.string(TestHTTP.object(discovery.text), "libraryAPI", "uri") == base + "/ep/library")
        let good = try await HTTPProbe.fetch(
            base + "/token/v1/token-status", headers: [("Authorization", "Bearer also-good")])
        #expect(good.status == 200)
        let bad = try await HTTPProbe.fetch(
            base + "/token/v1/token-status", headers: [("Authorization", "Bearer nope")])
        #expect(bad.status == 404)
        let user = try await HTTPProbe.fetch(
            base + "/library/v1/rbac/users/current", headers: [("Authorization", "Bearer good")])
        #expect(user.text.contains(#""secret":"s3""#))
        let clock = ContinuousClock()
        let start = clock.now
        let version = try await HTTPProbe.fetch(base + "/library/version")
        #expect(version.status == 200)
        #expect(clock.now - start >= .milliseconds(200))

        server.send(signal: SIGTERM)
        let exit = await server.waitForExit(timeout: .seconds(5))
        #expect(exit == ProcessExit(code: 0, signal: nil))
    }

    @Test func rejectsBadArguments() async throws {
        let binary = try #require(PackagePaths.builtProduct("remotes-test-server"), "build remotes-test-server first")
        let result = try await TestProcess.run(binary, ["--port", "x"], timeout: .seconds(10))
        #expect(result.status == 2)
        #expect(result.stderr.contains("--port needs a number"))
        let help = try await TestProcess.run(binary, ["--help"], timeout: .seconds(10))
        #expect(help.succeeded)
        #expect(help.stdout.contains("--version-delay-ms"))
    }
}
