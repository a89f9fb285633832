import RemotesCore
import RemotesJSON
import RemotesNetwork

/// The JSON of one stored login, the same in `list`, `registry list` and `registry status`
/// (docs/json-output.md). It never holds a secret.
enum LoginJSON {
    /// `{uri, kind, insecure, recorded, storedIn, shadowedBy, username, tokenExpires}`.
    static func login(_ row: StoredLogin) -> JSONValue { .object(members(row)) }

    static func members(_ row: StoredLogin) -> [JSONMember] {
        [
            JSONMember("uri", .string(row.uri)), JSONMember("kind", .string(row.kind.rawValue)),
            JSONMember("insecure", .bool(row.isInsecure)), JSONMember("recorded", .bool(row.isRecorded)),
            JSONMember("storedIn", place(row.place)), JSONMember("shadowedBy", .string(row.shadowedBy)),
            JSONMember("username", .string(row.username)),
            JSONMember("tokenExpires", .string(row.tokenExpiry?.rfc3339)),
        ]
    }

    /// `{"type": "file", "path": P}`, `{"type": "helper", "helper": "docker-credential-N", "path":
    /// P}` (P: the docker config naming it), or null when no secret was found.
    static func place(_ place: CredentialPlace?) -> JSONValue {
        switch place {
        case .file(let path)?:
            return .object(["type": .string("file"), "path": .string(path), "helper": .null])
        case .helper(let name, let config)?:
            return .object([
                "type": .string("helper"), "path": .string(config), "helper": .string("docker-credential-" + name),
            ])
        case nil:
            return .null
        }
    }
}

/// The text and JSON of `registry list` and `registry status`.
enum LoginsRenderer {
    /// `registry list`: every login with its security and where its secret is.
    static func listText(_ logins: [StoredLogin]) -> String {
        var table = TabWriter()
        table.row("URI", "SECURE?", "STORED IN")
        for login in logins { table.row(login.uri, login.isInsecure ? "✗!" : "✓", login.storedInCell) }
        return "\n" + table.render()
    }

    /// `registry list --format json`.
    static func listJSON(_ logins: [StoredLogin]) -> String {
        JSONWriter.pretty(.object(["logins": .array(logins.map(LoginJSON.login))]))
    }

    /// `registry status`: URI, KIND, STORED IN, USER, STATUS, WHY.
    static func statusText(_ results: [LoginHealth]) -> String {
        var table = TabWriter()
        table.row("URI", "KIND", "STORED IN", "USER", "STATUS", "WHY")
        for result in results {
            table.row(
                result.login.uri, result.login.kind.rawValue, result.login.storedInCell, userCell(result),
                result.status.rawValue, result.reason)
        }
        return table.render()
    }

    /// `registry status --format json`.
    static func statusJSON(_ results: [LoginHealth]) -> String {
        let logins: [JSONValue] = results.map { result in
            var members = LoginJSON.members(result.login).filter { $0.key != "username" && $0.key != "tokenExpires" }
            members += [
                JSONMember("username", .string(result.username)), JSONMember("status", .string(result.status.rawValue)),
                JSONMember("reason", .string(result.reason)),
                JSONMember("tokenExpires", .string(result.tokenExpiry?.rfc3339)),
            ]
            return .object(members)
        }
        return JSONWriter.pretty(
            .object(["healthy": .bool(results.allSatisfy { $0.status == .valid }), "logins": .array(logins)]))
    }

    /// The USER cell: the name, `(token)` for a keyserver token, `-` when unknown.
    static func userCell(_ result: LoginHealth) -> String {
        if let name = result.username, !name.isEmpty { return name }
        if result.login.kind == .keyserver && result.login.place != nil { return "(token)" }
        return "-"
    }
}
