import Foundation
import RemotesCore
import RemotesNetwork

@testable import RemotesTUI

/// A `TUIServices` double whose calls suspend until the test answers them, and which records
/// cancellations, so that the spinner, Esc and `q` can be tested while work is pending.
final class ControlledServices: TUIServices, @unchecked Sendable {
    private let lock = NSLock()
    private var waiting: [String: CheckedContinuation<ServiceResult, Never>] = [:]
    private var cancelledEarly: Set<String> = []
    private var _calls: [String] = []
    private var _cancelled: [String] = []
    private var _tokens: [String] = []

    /// Calls seen, as `status:NAME`, `login:NAME`, `registry:URI`, `logout:URI`.
    var calls: [String] { lock.withLock { _calls } }
    /// Calls whose task was cancelled while they waited.
    var cancelled: [String] { lock.withLock { _cancelled } }
    /// Tokens and passwords the services were given.
    var secrets: [String] { lock.withLock { _tokens } }

    /// True while the call `key` waits for an answer.
    func isWaiting(_ key: String) -> Bool { lock.withLock { waiting[key] != nil } }

    /// Answers the waiting call `key`.
    func answer(_ key: String, with result: ServiceResult) {
        let continuation = lock.withLock { waiting.removeValue(forKey: key) }
        continuation?.resume(returning: result)
    }

    /// Answers every waiting call with a failure (the test is over).
    func answerAll() {
        let all = lock.withLock { () -> [CheckedContinuation<ServiceResult, Never>] in
            let all = Array(waiting.values)
            waiting = [:]
            return all
        }
        for continuation in all { continuation.resume(returning: .outcome(.failure(.failed("test ended")))) }
    }

    /// Waits until the call `key` is waiting (about 5 s at most).
    func waitUntilWaiting(_ key: String) async {
        for _ in 0..<500 where !isWaiting(key) {
            try? await Task.sleep(for: .milliseconds(10))
        }
    }

    private func suspend(_ key: String) async -> ServiceResult {
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<ServiceResult, Never>) in
                let early = lock.withLock { () -> Bool in
                    _calls.append(key)
                    if cancelledEarly.remove(key) != nil { return true }
                    waiting[key] = continuation
                    return false
                }
                if early { continuation.resume(returning: .outcome(.failure(.failed("cancelled")))) }
            }
        } onCancel: {
            let continuation = lock.withLock { () -> CheckedContinuation<ServiceResult, Never>? in
                _cancelled.append(key)
                guard let c = waiting.removeValue(forKey: key) else {
                    cancelledEarly.insert(key)
                    return nil
                }
                return c
            }
            continuation?.resume(returning: .outcome(.failure(.failed("cancelled"))))
        }
    }

    func status(of remote: String) async throws(RemotesError) -> EndpointStatus {
        switch await suspend("status:\(remote)") {
        case .status(let result): return try result.get()
        case .outcome(.failure(let error)): throw error
        case .outcome(.success), .loginHealth: throw .failed("wrong answer kind")
        }
    }

    func loginEndpoint(name: String, token: String) async throws(RemotesError) -> ServiceOutcome {
        lock.withLock { _tokens.append(token) }
        return try await outcome("login:\(name)")
    }

    func loginRegistry(uri: String, username: String, password: String, insecure: Bool)
        async throws(RemotesError) -> ServiceOutcome
    {
        lock.withLock { _tokens.append(password) }
        return try await outcome("registry:\(uri)")
    }

    /// What `registryLoginDetails` answers.
    var registryDetails: RegistryLoginDetails? {
        get { lock.withLock { _registryDetails } }
        set { lock.withLock { _registryDetails = newValue } }
    }
    private var _registryDetails: RegistryLoginDetails?

    func registryLoginDetails(uri: String) -> RegistryLoginDetails? { registryDetails }

    func logoutRegistry(uri: String) async throws(RemotesError) -> ServiceOutcome {
        try await outcome("logout:\(uri)")
    }

    private func outcome(_ key: String) async throws(RemotesError) -> ServiceOutcome {
        switch await suspend(key) {
        case .outcome(let result): return try result.get()
        case .status, .loginHealth: throw .failed("wrong answer kind")
        }
    }

    func checkLogin(_ login: StoredLogin) async -> LoginHealth {
        switch await suspend("check:\(login.uri)") {
        case .loginHealth(let health): return health
        default: return LoginHealth(login: login, username: nil, status: .unchecked, reason: "cancelled")
        }
    }
}
