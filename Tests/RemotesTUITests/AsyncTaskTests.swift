import RemotesCore
import Testing

@testable import RemotesTUI

@MainActor
@Suite struct AsyncTaskTests {
    @Test func statusShowsASpinnerThatTurnsAndThenTheAnswer() async throws {
        let services = ControlledServices()
        let h = Harness(try Fixture(), services: services)
        h.press(.character("s"))
        #expect(h.state.statusCells["lab"] == .running)
        let row = try #require(h.screen.row(containing: "> lab "))
        #expect(h.screen.line(row).hasSuffix("| checking"))
        h.loop.send(.tick)
        h.loop.render()
        #expect(h.screen.line(row).hasSuffix("/ checking"))
        await services.waitUntilWaiting("status:lab")
        services.answer("status:lab", with: .status(.success(EndpointStatus(summary: "5/5 OK", ok: true))))
        await h.pump { h.state.tasks.isEmpty }
        #expect(h.screen.line(row).hasSuffix("5/5 OK"))
        #expect(h.message == "INFO: Status of lab: 5/5 OK")
        #expect(h.loop.runningTaskCount == 0)
    }

    @Test func keysKeepWorkingWhileATaskRuns() async throws {
        let services = ControlledServices()
        let fixture = try Fixture()
        let h = Harness(fixture, services: services)
        h.press(.character("s"))
        await services.waitUntilWaiting("status:lab")
        h.press(.down, .tab, .character("1"))
        #expect(h.state.selectedEndpoint?.name == "test")
        h.press(.character("u"))
        #expect(try fixture.readUser().hasPrefix("Active: test"))
        h.resize(100, 30)
        #expect(h.text.contains("checking"))
        #expect(h.state.tasks.count == 1)
        // A second `s` on a row that is being checked is refused.
        h.press(.up, .character("s"))
        #expect(h.message == "WARNING: already running: status of lab")
        #expect(services.calls == ["status:lab"])
    }

    @Test func escCancelsTheTaskAndALateAnswerIsIgnored() async throws {
        let services = ControlledServices()
        let h = Harness(try Fixture(), services: services)
        h.press(.character("S"))
        for name in ["DefaultRemote", "lab", "test"] { await services.waitUntilWaiting("status:\(name)") }
        // `S` also checks the two logins again.
        #expect(h.state.tasks.count == 5)
        h.press(.escape)
        #expect(h.state.tasks.isEmpty)
        #expect(h.state.statusCells["lab"] == .done("cancelled", ok: false))
        #expect(h.state.loginCells["https://keys.lab.example.org"] == .done("cancelled", ok: false))
        #expect(h.message == "INFO: 3 remotes checked: 0 OK, 0 N/A, 3 cancelled; 2 logins: 0 valid, 2 cancelled")
        await h.pump { services.cancelled.count == 5 }
        #expect(
            Set(services.cancelled) == [
                "status:DefaultRemote", "status:lab", "status:test", "check:docker://registry.example.com",
                "check:https://keys.lab.example.org",
            ])
        // An answer that still arrives for a cancelled task changes nothing.
        _ = h.loop.state
        h.loop.send(.taskFinished(id: 1, result: .status(.success(EndpointStatus(summary: "late", ok: true)))))
        #expect(h.state.statusCells["DefaultRemote"] == .done("cancelled", ok: false))
    }

    @Test func qQuitsWhileATaskIsPendingAndCancelsIt() async throws {
        let services = ControlledServices()
        let h = Harness(try Fixture(), services: services)
        h.press(.character("s"))
        await services.waitUntilWaiting("status:lab")
        h.press(.character("q"))
        #expect(h.loop.exitCode == 0)
        #expect(h.loop.runningTaskCount == 0)
        await h.pump { services.cancelled == ["status:lab"] }
        #expect(services.cancelled == ["status:lab"])
    }

    @Test func theRunLoopPollsKeysWhileATaskRunsAndQuitsOnQ() async throws {
        let services = ControlledServices()
        let h = Harness(try Fixture(), services: services)
        let input = ScriptedInput([.key(.character("s")), .key(.down), .key(.character("q"))])
        let code = h.loop.run(input: input, pollMilliseconds: 1, caughtSignal: { nil })
        #expect(code == 0)
        #expect(h.state.selectedEndpoint?.name == "test")
        await h.pump { services.cancelled == ["status:lab"] }
        #expect(services.cancelled == ["status:lab"])
    }

    @Test func aSignalEndsTheRunLoopWith128PlusItsNumber() throws {
        let h = Harness(try Fixture())
        var polls = 0
        let code = h.loop.run(input: ScriptedInput([]), pollMilliseconds: 1) {
            polls += 1
            return polls > 3 ? 15 : nil
        }
        #expect(code == 143)
    }

    @Test func unavailableServicesGiveAClearAnswerNotAFakeOne() async throws {
        let h = Harness(try Fixture())
        h.press(.character("s"))
        await h.pump { h.state.tasks.isEmpty }
        // The cell says N/A, Apptainer's word for a service that did not answer; the message
        // line says why.
        #expect(h.state.statusCells["lab"] == .done("N/A: no network", ok: false))
        #expect(
            h.message
                == "ERROR: Status of lab: N/A: remote status is not available yet: this build of remotes has no network layer"
        )
        let row = try #require(h.screen.row(containing: "> lab "))
        #expect(h.screen.line(row).hasSuffix("N/A: no network"))
    }

    @Test func aFailedServiceCallIsShownInTheMessageLine() async throws {
        let services = ControlledServices()
        let h = Harness(try Fixture(), services: services)
        h.press(.down, .character("s"))
        await services.waitUntilWaiting("status:test")
        services.answer(
            "status:test",
            with: .status(.failure(RemotesError(.unavailable, "while retrieving services: connection refused"))))
        await h.pump { h.state.tasks.isEmpty }
        // The cause first, the remote named once, the cell saying why in a word.
        #expect(h.message == "ERROR: Status of test: N/A: connection refused (while retrieving services)")
        #expect(h.state.statusCells["test"] == .done("N/A: refused", ok: false))
    }
}

/// Input for `EventLoop.run` from a list; nil (a timeout) once it is used up. Events in one
/// burst arrive together, as a paste without brackets does: asked with a timeout of 0 (is more
/// input waiting?), the input answers nil only between bursts.
final class ScriptedInput: KeyInput {
    private var bursts: [[InputEvent]]
    private var inBurst = false

    /// Each event pressed on its own.
    init(_ events: [InputEvent]) { bursts = events.map { [$0] } }

    /// The events of each inner list arrive together.
    init(bursts: [[InputEvent]]) { self.bursts = bursts.filter { !$0.isEmpty } }

    func nextEvent(timeoutMilliseconds: Int) -> InputEvent? {
        guard !bursts.isEmpty, timeoutMilliseconds > 0 || inBurst else { return nil }
        let event = bursts[0].removeFirst()
        inBurst = !bursts[0].isEmpty
        if !inBurst { bursts.removeFirst() }
        return event
    }
}
