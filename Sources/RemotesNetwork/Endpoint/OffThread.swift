import Dispatch
import RemotesCore

/// Runs blocking work (file locks, file I/O of the config store) on a dispatch queue, so that
/// an async caller never ties up a thread of Swift's cooperative pool or the caller's actor.
public enum OffThread {
    /// The result of `work`, computed on a global queue.
    public static func run<T: Sendable>(_ work: @escaping @Sendable () throws(RemotesError) -> T)
        async throws(RemotesError)
        -> T
    {
        let result: Result<T, RemotesError> = await withCheckedContinuation { continuation in
            DispatchQueue.global(qos: .userInitiated).async {
                continuation.resume(returning: Result { () throws(RemotesError) in try work() })
            }
        }
        return try result.get()
    }
}

extension OffThread {
    /// The result of `work`, which cannot fail, computed on a global queue.
    public static func run<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            DispatchQueue.global(qos: .userInitiated).async { continuation.resume(returning: work()) }
        }
    }
}
