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
    private(set) var exitCode: Int32?
    /// Results of tasks, posted from other threads.
    let mailbox = Mailbox()

    private let store: ConfigStore
    private let services: any TUIServices
    private let screen: Screen
    private var running: [Int: Task<Void, Never>] = [:]
    private var dirty = true
    private var lastTick = ContinuousClock.now
    private let tickInterval = Duration.milliseconds(100)
    private var lastFileCheck = ContinuousClock.now
    private let fileCheckInterval = Duration.seconds(1)

    init(store: ConfigStore, services: any TUIServices, screen: Screen, glyphs: Glyphs = .unicode) {
        self.store = store
        self.services = services
        self.screen = screen
        state = UIState(locations: store.locations, isRoot: store.isRoot, size: screen.size, glyphs: glyphs)
    }

    /// How many tasks are still running (not yet finished or cancelled).
    var runningTaskCount: Int { running.count }

    /// Reads the files and draws the first frame.
    func start() {
        send(.loaded(.startup, Self.load(store)))
        render()
    }

    /// Handles `event` and every event its effects lead to, in order.
    func send(_ event: UIEvent) {
        var queue = [event]
        while !queue.isEmpty {
            let next = queue.removeFirst()
            if case .taskFinished(let id, _) = next { running[id] = nil }
            for effect in state.handle(next) {
                if let follow = run(effect) { queue.append(follow) }
            }
            dirty = true
        }
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

    /// Every second, while nothing is being edited, reloads when another program changed the
    /// files, so the panes do not go stale. (Writes never rely on this: each one expects the
    /// fingerprints the UI read and is refused if they changed.)
    func checkFilesIfDue(now: ContinuousClock.Instant = .now) {
        guard now - lastFileCheck >= fileCheckInterval else { return }
        lastFileCheck = now
        guard state.mode == .browse, let read = state.config?.state.fingerprints else { return }
        guard ConfigState.currentFingerprints(store.locations) != read else { return }
        send(.loaded(.changedElsewhere, Self.load(store)))
    }

    /// Draws when something changed.
    func renderIfNeeded() {
        guard dirty else { return }
        render()
    }

    /// Draws the current state.
    func render() {
        if screen.size != state.size { send(.resize(screen.size)) }
        RootView.render(state, on: screen)
        dirty = false
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
            switch input.nextEvent(timeoutMilliseconds: pollMilliseconds) {
            case .key(let key)?: send(.key(key))
            case .resize(let size)?: send(.resize(size))
            case nil: break
            }
        }
        cancelAll()
        return exitCode ?? 0
    }

    /// Cancels every running task.
    func cancelAll() {
        for task in running.values { task.cancel() }
        running = [:]
    }

    /// Runs one effect; returns the event that reports its result when it finishes at once.
    private func run(_ effect: Effect) -> UIEvent? {
        switch effect {
        case .apply(let change, let expecting, let origin):
            do {
                let outcome = try store.apply(change, expecting: expecting)
                let config = LoadedConfig(state: outcome.state, store: store)
                return .changeApplied(origin, .success(AppliedChange(notices: outcome.notices, config: config)))
            } catch {
                return .changeApplied(origin, .failure(error))
            }
        case .reload(let reason):
            if reason == .userRequest { services.discardCaches() }
            return .loaded(reason, Self.load(store))
        case .startTask(let id, let request):
            let services = self.services
            let mailbox = self.mailbox
            running[id] = Task.detached {
                let result = await Self.perform(request, with: services)
                mailbox.post(.taskFinished(id: id, result: result))
            }
            // Registry and keyserver logins write the files themselves (adding to what is on
            // disk, never overwriting it); if another program changed the files since the UI
            // read them, say so now rather than let the reload after the login hide it.
            if request.writesFiles, let read = state.config?.state.fingerprints,
                ConfigState.currentFingerprints(store.locations) != read
            {
                return .loaded(.changedElsewhere, Self.load(store))
            }
            return nil
        case .cancelTask(let id):
            running[id]?.cancel()
            running[id] = nil
            return nil
        case .quit(let code):
            exitCode = code
            return nil
        }
    }

    private static func load(_ store: ConfigStore) -> Result<LoadedConfig, RemotesError> {
        do {
            return .success(try LoadedConfig.load(store))
        } catch {
            return .failure(error)
        }
    }

    /// Calls the services for `request`, off the main actor.
    nonisolated private static func perform(_ request: ServiceRequest, with services: any TUIServices) async
        -> ServiceResult
    {
        switch request {
        case .status(let remote):
            do {
                return .status(.success(try await services.status(of: remote)))
            } catch {
                return .status(.failure(error))
            }
        case .loginEndpoint(let remote, let token):
            do {
                return .outcome(.success(try await services.loginEndpoint(name: remote, token: token)))
            } catch {
                return .outcome(.failure(error))
            }
        case .loginRegistry(let uri, let username, let password, let insecure):
            do {
                return .outcome(
                    .success(
                        try await services.loginRegistry(
                            uri: uri, username: username, password: password, insecure: insecure)))
            } catch {
                return .outcome(.failure(error))
            }
        case .logoutRegistry(let uri):
            do {
                return .outcome(.success(try await services.logoutRegistry(uri: uri)))
            } catch {
                return .outcome(.failure(error))
            }
        }
    }
}
