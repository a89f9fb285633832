import Foundation
import RemotesCore
import Testing

@testable import RemotesTUI

@MainActor
@Suite struct FormTests {
    @Test func addRemoteFormStartsOnTheNameThenURIThenCheckboxes() throws {
        let h = Harness(try Fixture())
        h.press(.character("a"))
        let form = try #require(h.state.form)
        #expect(form.fields.map(\.id) == [.name, .uri, .insecure, .global, .noDefault])
        #expect(form.focus == 0)
        h.press(.tab)
        #expect(h.state.form?.focus == 1)
        h.press(.down, .down)
        #expect(h.state.form?.focus == 3)
        h.press(.backTab, .up)
        #expect(h.state.form?.focus == 1)
    }

    @Test func addingARemoteWritesItMakesItTheDefaultAndSelectsIt() throws {
        let fixture = try Fixture()
        let h = Harness(fixture)
        h.press(.character("a"))
        h.type("lab2")
        h.press(.tab)
        h.type("https://lab2.example.org:8443")
        h.press(.enter)
        #expect(h.state.mode == .browse)
        #expect(h.message == "INFO: Remote \"lab2\" added.")
        #expect(h.state.selectedEndpoint?.name == "lab2")
        let yaml = try fixture.readUser()
        #expect(yaml.hasPrefix("Active: lab2\n"))
        #expect(yaml.contains("URI: https://lab2.example.org:8443"))
    }

    @Test func spaceTogglesACheckboxAndTypesASpaceInText() throws {
        let fixture = try Fixture()
        let h = Harness(fixture)
        h.press(.character("a"))
        h.type("a b")
        #expect(h.state.form?.text(.name) == "a b")
        h.press(.tab, .tab, .tab, .tab, .character(" "))
        #expect(h.state.form?.checked(.noDefault) == true)
        #expect(h.text.contains("[x] don't make it the default"))
        h.press(.character(" "))
        #expect(h.state.form?.checked(.noDefault) == false)
    }

    @Test func enterSubmitsFromACheckboxWithNoDefault() throws {
        let fixture = try Fixture()
        let h = Harness(fixture)
        h.press(.character("a"))
        h.type("extra")
        h.press(.tab)
        h.type("extra.example.org")
        h.press(.tab, .tab, .tab, .character(" "), .enter)
        #expect(h.state.mode == .browse)
        let yaml = try fixture.readUser()
        #expect(yaml.hasPrefix("Active: lab\n"))
        #expect(yaml.contains("extra:"))
    }

    @Test func invalidInputKeepsTheFormOpenWithTheErrorsNextToTheFields() throws {
        let fixture = try Fixture()
        let before = try fixture.readUser()
        let h = Harness(fixture)
        h.press(.character("a"), .tab)
        h.type("ftp://x")
        h.press(.enter)
        let form = try #require(h.state.form)
        #expect(form.fields[0].error == "invalid name: cannot have empty name")
        #expect(form.fields[1].error?.contains("unsupported scheme \"ftp\"") == true)
        #expect(form.focus == 0)
        #expect(h.text.contains("invalid name: cannot have empty name"))
        #expect(try fixture.readUser() == before)
        // Typing clears the error of that field.
        h.type("ok")
        #expect(h.state.form?.fields[0].error == nil)
    }

    @Test func aRefusalFromTheCoreIsShownNextToItsField() throws {
        let fixture = try Fixture()
        let h = Harness(fixture)
        h.press(.character("a"))
        h.type("lab")
        h.press(.tab)
        h.type("other.example.org")
        h.press(.enter)
        #expect(h.state.form?.fields[0].error == "lab is already a remote")
        h.press(.control("u"))
        h.type("newglobal")
        h.press(.tab, .tab, .tab, .character(" "), .enter)
        let form = try #require(h.state.form)
        #expect(form.fields[3].error == "Unable to modify global endpoint configuration file: not root user")
        #expect(h.text.contains("Unable to modify global endpoint configuration file: not root"))
    }

    @Test func escCancelsTheForm() throws {
        let fixture = try Fixture()
        let before = try fixture.readUser()
        let h = Harness(fixture)
        h.press(.character("a"))
        h.type("x")
        h.press(.escape)
        #expect(h.state.mode == .browse)
        #expect(try fixture.readUser() == before)
    }

