import Foundation
import Testing

@testable import RemotesNetwork

/// The deadline of every request answers the caller at the deadline, even when the request
/// itself ignores cancellation for longer (a task group would wait for it).
@Suite struct DeadlineTests {
    /// Sleeps on a thread for `seconds` without looking at cancellation, then returns 42.
    static func stubborn(_ seconds: Double) async -> Int {
        await withCheckedContinuation { continuation in
            Thread.detachNewThread {
                Thread.sleep(forTimeInterval: seconds)
                continuation.resume(returning: 42)
            }
        }
    }

    @Test func anOperationThatIgnoresCancellationDoesNotHoldTheCallerPastTheDeadline() async {
        let clock = ContinuousClock()
        let start = clock.now
        // The operation takes 120 s; the bound leaves room for a loaded machine (under a
        // sanitizer, timers on a busy pool have been seen firing 20 s late).
        let outcome = await Deadline.race(.milliseconds(200)) { await Self.stubborn(120) }
        let elapsed = clock.now - start
        guard case .timedOut = outcome else {
            Issue.record("expected a timeout, got \(outcome)")
            return
        }
        #expect(elapsed < .seconds(60), "took \(elapsed)")
    }

    @Test func aFastOperationWinsWithItsResult() async throws {
        let outcome = await Deadline.race(.seconds(5)) { 7 }
        guard case .finished(let result) = outcome else {
            Issue.record("expected the result, got \(outcome)")
            return
        }
        #expect(try result.get() == 7)
    }

    @Test func anErrorIsTheOperationsOutcome() async {
        struct Boom: Error {}
        let outcome = await Deadline.race(.seconds(5)) { () async throws -> Int in throw Boom() }
        guard case .finished(.failure(let error)) = outcome else {
            Issue.record("expected the error, got \(outcome)")
            return
        }
        #expect(error is Boom)
    }

    @Test func cancellingTheCallerEndsTheRaceAtOnceAndCancelsTheOperation() async {
        let sawCancel = Flag()
        let caller = Task {
            await Deadline.race(.seconds(300)) { () async throws -> Int in
                do {
                    try await Task.sleep(for: .seconds(300))
                } catch {
                    sawCancel.set()
                    throw error
                }
                return 1
            }
        }
        try? await Task.sleep(for: .milliseconds(100))
        let clock = ContinuousClock()
        let start = clock.now
        caller.cancel()
        let outcome = await caller.value
        #expect(clock.now - start < .seconds(60))
        guard case .cancelled = outcome else {
            Issue.record("expected cancelled, got \(outcome)")
            return
        }
        for _ in 0..<3000 where !sawCancel.value { try? await Task.sleep(for: .milliseconds(20)) }
        #expect(sawCancel.value, "the operation was not cancelled")
    }

    @Test func anAlreadyCancelledCallerIsAnsweredCancelled() async {
        let caller = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            return await Deadline.race(.seconds(30)) { await Self.stubborn(0.05) }
        }
        guard case .cancelled = await caller.value else {
            Issue.record("expected cancelled")
            return
        }
    }
}

/// A thread-safe boolean.
final class Flag: @unchecked Sendable {
    private let lock = NSLock()
    private var state = false
    var value: Bool { lock.withLock { state } }
    func set() { lock.withLock { state = true } }
}
