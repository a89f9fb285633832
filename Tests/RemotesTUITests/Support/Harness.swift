import RemotesCore

@testable import RemotesTUI

/// The real event loop on a `MemoryScreen`, with a real `ConfigStore` on a fixture's files.
@MainActor
final class Harness {
    let fixture: Fixture
    let screen: MemoryScreen
    let loop: EventLoop
    private let services: any TUIServices

    init(
        _ fixture: Fixture, size: ScreenSize = ScreenSize(width: 80, height: 24), isRoot: Bool = false,
        services: any TUIServices = UnavailableServices(), monochrome: Bool = false, glyphs: Glyphs = .unicode
    ) {
        self.fixture = fixture
        self.services = services
        screen = MemoryScreen(size: size, monochrome: monochrome)
        screen.recordsFrames = true
        // A clock stopped at 10:00:00, so that the message log's times are the same in every run.
        loop = EventLoop(
            store: fixture.store(isRoot: isRoot), services: services, screen: screen, glyphs: glyphs,
            clock: { ClockTime(seconds: 10 * 3600) })
        loop.start()
    }

    /// Calls a test left unanswered end here, so that no task stays suspended (and reported
    /// as leaked by LeakSanitizer) after the test.
    isolated deinit {
        (services as? ControlledServices)?.answerAll()
    }

    var state: UIState { loop.state }

    /// Presses `keys` one at a time, as a person does: each is seen on the screen (drawn)
    /// before the next. (Keys that arrive together are `burst`.)
    func press(_ keys: Key...) {
        for key in keys {
            loop.send(.key(key))
            loop.renderIfNeeded()
        }
    }

    /// Types `text` one character at a time.
    func type(_ text: String) {
        for character in text { press(.character(character)) }
    }

    /// `events` arriving together, read in one go (a paste without brackets), then a frame.
    func burst(_ events: [InputEvent]) {
        loop.send(input: events)
        loop.renderIfNeeded()
    }

    /// Resizes the terminal.
    func resize(_ width: Int, _ height: Int) {
        screen.resize(to: ScreenSize(width: width, height: height))
        loop.send(.resize(screen.size))
        loop.render()
    }

    /// Takes task results from the mailbox until `condition` holds (or about 5 s passed).
    func pump(until condition: () -> Bool) async {
        for _ in 0..<500 {
            loop.pump()
            loop.renderIfNeeded()
            if condition() { return }
            try? await Task.sleep(for: .milliseconds(10))
        }
    }

    /// The screen as text.
    var text: String { screen.text }

    /// The message area's text.
    var message: String { state.messageText }
}
