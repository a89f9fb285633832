import Foundation
import RemotesTestSupport
import Testing

/// Several processes changing one file at once lose nothing.
@Suite("Concurrent writers")
struct ConcurrencyTests {
    @Test("16 processes adding different remotes at once: all 16 are there and the file parses")
    func concurrentAdds() async throws {
        let box = try CLISandbox()
        let count = 16
        let results = try await withThrowingTaskGroup(of: ProcessResult.self) { group in
            for i in 0..<count {
                group.addTask {
                    try await box.run(
                        ["--batch", "add", "--no-login", "-n", "r\(i)", "r\(i).example"],
                        environment: LostUpdateTests.patientLocks)
                }
            }
            var all: [ProcessResult] = []
            for try await r in group { all.append(r) }
            return all
        }
        #expect(results.allSatisfy { $0.status == 0 })
        let list = try await box.run(["list", "--format", "json"])
        #expect(list.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(list.standardOutput)) as? [String: Any])
        let names = Set(((object["remotes"] as? [[String: Any]]) ?? []).compactMap { $0["name"] as? String })
        #expect(names == Set((0..<count).map { "r\($0)" } + ["DefaultRemote"]))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: box.home + "/.apptainer").filter {
            $0.contains(".tmp-")
        }
        #expect(leftovers.isEmpty)
    }
}
