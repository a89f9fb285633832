import RemotesCore

/// Runs an operation against a deadline and returns as soon as either ends, without waiting for
/// the loser. A task group would wait for its cancelled child, and a request that does not react
/// to cancellation at once (a connection still being set up on a starved event loop) would then
/// hold the caller past its deadline; here the caller is answered at the deadline and the
/// operation is cancelled and left to end on its own.
enum Deadline {
    /// How a race ended.
    enum Outcome<T: Sendable>: Sendable {
        /// The operation ended first, with this result.
        case finished(Result<T, any Error>)
        /// The deadline passed first.
        case timedOut
        /// The caller's task was cancelled first.
        case cancelled
    }

    /// Runs `operation` in a new task, racing `duration`; the caller's cancellation cancels it.
    static func race<T: Sendable>(
        _ duration: Duration, _ operation: @escaping @Sendable () async throws -> T
    ) async -> Outcome<T> {
        let work = Task { try await operation() }
        let gate = Gate<T>()
        let outcome = await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Outcome<T>, Never>) in
                gate.install(continuation)
                Task {
                    let result = await work.result
                    gate.resume(.finished(result))
                }
                let timer = Task {
                    try? await Task.sleep(for: duration)
                    gate.resume(.timedOut)
                }
                gate.onResume { timer.cancel() }
            }
        } onCancel: {
            gate.resume(.cancelled)
        }
        if case .finished = outcome {} else { work.cancel() }
        return outcome
    }

    /// Resumes a continuation once, with the first outcome offered; later ones are dropped.
    /// An outcome offered before the continuation is installed is kept for it.
    private final class Gate<T: Sendable>: Sendable {
        private struct State {
            var continuation: CheckedContinuation<Outcome<T>, Never>?
            var early: Outcome<T>?
            var done = false
            var cleanup: [@Sendable () -> Void] = []
        }
        private let state = Locked(State())

        func install(_ continuation: CheckedContinuation<Outcome<T>, Never>) {
            let early = state.withLock { s -> Outcome<T>? in
                if let early = s.early {
                    s.done = true
                    return early
                }
                s.continuation = continuation
                return nil
            }
            if let early { continuation.resume(returning: early) }
        }

        /// Runs `cleanup` once the race is decided (at once when it already is).
        func onResume(_ cleanup: @escaping @Sendable () -> Void) {
            let now = state.withLock { s -> Bool in
                if s.done { return true }
                s.cleanup.append(cleanup)
                return false
            }
            if now { cleanup() }
        }

        func resume(_ outcome: Outcome<T>) {
            let (continuation, cleanup) = state.withLock {
                s -> (CheckedContinuation<Outcome<T>, Never>?, [@Sendable () -> Void]) in
                if s.done || s.early != nil { return (nil, []) }
                guard let continuation = s.continuation else {
                    s.early = outcome
                    return (nil, [])
                }
                s.done = true
                s.continuation = nil
                let cleanup = s.cleanup
                s.cleanup = []
                return (continuation, cleanup)
            }
            continuation?.resume(returning: outcome)
            for action in cleanup { action() }
        }
    }
}
