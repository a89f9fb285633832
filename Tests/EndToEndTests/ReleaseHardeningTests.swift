import Foundation
import RemotesTestSupport
import Testing

/// The release binary is hardened (issue 11 item 12): scripts/check-hardening.sh shows it with
/// readelf and fails on a missing property. The checker is tested here on small C programs that
/// each lack one property; the release binary itself is checked when `REMOTES_RELEASE_BINARY`
/// names it (scripts/test.sh's "release build + hardening check" phase), so that the ordinary
/// suite need not build a release.
@Suite("The release binary is hardened")
struct ReleaseHardeningTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let script = root.appendingPathComponent("scripts/check-hardening.sh").path
    static let releaseBinary = ProcessInfo.processInfo.environment["REMOTES_RELEASE_BINARY"]

    /// The toolchain's clang, next to `swift`.
    static var clang: String? {
        for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
            let swift = URL(fileURLWithPath: String(folder)).appendingPathComponent("swift")
            guard FileManager.default.isExecutableFile(atPath: swift.path) else { continue }
            let clang = swift.resolvingSymlinksInPath().deletingLastPathComponent().appendingPathComponent("clang")
            return FileManager.default.isExecutableFile(atPath: clang.path) ? clang.path : nil
        }
        return nil
    }

    static let hardened = [
        "-fstack-protector-strong", "-fPIE", "-pie", "-Wl,-z,relro", "-Wl,-z,now", "-Wl,-z,noexecstack",
    ]

    /// Builds a small C program with `flags` (later flags win) and runs the checker on it.
    static func check(_ flags: [String], in folder: TemporaryFolder) async throws -> ProcessResult {
        let source = folder.path("t.c")
        try
            "#include <stdio.h>\n#include <string.h>\nint main(int c, char **v) { char b[64]; strcpy(b, c > 1 ? v[1] : \"x\"); puts(b); return 0; }\n"
            .write(toFile: source, atomically: true, encoding: .utf8)
        let output = folder.path("t-\(flags.count)")
        let built = try await TestProcess.run(try #require(clang), ["-O1"] + flags + [source, "-o", output])
        try #require(built.succeeded, "\(built.stderr)")
        return try await TestProcess.run("/bin/bash", [script, output])
    }

    @Test(
        "the checker fails naming each missing property",
        .enabled(if: clang != nil, "needs the toolchain's clang"),
        arguments: [
            ("PIE", ["-fno-pie", "-no-pie"]), ("RELRO", ["-Wl,-z,norelro"]), ("BIND_NOW", ["-Wl,-z,lazy"]),
            ("NX stack", ["-Wl,-z,execstack"]), ("canary", ["-fno-stack-protector"]),
        ])
    func checkerFindsEachGap(property: String, flags: [String]) async throws {
        let folder = try TemporaryFolder()
        let good = try await Self.check(Self.hardened, in: folder)
        #expect(good.status == 0, "\(good.stdout)\(good.stderr)")
        let bad = try await Self.check(Self.hardened + flags, in: folder)
        #expect(bad.status == 1)
        #expect(bad.stdout.contains("  MISSING  \(property) "), "\(bad.stdout)")
        #expect(bad.stderr.hasSuffix("lacks: \(property)\n"), "\(bad.stderr)")
    }

    @Test(
        "the release binary is PIE with full RELRO, a non-executable stack and stack canaries in our code",
        .enabled(if: releaseBinary != nil, "REMOTES_RELEASE_BINARY names the release binary"),
        .timeLimit(.minutes(5)))
    func releaseBinaryIsHardened() async throws {
        let binary = try #require(Self.releaseBinary)
        let result = try await TestProcess.run(
            "/bin/bash", [Self.script, "--functions", binary], timeout: .seconds(240))
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        for property in ["PIE", "RELRO", "BIND_NOW", "NX stack", "canary"] {
            #expect(result.stdout.contains("  ok       \(property) "), "\(result.stdout)")
        }
        // The Swift compiler's stack protector is on in our own modules, not only in the C
        // libraries linked in.
        let line = result.stdout.split(separator: "\n").first { $0.contains("functions of Swift module RemotesCore") }
        let count = line.flatMap { Int($0.split(separator: " ").dropFirst(3).first ?? "") } ?? 0
        #expect(count > 0, "\(result.stdout)")
        // And it still runs: PIE and full RELRO with the static Swift runtime.
        let folder = try TemporaryFolder()
        let list = try await TestProcess.run(
            binary, ["--batch", "list"],
            environment: ["HOME": folder.path, "REMOTES_SYSTEM_CONFIG": folder.path("none.yaml"), "LANG": "C.UTF-8"])
        #expect(list.status == 0, "\(list.stderr)")
        #expect(list.stdout.contains("DefaultRemote  cloud.apptainer.org"))
    }
}
