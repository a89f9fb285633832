import Foundation
import RemotesTestSupport
import Testing

/// Checks shared by the login tests.
enum LoginExpectations {
    /// The secret appears nowhere in what the command printed.
    static func noSecret(_ secret: String, in result: ProcessResult, sourceLocation: SourceLocation = #_sourceLocation)
    {
        #expect(!result.stdout.contains(secret), "secret on stdout", sourceLocation: sourceLocation)
        #expect(!result.stderr.contains(secret), "secret on stderr", sourceLocation: sourceLocation)
    }

    /// The JSON object in `text`.
    static func object(_ text: String?) -> [String: Any]? {
        guard let text else { return nil }
        return (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any]
    }

    /// `auths` of a docker config file.
    static func auths(_ text: String?) -> [String: Any]? {
        object(text)?["auths"] as? [String: Any]
    }

    /// base64("user:password").
    static func basicToken(_ username: String, _ password: String) -> String {
        Data("\(username):\(password)".utf8).base64EncodedString()
    }

    /// A user remote.yaml whose default remote lists `keyservers` (URI, insecure) as external.
    static func keyserverConfig(_ keyservers: [(String, Bool)]) -> String {
        var text = "Active: local\nRemotes:\n    local:\n        URI: cloud.example.com\n"
        text += "        System: false\n        Exclusive: false\n        Keyservers:\n"
        for (uri, insecure) in keyservers {
            text += "            - URI: \(uri)\n              Skip: false\n              External: true\n"
            text += "              Insecure: \(insecure)\n"
        }
        return text
    }
}
