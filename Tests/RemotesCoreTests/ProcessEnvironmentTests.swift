import Foundation
import Testing

@testable import RemotesCore

@Suite struct ProcessEnvironmentTests {
    @Test("reads the same environment as Foundation, including values with '=' and empty values")
    func sameAsFoundation() {
        setenv("REMOTES_TEST_EQUALS", "a=b=c", 1)
        setenv("REMOTES_TEST_EMPTY", "", 1)
        let ours = ProcessEnvironment.current()
        #expect(ours["REMOTES_TEST_EQUALS"] == "a=b=c")
        #expect(ours["REMOTES_TEST_EMPTY"] == "")
        #expect(ours == ProcessInfo.processInfo.environment)
    }
}
