import RemotesCore
import RemotesJSON

/// The text and JSON forms of `remotes list`.
enum ListRenderer {
    /// The three sections of Apptainer's `remote list` (the seed document's layout). With
    /// SingularityCE's files, a first line says so (Apptainer's, the default, need no mention).
    static func text(_ overview: ConfigOverview, locations: ConfigLocations) -> String {
        var out = ""
        if locations.flavor == .singularity {
            out += "SingularityCE configuration: \(locations.userFile)\n\n"
        }
        out += "Cloud Services Endpoints\n========================\n\n"
        var endpoints = TabWriter()
        endpoints.row("NAME", "URI", "DEFAULT?", "GLOBAL?", "EXCLUSIVE?", "SECURE?")
        for r in overview.remotes {
            endpoints.row(
                r.name, r.uri, r.isDefault ? "✓" : "", r.isGlobal ? "✓" : "", r.isExclusive ? "✓" : "",
                r.isSecure ? "✓" : "✗!")
        }
        out += endpoints.render()
        if overview.defaultRemote != nil, !overview.keyservers.isEmpty {
            out += "\nKeyservers\n==========\n\n"
            var keyservers = TabWriter()
            keyservers.row("URI", "GLOBAL", "INSECURE", "ORDER")
            for k in overview.keyservers {
                keyservers.row(
                    k.uri ?? "(not yet discovered)", k.isGlobal ? "YES" : "NO", k.isInsecure ? "YES" : "NO",
                    "\(k.order ?? 0)\(k.isBuiltin ? "*" : "")")
            }
            out += keyservers.render()
            out += "\n* Active cloud services keyserver\n"
        }
        if !overview.logins.isEmpty {
            out += "\nAuthenticated Logins\n=================================\n\n"
            var logins = TabWriter()
            if overview.storesKnown {
                logins.row("URI", "INSECURE", "STORED IN")
                for l in overview.logins { logins.row(l.uri, l.isInsecure ? "YES" : "NO", l.storedInCell) }
            } else {
                logins.row("URI", "INSECURE")
                for l in overview.logins { logins.row(l.uri, l.isInsecure ? "YES" : "NO") }
            }
            out += logins.render()
        }
        return out
    }

    /// The documented JSON object of `list --format json` (docs/json-output.md). It never
    /// holds a token or password.
    static func json(_ overview: ConfigOverview, locations: ConfigLocations, systemIsBuiltin: Bool) -> String {
        let remotes: [JSONValue] = overview.remotes.map { r in
            .object([
                "name": .string(r.name), "uri": .string(r.uri), "default": .bool(r.isDefault),
                "global": .bool(r.isGlobal), "exclusive": .bool(r.isExclusive), "secure": .bool(r.isSecure),
                "loggedIn": .bool(r.isLoggedIn), "tokenExpires": .string(r.tokenExpiry?.rfc3339),
            ])
        }
        let keyservers: [JSONValue] = overview.keyservers.map { k in
            .object([
                "uri": .string(k.uri), "order": .number(k.order ?? 0), "builtin": .bool(k.isBuiltin),
                "global": .bool(k.isGlobal), "insecure": .bool(k.isInsecure),
            ])
        }
        let logins: [JSONValue] = overview.logins.map { LoginJSON.login($0) }
        return JSONWriter.pretty(
            .object([
                "flavor": .string(locations.flavor.rawValue), "userConfig": .string(locations.userFile),
                "systemConfig": .string(systemIsBuiltin ? nil : locations.systemFile),
                "defaultRemote": .string(overview.defaultRemote), "remotes": .array(remotes),
                "keyservers": .array(keyservers), "logins": .array(logins),
            ]))
    }
}
