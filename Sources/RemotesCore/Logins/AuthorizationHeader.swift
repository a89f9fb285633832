import Foundation

/// `Authorization` header values for the credentials of a login.
public enum AuthorizationHeader {
    /// `Basic <base64(username:password)>`.
    public static func basic(username: String, password: String) -> String {
        "Basic " + basicToken(username: username, password: password)
    }

    /// `base64(username:password)`: the token of a Basic header, and the `auth` of a docker config.
    public static func basicToken(username: String, password: String) -> String {
        Data("\(username):\(password)".utf8).base64EncodedString()
    }

    /// `Bearer <token>`.
    public static func bearer(_ token: String) -> String { "Bearer " + token }

    /// The header a keyserver login sends and stores, as Apptainer does: Bearer with the password
    /// when the username is empty, else Basic.
    public static func forKeyserver(username: String, password: String) -> String {
        username.isEmpty ? bearer(password) : basic(username: username, password: password)
    }

    /// The user name and password of a base64 `user:password` (a docker config `auth`), nil
    /// when it is not base64 of text with a colon.
    public static func decodeBasicToken(_ token: String) -> (username: String, password: String)? {
        guard let data = Data(base64Encoded: token.trimmingCharacters(in: .whitespaces)),
            let text = String(data: data, encoding: .utf8), let colon = text.firstIndex(of: ":")
        else { return nil }
        return (String(text[..<colon]), String(text[text.index(after: colon)...]))
    }
}
