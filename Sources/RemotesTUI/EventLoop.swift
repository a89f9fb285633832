import RemotesCore

/// Runs the UI: feeds events to the state, runs the effects it returns, and draws. Input is
/// polled with a short timeout, so resize, Esc and `q` work while network tasks run; tasks run
/// off the loop and post their results to the mailbox, which the loop drains on every turn.
/// Every screen call happens on the main actor.
@MainActor
final class EventLoop {
    /// The UI state now.
    private(set) var state: UIState
    /// The exit code once the UI is done.
    var exitCode: Int32?
    /// Results of tasks, posted from other threads.
    let mailbox = Mailbox()

    let store: ConfigStore
    let services: any TUIServices
    /// The environment that chooses the docker config files (`APPTAINER_AUTH_FILE`, `DOCKER_CONFIG`).
    let environment: [String: String]
    private let screen: Screen
    private let clock: () -> ClockTime
    var running: [Int: Task<Void, Never>] = [:]
    private var dirty = true
    private var lastTick = ContinuousClock.now
    private let tickInterval = Duration.milliseconds(100)
    private var lastFileCheck = ContinuousClock.now
    private let fileCheckInterval = Duration.seconds(1)
    /// The files' fingerprints when they were last read, also when that read failed.
    private var fingerprintsRead: ConfigState.Fingerprints?
    /// The most input events read in one go (a paste arrives as many).
    private static let maximumBurst = 4096

    init(
        store: ConfigStore, services: any TUIServices, screen: Screen, glyphs: Glyphs = .unicode,
        clock: @escaping () -> ClockTime = ClockTime.now, environment: [String: String] = [:]
    ) {
        self.store = store
        self.environment = environment
        self.services = services
        self.screen = screen
        self.clock = clock
        state = UIState(locations: store.locations, isRoot: store.isRoot, size: screen.size, glyphs: glyphs)
    }

    /// How many tasks are still running (not yet finished or cancelled).
    var runningTaskCount: Int { running.count }

    /// Reads the files and draws the first frame.
    func start() {
        send(.loaded(.startup, load()))
        render()
    }

    /// Handles `event` and every event its effects lead to, in order.
    func send(_ event: UIEvent) {
        var queue = [event]
        while !queue.isEmpty {
            let next = queue.removeFirst()
            if case .taskFinished(let id, _) = next { running[id] = nil }
            state.time = clock()
            state.epochSeconds = TokenExpiry.now()
            for effect in state.handle(next) {
                if let follow = run(effect) { queue.append(follow) }
            }
            if case .drawn = next { continue }
            dirty = true
        }
    }

    /// Handles input events read in one go: keys that arrived together are a burst
    /// (`InputBurst`), which cannot run commands the way keys pressed one by one do.
    func send(input batch: [InputEvent]) {
        for event in InputBurst.events(batch) { send(event) }
    }

    /// Handles the results tasks posted since the last call.
    func pump() {
        for event in mailbox.drain() { send(event) }
    }

    /// Turns the spinners when tasks run and enough time passed.
    func tickIfDue(now: ContinuousClock.Instant = .now) {
        guard !state.tasks.isEmpty, now - lastTick >= tickInterval else { return }
        lastTick = now
        send(.tick)
    }

    /// Every second, unless a form or a dialog is open, reloads when another program changed
    /// the files, so the panes do not go stale; also after a read failed (a file being fixed
    /// is read again as soon as it changes). Writes never rely on this: each one expects the
    /// fingerprints the UI read and is refused if they changed.
    func checkFilesIfDue(now: ContinuousClock.Instant = .now) {
        guard now - lastFileCheck >= fileCheckInterval else { return }
        lastFileCheck = now
        switch state.mode {
        case .form, .confirm: return
        default: break
        }
        guard let read = state.config?.state.fingerprints ?? fingerprintsRead else { return }
        guard ConfigState.currentFingerprints(store.locations) != read else { return }
        send(.loaded(.changedElsewhere, load()))
    }

    /// Draws when something changed.
    func renderIfNeeded() {
        guard dirty else { return }
        render()
    }

    /// Draws the current state, then tells it the frame is on the screen.
    func render() {
        if screen.size != state.size { send(.resize(screen.size)) }
        RootView.render(state, on: screen)
        dirty = false
        send(.drawn)
    }

    /// Loops until the state asks to quit or `caughtSignal` reports a signal; returns the exit
    /// code (128 + the signal's number after a signal).
    /// With `stopAfterFirstFrame` it returns 0 right after the first frame is drawn (for
    /// start-up benchmarks).
    func run(
        input: KeyInput, pollMilliseconds: Int, stopAfterFirstFrame: Bool = false, caughtSignal: () -> Int32?
    ) -> Int32 {
        start()
        if stopAfterFirstFrame { exitCode = 0 }
        while exitCode == nil {
            if let signal = caughtSignal() {
                exitCode = 128 + signal
                break
            }
            pump()
            tickIfDue()
            checkFilesIfDue()
            renderIfNeeded()
            guard exitCode == nil else { break }
            guard let first = input.nextEvent(timeoutMilliseconds: pollMilliseconds) else { continue }
            var batch = [first]
            while batch.count < Self.maximumBurst, let more = input.nextEvent(timeoutMilliseconds: 0) {
                batch.append(more)
            }
            send(input: batch)
        }
        cancelAll()
        return exitCode ?? 0
    }

    /// Cancels every running task.
    func cancelAll() {
        for task in running.values { task.cancel() }
        running = [:]
    }

    /// Reads the files, remembering their fingerprints (also when the read fails).
    func load() -> Result<LoadedConfig, RemotesError> {
        fingerprintsRead = ConfigState.currentFingerprints(store.locations)
        do {
            return .success(try LoadedConfig.load(store, environment: environment))
        } catch {
            return .failure(error)
        }
    }
}
