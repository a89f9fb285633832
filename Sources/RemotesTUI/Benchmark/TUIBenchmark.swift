import RemotesCore

/// In-process timing of the UI: each key goes through the real key table and state update and
/// is followed by a full frame drawn on a `MemoryScreen`, exactly as the event loop does it on
/// the terminal. Used by `remotes-tui-bench` (`scripts/bench-tui.sh`); the tests do not need it.
public enum TUIBenchmark {
    /// The timings of one kind of key press.
    public struct Sample: Sendable {
        /// What was pressed (`j (down)`, `G / g (last / first)` …).
        public var name: String
        /// One duration per press, each covering the key and the frame after it.
        public var durations: [Duration]

        /// The median duration.
        public var median: Duration { percentile(50) }

        /// The `p`th percentile (nearest rank).
        public func percentile(_ p: Int) -> Duration {
            let sorted = durations.sorted()
            guard !sorted.isEmpty else { return .zero }
            let rank = max(0, min(sorted.count - 1, (p * sorted.count + 99) / 100 - 1))
            return sorted[rank]
        }
    }

    /// Opens the UI on `store` (at `size`, no network), then presses each key kind `repeats`
    /// times and times key plus frame. Returns the time to read the files and draw the first
    /// frame, and one sample per key kind.
    @MainActor
    public static func run(store: ConfigStore, size: ScreenSize, repeats: Int) -> (
        firstFrame: Duration, samples: [Sample]
    ) {
        let clock = ContinuousClock()
        let screen = MemoryScreen(size: size)
        let loop = EventLoop(store: store, services: NoServices(), screen: screen)
        let firstFrame = clock.measure { loop.start() }

        func time(_ name: String, _ keys: [Key]) -> Sample {
            var durations: [Duration] = []
            for _ in 0..<repeats {
                for key in keys {
                    durations.append(
                        clock.measure {
                            loop.send(.key(key))
                            loop.renderIfNeeded()
                        })
                }
            }
            return Sample(name: name, durations: durations)
        }

        var samples: [Sample] = []
        samples.append(time("j (down)", [.character("j")]))
        samples.append(time("k (up)", [.character("k")]))
        samples.append(time("G / g (last / first)", [.character("G"), .character("g")]))
        samples.append(time("Tab (next pane)", [.tab]))
        loop.send(.key(.character("1")))
        samples.append(time("Enter / Esc (details, close)", [.enter, .escape]))
        samples.append(time("m / Esc (message log, close)", [.character("m"), .escape]))
        // Typing a filter narrows 10,000 rows on every character; Esc clears it again.
        let filter: [Key] = [.character("/")] + "lab-099".map { Key.character($0) } + [.escape]
        samples.append(time("/lab-099 Esc (filter, clear)", filter))
        return (firstFrame, samples)
    }
}

/// Services for the benchmark: the keys it presses need none.
private struct NoServices: TUIServices {
    func status(of remote: String) async throws(RemotesError) -> EndpointStatus { throw Self.none }
    func loginEndpoint(name: String, token: String) async throws(RemotesError) -> ServiceOutcome { throw Self.none }
    func loginRegistry(uri: String, username: String, password: String, insecure: Bool)
        async throws(RemotesError) -> ServiceOutcome
    { throw Self.none }
    func logoutRegistry(uri: String) async throws(RemotesError) -> ServiceOutcome { throw Self.none }
    static let none = RemotesError(.unavailable, "the benchmark has no network")
}
