import Foundation
import RemotesCore

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
            logins.row("URI", "INSECURE")
            for l in overview.logins { logins.row(l.uri, l.isInsecure ? "YES" : "NO") }
            out += logins.render()
        }
        return out
    }

    /// The documented JSON object of `list --format json` (docs/json-output.md). It never
    /// holds a token or password.
    static func json(_ overview: ConfigOverview, locations: ConfigLocations, systemIsBuiltin: Bool) -> String {
        let document = ListDocument(
            flavor: locations.flavor.rawValue, userConfig: locations.userFile,
            systemConfig: systemIsBuiltin ? nil : locations.systemFile, defaultRemote: overview.defaultRemote,
            remotes: overview.remotes.map {
                .init(
                    name: $0.name, uri: $0.uri, isDefault: $0.isDefault, global: $0.isGlobal, exclusive: $0.isExclusive,
                    secure: $0.isSecure, loggedIn: $0.isLoggedIn)
            },
            keyservers: overview.keyservers.map {
                .init(
                    uri: $0.uri, order: $0.order ?? 0, builtin: $0.isBuiltin, global: $0.isGlobal,
                    insecure: $0.isInsecure)
            },
            logins: overview.logins.map { .init(uri: $0.uri, kind: $0.kind.rawValue, insecure: $0.isInsecure) })
        return JSONOutput.encode(document)
    }
}

/// `list --format json`.
private struct ListDocument: Encodable {
    struct RemoteEntry: Encodable {
        var name: String
        var uri: String
        var isDefault: Bool
        var global: Bool
        var exclusive: Bool
        var secure: Bool
        var loggedIn: Bool

        enum CodingKeys: String, CodingKey {
            case name, uri, global, exclusive, secure, loggedIn
            case isDefault = "default"
        }
    }

    struct KeyserverEntry: Encodable {
        var uri: String?
        var order: Int
        var builtin: Bool
        var global: Bool
        var insecure: Bool

        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(uri, forKey: .uri)  // null, not absent, when not yet discovered
            try c.encode(order, forKey: .order)
            try c.encode(builtin, forKey: .builtin)
            try c.encode(global, forKey: .global)
            try c.encode(insecure, forKey: .insecure)
        }

        enum CodingKeys: String, CodingKey { case uri, order, builtin, global, insecure }
    }

    struct LoginEntry: Encodable {
        var uri: String
        var kind: String
        var insecure: Bool
    }

    var flavor: String
    var userConfig: String
    var systemConfig: String?
    var defaultRemote: String?
    var remotes: [RemoteEntry]
    var keyservers: [KeyserverEntry]
    var logins: [LoginEntry]

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(flavor, forKey: .flavor)
        try c.encode(userConfig, forKey: .userConfig)
        try c.encode(systemConfig, forKey: .systemConfig)
        try c.encode(defaultRemote, forKey: .defaultRemote)
        try c.encode(remotes, forKey: .remotes)
        try c.encode(keyservers, forKey: .keyservers)
        try c.encode(logins, forKey: .logins)
    }

    enum CodingKeys: String, CodingKey {
        case flavor, userConfig, systemConfig, defaultRemote, remotes, keyservers, logins
    }
}

/// JSON for stdout: pretty, keys sorted, slashes unescaped, a final newline. Control characters
/// in strings are JSON escapes: Foundation writes C0 ones as `\u001b`; DEL and the C1 ones
/// (U+007F–U+009F), which JSON allows raw but terminals act on, are escaped here the same way.
enum JSONOutput {
    static func encode<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value) else { return "{}\n" }
        // Foundation pretty-prints an empty array over three lines; print it as `[]`.
        var text = String(decoding: data, as: UTF8.self)
        while let range = text.range(of: #"\[\n\s*\n\s*\]"#, options: .regularExpression) {
            text.replaceSubrange(range, with: "[]")
        }
        return escapingC1(text) + "\n"
    }

    /// `text` with DEL and C1 control characters written as `\u007f` … `\u009f`. In a JSON
    /// document they can only stand inside strings, where the escape means the same character.
    static func escapingC1(_ text: String) -> String {
        guard TerminalSafe.needsEscaping(text, keepingLineBreaks: true) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            if scalar.value >= 0x7F && scalar.value <= 0x9F {
                out += "\\u00" + String(scalar.value, radix: 16)
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