    @Test func caretEditing() throws {
        let h = Harness(try Fixture())
        h.press(.character("a"))
        h.type("lb")
        h.press(.left)
        h.type("a")
        #expect(h.state.form?.text(.name) == "lab")
        h.press(.home, .delete, .end, .backspace)
        #expect(h.state.form?.text(.name) == "a")
        h.press(.paste("x\ny\n"))
        #expect(h.state.form?.text(.name) == "ax y")
    }

    @Test func addKeyserverFormAddsAtTheGivenOrder() throws {
        let fixture = try Fixture()
        let h = Harness(fixture)
        h.press(.character("2"), .character("a"))
        #expect(h.state.form?.title == "Add keyserver to lab")
        h.type("https://new.example.org")
        h.press(.tab)
        h.type("x")
        h.press(.enter)
        #expect(h.state.form?.fields[1].error == "order must be a number (empty appends at the end)")
        h.press(.backspace)
        h.type("1")
        h.press(.enter)
        #expect(h.state.mode == .browse)
        #expect(h.message == "INFO: Keyserver \"https://new.example.org\" added at position 1.")
        #expect(h.state.visibleKeyservers.first?.uri == "https://new.example.org")
        #expect(h.state.selectedKeyserver?.uri == "https://new.example.org")
    }

    @Test func aBadKeyserverURLIsShownNextToTheURLField() throws {
        let h = Harness(try Fixture())
        h.press(.character("2"), .character("a"))
        h.type("keys.example.org")
        h.press(.enter)
        #expect(h.state.form?.fields[0].error?.hasPrefix("invalid keyserver URL") == true)
    }

    @Test func useUnderAnExclusiveRemoteIsRefusedWithTheBatchMessage() throws {
        let fixture = try Fixture(system: Fixture.exclusiveSystem)
        let h = Harness(fixture)
        #expect(h.state.selectedEndpoint?.name == "corp")
        h.press(.character("G"), .character("u"))
        #expect(
            h.message == "ERROR: could not use test: remote corp has been set exclusive by the system administrator")
    }

    @Test func useMakesTheSelectedRemoteTheDefault() throws {
        let fixture = try Fixture()
        let h = Harness(fixture)
        h.press(.down, .character("u"))
        #expect(h.message == "INFO: Remote \"test\" now in use.")
        #expect(try fixture.readUser().hasPrefix("Active: test\n"))
        #expect(h.state.selectedEndpoint?.isDefault == true)
    }
}

@MainActor
@Suite struct GlobalKeyserverFormTests {
    @Test func addingAKeyserverToAGlobalRemoteAsNonRootIsRefusedOnTheForm() throws {
        let h = Harness(try Fixture(system: Fixture.exclusiveSystem))
        #expect(h.state.selectedEndpoint?.name == "corp")
        h.press(.tab, .character("a"))
        h.type("https://keys.corp.example.com")
        h.press(.enter)
        let form = try #require(h.state.form)
        #expect(form.error == "Unable to modify keyserver configuration: not root user")
        #expect(form.fields.allSatisfy { $0.error == nil })
        #expect(h.text.contains("Unable to modify keyserver configuration: not root user"))
    }

    @Test("the title names the flavour whose files are edited")
    func titleNamesTheFlavour() throws {
        let apptainer = Harness(try Fixture())
        #expect(apptainer.screen.line(0).hasPrefix("Apptainer · editing ~/.apptainer/remote.yaml"))
        let singularity = Harness(try Fixture(flavor: .singularity))
        #expect(singularity.screen.line(0).hasPrefix("SingularityCE · editing ~/.singularity/remote.yaml"))
    }

    @Test func rootMayAddAGlobalRemote() throws {
        let fixture = try Fixture()
        let h = Harness(fixture, isRoot: true)
        #expect(h.text.contains("global editable (root)"))
        h.press(.character("a"))
        h.type("site")
        h.press(.tab)
        h.type("site.example.org")
        h.press(.tab, .tab, .character(" "), .enter)
        #expect(h.state.mode == .browse)
        let system = try String(contentsOfFile: fixture.locations.systemFile, encoding: .utf8)
        #expect(system.contains("site:"))
        #expect(h.state.selectedEndpoint?.isGlobal == true)
    }
}
