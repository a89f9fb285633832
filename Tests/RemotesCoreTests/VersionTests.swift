import Foundation
import RemotesCore
import Testing

/// The version has one source, `RemotesVersion.current` (docs/packaging.md, "One version"): the
/// binary's `--version`, the man pages and the package are made from it. Debian's changelog
/// repeats it by its nature; `make deb` refuses a mismatch, and this test finds it first.
@Suite struct VersionTests {
    @Test("the newest debian/changelog entry packages RemotesVersion.current")
    func debianChangelogAgrees() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let changelog = try String(contentsOf: root.appendingPathComponent("debian/changelog"), encoding: .utf8)
        let firstLine = try #require(changelog.split(separator: "\n").first)
        // "remotes (0.1.0-1) unstable; urgency=medium"
        let version = try #require(firstLine.split(separator: "(").dropFirst().first?.split(separator: ")").first)
        let upstream = version.split(separator: "-").dropLast().joined(separator: "-")
        #expect(firstLine.hasPrefix("remotes ("))
        #expect(upstream == RemotesVersion.current)
    }
}
