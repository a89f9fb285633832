import Foundation
import RemotesCore
import Testing

/// Apptainer's token-file rules and the checks every token gets.
struct AccessTokenTests {
    private func file(_ contents: String) throws -> String {
        let path = NSTemporaryDirectory() + "remotes-token-\(UUID().uuidString)"
        try Data(contents.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func firstLineIsTheToken() throws {
        let token = String(repeating: "a", count: 200)
        #expect(try AccessToken.readFile(file(token + "\nsecond\n")) == token)
        #expect(try AccessToken.readFile(file(token + "\r\n")) == token)
        #expect(try AccessToken.readFile(file(token)) == token)
    }

    @Test func lengthLimits() throws {
        let short = try file(String(repeating: "a", count: 199) + "\n" + String(repeating: "b", count: 300))
        #expect(throws: RemotesError.usage("while reading tokenfile: token is too short to be valid")) {
            try AccessToken.readFile(short)
        }
        let long = try file(String(repeating: "a", count: 4097))
        #expect(throws: RemotesError.usage("while reading tokenfile: token is too large to be valid")) {
            try AccessToken.readFile(long)
        }
        #expect(try AccessToken.readFile(file(String(repeating: "a", count: 4096))).count == 4096)
        #expect(throws: RemotesError.usage("while reading tokenfile: authentication token file not found")) {
            try AccessToken.readFile("/nonexistent/token")
        }
    }

    @Test func tokensCannotCarrySpacesOrControlCharacters() throws {
        #expect(throws: RemotesError.self) { try AccessToken.validate("a b", source: "standard input") }
        #expect(throws: RemotesError.self) { try AccessToken.validate("a\tb", source: "standard input") }
        #expect(throws: RemotesError.usage("standard input holds no token")) {
            try AccessToken.validate("", source: "standard input")
        }
        #expect(throws: RemotesError.self) {
            try AccessToken.validate(String(repeating: "a", count: 4097), source: "x")
        }
        #expect(try AccessToken.validate("eyJ.abc-_=", source: "x") == "eyJ.abc-_=")
        let error = #expect(throws: RemotesError.self) { try AccessToken.validate("secret with space", source: "x") }
        #expect(error?.message.contains("secret") == false)
    }
}
