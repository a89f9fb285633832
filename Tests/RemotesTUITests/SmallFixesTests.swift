import RemotesCore
import Testing

@testable import RemotesTUI

/// The smaller defects of issue 14 (point 8); the selection after another program's removal is
/// in `ChangedOnDiskTests`.
@MainActor
@Suite struct SmallFixesTests {
    @Test func anHTTPKeyserverAddedWithoutInsecureIsNotShownAsSecure() throws {
        let yaml = """
            Active: lab
            Remotes:
                lab:
                    URI: lab.example.org
                    System: false
                    Exclusive: false
                    Keyservers:
                        - URI: http://keys.plain.example.org
                          Skip: false
                          External: true
                          Insecure: false

            """
        let h = Harness(try Fixture(user: yaml))
        h.press(.tab)
        let row = try #require(h.screen.row(containing: "http://keys.plain.example.org"))
        #expect(!h.screen.line(row).contains("✓"), "\(h.screen.line(row))")
    }
}
