import RemotesCore
import Testing

@testable import RemotesTUI

@MainActor
@Suite struct ChangedOnDiskTests {
    private let otherProgramsFile = """
        Active: lab
        Remotes:
            lab:
                URI: lab.example.org
                System: false
                Exclusive: false
            written-elsewhere:
                URI: elsewhere.example.org
                System: false
                Exclusive: false

        """

    @Test func everyWriteExpectsTheFingerprintsTheUIRead() throws {
        let h = Harness(try Fixture())
        var state = h.state
        let effects = state.handle(.key(.character("u")))
        guard case .apply(_, let expecting, _)? = effects.first else {
            Issue.record("no write: \(effects)")
            return
        }
        #expect(expecting != nil)
        #expect(expecting == h.state.config?.state.fingerprints)
    }

    @Test func aChangeByAnotherProgramIsNotOverwrittenButReloaded() throws {
        let fixture = try Fixture()
        let h = Harness(fixture)
        try fixture.writeUser(otherProgramsFile)
        h.press(.down, .character("u"))  // "test" only exists in the stale view
        #expect(try fixture.readUser() == otherProgramsFile)
        #expect(
            h.message.hasPrefix("WARNING: the configuration was changed by another program since it was read; reloaded")
        )
        #expect(h.state.visibleEndpoints.map(\.name).contains("written-elsewhere"))
        #expect(!h.state.visibleEndpoints.map(\.name).contains("test"))
        #expect(h.text.contains("written-el"))
    }

    @Test func aFormSubmittedOnStaleDataStaysOpenAndSaysWhy() throws {
        let fixture = try Fixture()
        let h = Harness(fixture)
        h.press(.character("a"))
        h.type("new")
        h.press(.tab)
        h.type("new.example.org")
        try fixture.writeUser(otherProgramsFile)
        h.press(.enter)
        #expect(h.state.form?.error?.contains("changed by another program") == true)
        #expect(try fixture.readUser() == otherProgramsFile)
        // Submitting again applies to the files as they are now.
        h.press(.enter)
        #expect(h.state.mode == .browse)
        let yaml = try fixture.readUser()
        #expect(yaml.contains("new:") && yaml.contains("written-elsewhere:"))
    }

    @Test func theLoopNoticesAChangeWhileBrowsingAndReloads() throws {
        let fixture = try Fixture()
        let h = Harness(fixture)
        h.loop.checkFilesIfDue(now: .now + .seconds(2))
        #expect(h.message.isEmpty)
        try fixture.writeUser(otherProgramsFile)
        h.loop.checkFilesIfDue(now: .now + .seconds(4))
        h.loop.renderIfNeeded()
        #expect(h.message == "INFO: The files were changed by another program; reloaded")
        #expect(h.text.contains("written-el"))
    }

    @Test func theLoopLeavesAnOpenFormAlone() throws {
        let fixture = try Fixture()
        let h = Harness(fixture)
        h.press(.character("a"))
        try fixture.writeUser(otherProgramsFile)
        h.loop.checkFilesIfDue(now: .now + .seconds(2))
        #expect(h.state.form != nil)
        #expect(!h.state.visibleEndpoints.map(\.name).contains("written-elsewhere"))
    }

    @Test func rReloadsAndSaysSo() throws {
        let fixture = try Fixture()
        let h = Harness(fixture)
        try fixture.writeUser(otherProgramsFile)
        h.press(.character("r"))
        #expect(h.message == "INFO: Reloaded ~/.apptainer/remote.yaml")
        #expect(h.state.visibleEndpoints.map(\.name) == ["DefaultRemote", "lab", "written-elsewhere"])
    }

    @Test func anUnreadableFileIsShownAndRetriedWithR() throws {
        let fixture = try Fixture()
        try fixture.writeUser("Active: [unclosed\n")
        let h = Harness(fixture)
        #expect(h.state.config == nil)
        #expect(h.message.hasPrefix("ERROR: "))
        #expect(h.message.hasSuffix("(while parsing remote config data)"))
        #expect(h.text.contains("(the configuration could not be read"))
        h.press(.character("a"))
        #expect(h.state.mode == .browse)
        #expect(h.message.hasSuffix("the configuration could not be read (press r to try again)"))
        try fixture.writeUser(Fixture.standardUser)
        h.press(.character("r"))
        #expect(h.state.config != nil)
        #expect(h.state.visibleEndpoints.count == 3)
    }

    // MARK: - Issue 14, defect 7: reload stops after a parse error

    @Test func reloadResumesOnceABrokenFileIsFixedOnDisk() throws {
        let fixture = try Fixture()
        let h = Harness(fixture)
        try fixture.writeUser("Active: [unclosed\n")
        h.loop.checkFilesIfDue(now: .now + .seconds(2))
        #expect(h.state.config == nil)
        try fixture.writeUser(otherProgramsFile)
        h.loop.checkFilesIfDue(now: .now + .seconds(4))
        h.loop.renderIfNeeded()
        #expect(h.state.config != nil)
        #expect(h.text.contains("written-el"))
    }

    // MARK: - Issue 14, defect 8: the selection when another program removes the selected row

    @Test func whenAnotherProgramRemovesTheSelectedRowItsNeighbourIsSelected() throws {
        let fixture = try Fixture()
        let h = Harness(fixture)
        #expect(h.state.selectedEndpoint?.name == "lab")
        try fixture.writeUser(
            """
            Active: test
            Remotes:
                test:
                    URI: test.example.com
                    System: false
                    Exclusive: false

            """)
        h.loop.checkFilesIfDue(now: .now + .seconds(2))
        #expect(h.state.selectedEndpoint?.name == "test")
    }
}
