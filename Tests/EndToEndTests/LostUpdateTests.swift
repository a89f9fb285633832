import Foundation
import RemotesCore
import RemotesTestSupport
import Testing

/// Concurrent read-modify-writes of one file lose nothing.
@Suite("No lost updates")
struct LostUpdateTests {
    /// The 50 operations of worker `w`, and the remotes (with their keyserver URLs) they leave.
    static func plan(worker w: Int) -> (operations: [[String]], remotes: [String: [String]]) {
        var operations: [[String]] = []
        var remotes: [String: [String]] = [:]
        let own = "w\(w)"
        operations.append(["add", "--no-login", "-n", own, "cloud.apptainer.org"])
        remotes[own] = ["https://keys.openpgp.org"]
        for j in 0..<24 {
            let name = "w\(w)-r\(j)"
            operations.append(["add", "--no-login", "-n", name, "r\(j).w\(w).example"])
            remotes[name] = []
            if j % 3 == 2 {
                operations.append(["remove", name])
                remotes[name] = nil
            } else if j % 3 == 1 {
                let url = "https://k\(j).w\(w).example"
                operations.append(["add-keyserver", own, url])
                remotes[own]?.append(url)
            } else {
                operations.append(["use", "DefaultRemote"])
            }
        }
        operations.append(["logout", own])
        return (operations, remotes)
    }

    static let patientLocks = ["REMOTES_LOCK_TIMEOUT": "\(120 * SanitizerSlack.factor)"]

    @Test("8 processes doing 50 mixed operations each end in exactly the state they imply")
    func eightWorkers() async throws {
        let box = try CLISandbox()
        let workers = 8
        try await withThrowingTaskGroup(of: Void.self) { group in
            for w in 0..<workers {
                group.addTask {
                    for arguments in Self.plan(worker: w).operations {
                        // Eight workers on two cores (under a sanitizer too): a worker may wait
                        // longer than the default 10 s for its turn; this test is about lost
                        // updates, the bound has tests of its own.
                        let result = try await box.run(["--batch"] + arguments, environment: Self.patientLocks)
                        #expect(result.status == 0, "\(arguments): \(result.stderr)")
                    }
                }
            }
            try await group.waitForAll()
        }
        #expect(Self.plan(worker: 0).operations.count == 50)
        let text = try #require(box.read(box.userFile))
        let config = try ConfigCodec.decode(text, source: box.userFile).config
        var expected: [String: [String]] = ["DefaultRemote": []]
        for w in 0..<workers { expected.merge(Self.plan(worker: w).remotes) { a, _ in a } }
        #expect(Set(config.remotes.keys) == Set(expected.keys))
        for (name, keyservers) in expected where !keyservers.isEmpty {
            #expect(config.remotes[name]?.keyservers.map(\.uri) == keyservers, "\(name)")
        }
        #expect(config.active == "DefaultRemote")
    }
}
