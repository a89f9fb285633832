import Testing

@testable import RemotesTUI

/// Text snapshots of the whole screen (text, highlighted cells, cursor) at 80×24 and at the
/// minimum size. Re-record with RECORD_SNAPSHOTS=1 and review the diff.
@MainActor
@Suite struct SnapshotTests {
    nonisolated static let sizes = [ScreenSize(width: 80, height: 24), ScreenSize.minimum]

    private func name(_ base: String, _ size: ScreenSize) -> String { "\(base)-\(size.width)x\(size.height)" }

    @Test(arguments: sizes) func endpointsPane(size: ScreenSize) throws {
        let h = Harness(try Fixture(), size: size)
        assertSnapshot(h.screen, named: name("endpoints", size))
    }

    @Test(arguments: sizes) func keyserversPane(size: ScreenSize) throws {
        let h = Harness(try Fixture(), size: size)
        h.press(.tab, .down)
        assertSnapshot(h.screen, named: name("keyservers", size))
    }

    @Test(arguments: sizes) func loginsPane(size: ScreenSize) throws {
        let h = Harness(try Fixture(), size: size)
        h.press(.character("3"))
        assertSnapshot(h.screen, named: name("logins", size))
    }

    @Test(arguments: sizes) func addRemoteForm(size: ScreenSize) throws {
        let h = Harness(try Fixture(), size: size)
        h.press(.character("a"))
        h.type("lab2")
        h.press(.tab)
        h.type("https://lab2.example.org:8443")
        h.press(.tab, .character(" "))
        assertSnapshot(h.screen, named: name("form-add-remote", size))
    }

    @Test(arguments: sizes) func addRemoteFormWithErrors(size: ScreenSize) throws {
        let h = Harness(try Fixture(), size: size)
        h.press(.character("a"), .tab)
        h.type("http://plain.example.org")
        h.press(.enter)
        assertSnapshot(h.screen, named: name("form-add-remote-errors", size))
    }

    @Test(arguments: sizes) func addKeyserverForm(size: ScreenSize) throws {
        let h = Harness(try Fixture(), size: size)
        h.press(.tab, .character("a"))
        h.type("https://keys.example.com")
        assertSnapshot(h.screen, named: name("form-add-keyserver", size))
    }

    @Test(arguments: sizes) func loginEndpointForm(size: ScreenSize) throws {
        let h = Harness(try Fixture(), size: size)
        h.press(.down, .character("l"))
        h.type("abcdefgh")
        assertSnapshot(h.screen, named: name("form-login-endpoint", size))
    }

    @Test(arguments: sizes) func loginRegistryForm(size: ScreenSize) throws {
        let h = Harness(try Fixture(), size: size)
        h.press(.character("3"), .character("l"), .tab)
        h.type("alice")
        h.press(.tab)
        h.type("pw")
        assertSnapshot(h.screen, named: name("form-login-registry", size))
    }

    @Test(arguments: sizes) func confirmDialog(size: ScreenSize) throws {
        let h = Harness(try Fixture(), size: size)
        h.press(.character("d"))
        assertSnapshot(h.screen, named: name("confirm-remove", size))
    }

    @Test(arguments: sizes) func help(size: ScreenSize) throws {
        let h = Harness(try Fixture(), size: size)
        h.press(.character("?"))
        assertSnapshot(h.screen, named: name("help", size))
    }

    @Test(arguments: sizes) func filter(size: ScreenSize) throws {
        let h = Harness(try Fixture(), size: size)
        h.press(.character("/"))
        h.type("t")
        assertSnapshot(h.screen, named: name("filter", size))
    }

    @Test(arguments: sizes) func errorMessage(size: ScreenSize) throws {
        let h = Harness(try Fixture(), size: size)
        h.press(.home, .character("d"), .character("y"))
        assertSnapshot(h.screen, named: name("error-message", size))
    }

    @Test(arguments: sizes) func statusRunning(size: ScreenSize) throws {
        let h = Harness(try Fixture(), size: size, services: ControlledServices())
        h.press(.character("S"))
        h.loop.cancelAll()
        assertSnapshot(h.screen, named: name("status-running", size))
    }

    @Test func terminalTooSmall() throws {
        let h = Harness(try Fixture(), size: ScreenSize(width: 50, height: 12))
        assertSnapshot(h.screen, named: "too-small-50x12")
    }

    @Test func monochromeAndASCII() throws {
        let h = Harness(try Fixture(), monochrome: true, glyphs: .ascii)
        h.press(.tab)
        assertSnapshot(h.screen, named: "monochrome-ascii-80x24")
    }

    @Test func wideNamesAreTruncatedByDisplayWidth() throws {
        let yaml = """
            Active: 日本のリモート
            Remotes:
                日本のリモート:
                    URI: registry.日本.example.org/a/very/long/path/that/does/not/fit
                    System: false
                    Exclusive: false

            """
        let h = Harness(try Fixture(user: yaml))
        assertSnapshot(h.screen, named: "wide-names-80x24")
    }
}
