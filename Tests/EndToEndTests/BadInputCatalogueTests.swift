import Foundation
import RemotesTestSupport
import Testing

/// One bad input: a command line run by the built binary in a used home (`BadInputSandbox`),
/// possibly after breaking a file, possibly against a misbehaving server. It must end with
/// `code` (never 0), print `message`, and leave every file of the sandbox as it was.
///
/// Placeholders in `arguments`, `stdin`, `environment` and `message`: `{USER}`, `{SYSTEM}`,
/// `{DOCKER}` (files), `{F}` (the sandbox folder), `{EP}` (the endpoint of remote `srv`),
/// `{KS}` (its keyserver), `{HP}` (the server's host:port), `{CA}` (the test CA), `{TOKEN}`
/// (a token file).
struct BadInput: Sendable, CustomTestStringConvertible {
    enum Area: String, Sendable, CaseIterable {
        case arguments, configFile = "config file", dockerConfig = "docker config", server = "server answer"
    }

    /// How the case's test server is set up.
    struct Server: Sendable {
        enum TLS: Sendable { case none, trusted, expired, wrongHost }
        var tls = TLS.none
        /// Misbehaviours by path.
        var misbehaviours: [PathMatch: Misbehaviour] = [:]
        /// Credentials the keyserver path demands.
        var keyserverCredentials: BasicCredentials?
        /// A path whose answer redirects to a plain-http server.
        var redirectToPlainHTTP: PathMatch?
        /// Whether `srv`'s service discovery is in the cache before the case runs (so that the
        /// case is about the token check, and a good discovery answer is not a change).
        var cacheDiscovery = false
    }

    var area: Area
    var name: String
    var arguments: [String]
    var stdin = ""
    var environment: [String: String] = [:]
    var code: Int32
    var message: String
    var server: Server?
    var asNobody = false
    /// Whether `--batch` is put first (not for the case about the terminal UI).
    var batch = true
    var prepare: (@Sendable (BadInputSandbox) throws -> Void)?

    var testDescription: String { "\(area.rawValue): \(name)" }
}

/// The table: command arguments, config files, docker config files and server answers.
enum BadInputCatalogue {
    static let fatal = "FATAL:   "

    static func args(_ name: String, _ arguments: [String], _ code: Int32, _ message: String, stdin: String = "")
        -> BadInput
    {
        BadInput(area: .arguments, name: name, arguments: arguments, stdin: stdin, code: code, message: message)
    }

    // MARK: Command arguments

    static let arguments: [BadInput] = [
        args("add: blank name", ["add", "--no-login", " ", "x.example"], 64, "invalid name: cannot have empty name"),
        args("add: empty name", ["add", "--no-login", "", "x.example"], 64, "invalid name"),
        args("add: name with a tab", ["add", "--no-login", "a\tb", "x.example"], 64, "invalid name"),
        args("add: name with a newline", ["add", "--no-login", "a\nb", "x.example"], 64, "invalid name"),
        args("add: name with leading space", ["add", "--no-login", " a", "x.example"], 64, "invalid name"),
        args("add: name and URI swapped", ["add", "--no-login", "https://x.example", "x"], 64, "invalid name"),
        args(
            "add: name over 128 bytes", ["add", "--no-login", String(repeating: "n", count: 129), "x.example"], 64,
            "invalid name"),
        args("add: existing name", ["add", "--no-login", "lab", "x.example"], 1, "lab is already a remote"),
        args("add: empty URI", ["add", "--no-login", "x", ""], 64, "invalid URI: cannot have empty URI"),
        args(
            "add: docker:// URI", ["add", "--no-login", "x", "docker://x.example"], 64, "unsupported scheme \"docker\""),
        args("add: ftp:// URI", ["add", "--no-login", "x", "ftp://x.example"], 64, "unsupported scheme \"ftp\""),
        args("add: URI with a query", ["add", "--no-login", "x", "https://x.example/?a=1"], 64, "invalid URI"),
        args("add: URI with a fragment", ["add", "--no-login", "x", "https://x.example/#f"], 64, "invalid URI"),
        args("add: URI with user info", ["add", "--no-login", "x", "https://u:p@x.example"], 64, "invalid URI"),
        args("add: URI with a space", ["add", "--no-login", "x", "x .example"], 64, "invalid URI"),
        args("add: URI with a control character", ["add", "--no-login", "x", "x\u{7}.example"], 64, "invalid URI"),
        args("add: URI without a host", ["add", "--no-login", "x", "https://"], 64, "invalid URI"),
        args("add: URI with a bad port", ["add", "--no-login", "x", "https://x.example:99999"], 64, "invalid URI"),
        args(
            "add: http without --insecure", ["add", "--no-login", "x", "http://x.example"], 64,
            "http URI requires --insecure"),
        args(
            "add: --tokenfile with --password-stdin",
            ["add", "--tokenfile", "{TOKEN}", "--password-stdin", "x", "x.example"],
            64, "--tokenfile and --password-stdin cannot be used together"),
        args("add: missing URI argument", ["add", "--no-login", "x"], 64, "Missing expected argument '<uri>'"),
        args(
            "add: global as a user (--user-only)", ["--user-only", "add", "--global", "g", "g.example"], 1,
            "Unable to modify global endpoint configuration file: not root user"),
        args("remove: unknown remote", ["remove", "nope"], 1, "nope is not a remote"),
        args(
            "remove: global as a user (--user-only)", ["--user-only", "remove", "--global", "DefaultRemote"], 1,
            "not root user"),
        args("use: unknown remote", ["use", "nope"], 1, "nope is not a remote"),
        args(
            "use: exclusive as a user (--user-only)", ["--user-only", "use", "--exclusive", "lab"], 1,
            "unable to set endpoint as exclusive: not root user"),
        args("use: no name", ["use"], 64, "Missing expected argument '<name>'"),
        args(
            "add-keyserver: order 0", ["add-keyserver", "--order", "0", "lab", "https://k.example"], 64,
            "order must be > 0"),
        args(
            "add-keyserver: negative order", ["add-keyserver", "--order=-3", "lab", "https://k.example"], 64, "order"),
        args(
            "add-keyserver: order not a number", ["add-keyserver", "--order", "two", "lab", "https://k.example"], 64,
            "The value 'two' is invalid for '--order <order>'"),
        args(
            "add-keyserver: order out of range", ["add-keyserver", "--order", "9", "lab", "https://k.example"], 1,
            "order is out of range"),
        args(
            "add-keyserver: unknown remote", ["add-keyserver", "nope", "https://k.example"], 1,
            "no endpoint found: nope"),
        args("add-keyserver: ftp URL", ["add-keyserver", "lab", "ftp://k.example"], 64, "keyserver"),
        args("add-keyserver: URL without a host", ["add-keyserver", "lab", "https://"], 64, "keyserver"),
        args("add-keyserver: plain text", ["add-keyserver", "lab", "not a url"], 64, "keyserver"),
        args(
            "add-keyserver: already configured", ["add-keyserver", "lab", "https://keys.lab.example.org"], 1,
            "already"),
        args(
            "keyserver add: order 0", ["keyserver", "add", "--order", "0", "lab", "https://k.example"], 64,
            "order must be > 0"),
        args(
            "remove-keyserver: not configured", ["remove-keyserver", "lab", "https://never.example"], 1,
            "keyserver https://never.example is not configured"),
        args(
            "remove-keyserver: unknown remote", ["remove-keyserver", "nope", "https://k.example"], 1,
            "no endpoint found: nope"),
        args("keyserver remove: bad URL", ["keyserver", "remove", "lab", "::"], 1, "not configured"),
        args("keyserver list: unknown remote", ["keyserver", "list", "nope"], 1, "nope"),
        args("login: unknown remote", ["login", "--password-stdin", "nope"], 1, "nope is not a remote", stdin: "t"),
        args(
            "login: --batch without a token source", ["login", "lab"], 64,
            "no access token given (--batch never prompts): use --tokenfile FILE or --password-stdin"),
        args("login: empty stdin", ["login", "--password-stdin", "lab"], 64, "standard input holds no token"),
        args(
            "login: token with a space on stdin", ["login", "--password-stdin", "lab"], 64, "token",
            stdin: "two words"),
        args(
            "login: missing token file", ["login", "--tokenfile", "{F}/absent", "lab"], 64,
            "while reading tokenfile: authentication token file not found"),
        args(
            "login: token file too short", ["login", "--tokenfile", "{F}/tokens/short", "lab"], 64,
            "token is too short to be valid"),
        args("login: token file is a folder", ["login", "--tokenfile", "{F}/tokens", "lab"], 65, "{F}/tokens"),
        args(
            "login: --password with --password-stdin",
            [
                "login", "-u", "a", "--password", "p", "--password-stdin",
                "docker://r.example",
            ], 64, "--password and --password-stdin cannot be used together"),
        args(
            "login: --tokenfile for a registry", ["login", "--tokenfile", "{TOKEN}", "docker://r.example"], 64,
            "--tokenfile is only supported for login to a remote endpoint"),
        args(
            "registry login: no username", ["registry", "login", "--password-stdin", "docker://r.example"], 64,
            "Docker/OCI registry requires a username", stdin: "pw"),
        args(
            "registry login: --batch without a password", ["registry", "login", "-u", "a", "docker://r.example"], 64,
            "--password-stdin"),
        args(
            "registry login: empty password",
            ["registry", "login", "-u", "a", "--password-stdin", "docker://r.example"],
            64, "a password is required"),
        args(
            "registry login: repository path", ["login", "-u", "a", "--password-stdin", "docker://r.example/lib/x"], 64,
            "registries must be valid RFC 3986 URI authorities", stdin: "pw"),
        args(
            "registry login: user in the URI", ["login", "-u", "a", "--password-stdin", "docker://u@r.example"], 64,
            "registries must be valid RFC 3986 URI authorities", stdin: "pw"),
        args(
            "login: unsupported transport", ["login", "-u", "a", "--password-stdin", "ftp://r.example"], 64,
            "ftp transport is not supported", stdin: "pw"),
        args(
            "keyserver login: not configured",
            ["keyserver", "login", "-u", "a", "--password-stdin", "https://k.example"],
            1, "no external keyserver configuration found for https://k.example", stdin: "pw"),
        args(
            "keyserver login: --batch without a password",
            [
                "keyserver", "login", "-u", "a",
                "https://keys.lab.example.org",
            ], 64, "--password-stdin"),
        args("logout: unknown remote", ["logout", "nope"], 1, "nope is not a remote"),
        args("logout: unsupported transport", ["logout", "ftp://r.example"], 64, "ftp transport is not supported"),
        args("status: unknown remote", ["status", "nope"], 1, "nope is not a remote"),
        args("status: bad --format", ["status", "--format", "yaml", "lab"], 64, "The value 'yaml' is invalid"),
        args("list: bad --format", ["list", "--format", "xml"], 64, "The value 'xml' is invalid for '--format"),
        args("list: extra argument", ["list", "extra"], 64, "Unexpected argument 'extra'"),
        args(
            "--timeout: not a number", ["--timeout", "soon", "list"], 64, "The value 'soon' is invalid for '--timeout"),
        args(
            "--timeout: zero", ["--timeout", "0", "status", "lab"], 64, "--timeout must be a number of seconds above 0"),
        args(
            "--timeout: negative", ["--timeout=-5", "status", "lab"], 64,
            "--timeout must be a number of seconds above 0"),
        args(
            "--timeout: infinite", ["--timeout", "inf", "status", "lab"], 64, "--timeout must be a number of seconds"),
        args("--timeout: NaN", ["status", "--timeout", "nan", "lab"], 64, "--timeout must be a number of seconds"),
        args(
            "--timeout: 1e300", ["login", "--timeout", "1e300", "--password-stdin", "lab"], 64,
            "--timeout must be a number of seconds", stdin: "t"),
        args("--flavor: unknown", ["--flavor", "docker", "list"], 64, "The value 'docker' is invalid for '--flavor"),
        args(
            "--ca-file: missing", ["--ca-file", "{F}/absent.pem", "status", "lab"], 65, "could not read the CA bundle"),
        args("--ca-file: not PEM", ["--ca-file", "{TOKEN}", "status", "lab"], 65, "CA bundle"),
        args("unknown subcommand", ["frobnicate"], 64, "Unexpected argument 'frobnicate'"),
        args("unknown option", ["list", "--frobnicate"], 64, "Unknown option '--frobnicate'"),
        args("--batch without a subcommand", ["--batch"], 64, "--batch needs a subcommand"),
        BadInput(
            area: .arguments, name: "no terminal for the UI", arguments: [], code: 64,
            message: "the terminal UI needs a terminal on stdin and stdout", batch: false),
        args("get-login-password without a login", ["get-login-password"], 1, "must be logged in"),
    ]

    // MARK: Config files

    /// A user file content and what reading it says.
    static let badUserFiles: [(String, [UInt8], String)] = [
        ("garbage", Array("this is : not: [yaml".utf8), "mapping values are not allowed in this context"),
        ("random bytes", (0..<3000).map { UInt8(truncatingIfNeeded: $0 &* 7919 &+ 13) }, "is not valid UTF-8 text"),
        ("a NUL byte", Array("Active: lab\0\nRemotes: {}\n".utf8), "byte 11 is not valid UTF-8 text"),
        (
            "invalid UTF-8", [0x41, 0x63, 0x74, 0x69, 0x76, 0x65, 0x3A, 0x20, 0xFF, 0x0A],
            "byte 8 is not valid UTF-8 text"
        ),
        ("UTF-16", [0xFF, 0xFE, 0x41, 0x00, 0x3A, 0x00], "byte 0 is not valid UTF-8 text"),
        (
            "Remotes is a list", Array("Active: lab\nRemotes: [1, 2]\n".utf8),
            "Remotes must be a mapping, not a sequence"
        ),
        ("Remotes is text", Array("Active: lab\nRemotes: \"many\"\n".utf8), "Remotes must be a mapping, not a scalar"),
        ("Active is a list", Array("Active: [a]\nRemotes: {}\n".utf8), "Active must be a single value, not a sequence"),
        (
            "System is not a boolean",
            Array("Active: l\nRemotes:\n    l:\n        URI: x\n        System: maybe\n".utf8),
            "Remotes.l.System must be true or false, not \"maybe\""
        ),
        (
            "URI is a list", Array("Active: l\nRemotes:\n    l:\n        URI: [x]\n".utf8),
            "Remotes.l.URI must be a single value, not a sequence"
        ),
        (
            "Keyservers is text", Array("Active: l\nRemotes:\n    l:\n        URI: x\n        Keyservers: k\n".utf8),
            "Remotes.l.Keyservers must be a list, not a scalar"
        ),
        (
            "Credentials is a number", Array("Active: l\nRemotes: {}\nCredentials: 5\n".utf8),
            "Credentials must be a list, not a scalar"
        ),
        ("a scalar document", Array("hello\n".utf8), "the file must be a mapping, not a scalar"),
        ("a list document", Array("- a\n- b\n".utf8), "the file must be a mapping, not a sequence"),
        ("unclosed quote", Array("Active: \"lab\nRemotes: {}\n".utf8), "while scanning a quoted scalar"),
        ("tab indentation", Array("Active: l\nRemotes:\n\tl:\n\t\tURI: x\n".utf8), "cannot start any token"),
        (
            "bad indentation", Array("Active: l\nRemotes:\n    l:\n        URI: x\n      System: true\n".utf8),
            "line 5"
        ),
        (
            "duplicate key", Array("Active: l\nActive: m\nRemotes: {}\n".utf8),
            "key \"Active\" is defined more than once"
        ),
        (
            "duplicate remote", Array("Active: l\nRemotes:\n    l:\n        URI: x\n    l:\n        URI: y\n".utf8),
            "key \"l\" is defined more than once"
        ),
        ("two documents", Array("Active: a\n---\nActive: b\n".utf8), "expected a single document"),
        (
            "a sequence as a key", Array("Active: l\nRemotes:\n    ? [a]\n    : {URI: x}\n".utf8),
            "a key must be a single value, not a sequence"
        ),
        ("an alias bomb", Array(aliasBomb.utf8), "YAML aliases make the document too large"),
        (
            "nesting 100,000 deep", Array(("Active: " + String(repeating: "[", count: 100_000)).utf8),
            "Maximum nesting level reached"
        ),
    ]

    static let aliasBomb: String = {
        var lines = [#"a: &a ["x","x","x","x","x","x","x","x","x"]"#]
        var previous = "a"
        for name in ["b", "c", "d", "e", "f", "g", "h", "i"] {
            lines.append(
                "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ",") + "]")
            previous = name
        }
        return (lines + ["Active: lab", "Remotes: {}"]).joined(separator: "\n") + "\n"
    }()

    /// Commands that read or write the user file: each bad file is tried with each.
    static let userFileCommands: [(String, [String])] = [
        ("list", ["list"]),
        ("add", ["add", "--no-login", "new", "new.example"]),
        ("use", ["use", "lab"]),
    ]

    static func file(
        _ name: String, _ arguments: [String], _ code: Int32, _ message: String, asNobody: Bool = false,
        _ prepare: @escaping @Sendable (BadInputSandbox) throws -> Void
    ) -> BadInput {
        BadInput(
            area: .configFile, name: name, arguments: arguments, code: code, message: message, asNobody: asNobody,
            prepare: prepare)
    }

    static let configFiles: [BadInput] = {
        var cases: [BadInput] = []
        for (what, bytes, message) in badUserFiles {
            for (command, arguments) in userFileCommands {
                cases.append(
                    file("user file \(what), \(command)", arguments, 65, message) {
                        try $0.replace($0.userFile, with: bytes)
                    })
            }
        }
        let huge = Array(repeating: UInt8(ascii: "#"), count: (16 << 20) + 1)
        cases += [
            file("user file over 16 MiB, list", ["list"], 65, "over the limit of 16777216 bytes") {
                try $0.replace($0.userFile, with: huge)
            },
            file("user file over 16 MiB, add", ["add", "--no-login", "new", "new.example"], 65, "over the limit") {
                try $0.replace($0.userFile, with: huge)
            },
            file("user file a symlink loop, list", ["list"], 65, "Too many levels of symbolic links") {
                try $0.replaceWithSymlink($0.userFile, to: "remote.yaml")
            },
            file(
                "user file a symlink loop, add", ["add", "--no-login", "new", "new.example"], 65,
                "Too many levels of symbolic links"
            ) { try $0.replaceWithSymlink($0.userFile, to: "remote.yaml") },
            file("user file a symlink to a folder, use", ["use", "lab"], 65, "is a folder") {
                try $0.replaceWithSymlink($0.userFile, to: $0.folder + "/tokens")
            },
            file("user file a folder, list", ["list"], 65, "is a folder: refusing to use it") {
                try $0.replaceWithFolder($0.userFile)
            },
            file("user file a folder, add", ["add", "--no-login", "new", "new.example"], 65, "is a folder") {
                try $0.replaceWithFolder($0.userFile)
            },
            file("user file a FIFO, list", ["list"], 65, "is not a regular file: refusing to use it") {
                try $0.replaceWithFIFO($0.userFile)
            },
            file("user file a FIFO, remove", ["remove", "lab"], 65, "is not a regular file") {
                try $0.replaceWithFIFO($0.userFile)
            },
            file("user file unreadable (as nobody), list", ["list"], 65, "Permission denied", asNobody: true) {
                $0.makeUnreadableForNobody($0.userFile)
            },
            file(
                "user file unreadable (as nobody), add", ["add", "--no-login", "new", "new.example"], 65,
                "Permission denied", asNobody: true
            ) { $0.makeUnreadableForNobody($0.userFile) },
            file(
                "user folder not writable (as nobody), add", ["add", "--no-login", "new", "new.example"], 1,
                "cannot create a file in", asNobody: true
            ) { sandbox in
                chown(sandbox.userFolder, 0, 0)
                chmod(sandbox.userFolder, 0o755)
            },
            file(
                "--config names a path under a file, list", ["--config", "{TOKEN}/remote.yaml", "list"], 65,
                "a part of this path is not a folder"
            ) { _ in },
            file(
                "--config names a path under a file, add",
                [
                    "--config", "{TOKEN}/remote.yaml", "add", "--no-login", "n",
                    "n.example",
                ], 65, "is not a folder"
            ) { _ in },
            file(
                "--config /dev/null, add", ["--config", "/dev/null", "add", "--no-login", "n", "n.example"], 65,
                "is not a regular file"
            ) { _ in },
            file("--config names a folder, list", ["--config", "{F}/tokens", "list"], 65, "is a folder") { _ in },
            file("system file garbage, list", ["list"], 65, "mapping values are not allowed") {
                try $0.replace($0.systemFile, with: "this is : not: [yaml", mode: 0o644)
            },
            file("system file garbage, use", ["use", "lab"], 65, "mapping values are not allowed") {
                try $0.replace($0.systemFile, with: "this is : not: [yaml", mode: 0o644)
            },
            file("system file binary, add --global", ["add", "--global", "g", "g.example"], 65, "is not valid UTF-8") {
                try $0.replace($0.systemFile, with: [0xC3, 0x28, 0xA0, 0xA1], mode: 0o644)
            },
            file("system file a folder, list", ["list"], 65, "is a folder") { try $0.replaceWithFolder($0.systemFile) },
            file("system file unreadable (as nobody), list", ["list"], 65, "Permission denied", asNobody: true) {
                $0.makeUnreadableForNobody($0.systemFile)
            },
            file("system file wrong types, status", ["status", "lab"], 65, "Remotes must be a mapping") {
                try $0.replace($0.systemFile, with: "Active: x\nRemotes: [x]\n", mode: 0o644)
            },
        ]
        return cases
    }()

    // MARK: Docker config files

    static func docker(
        _ name: String, _ arguments: [String], _ code: Int32, _ message: String, stdin: String = "pw",
        environment: [String: String] = [:], _ prepare: @escaping @Sendable (BadInputSandbox) throws -> Void
    ) -> BadInput {
        BadInput(
            area: .dockerConfig, name: name, arguments: arguments, stdin: stdin, environment: environment, code: code,
            message: message, prepare: prepare)
    }

    static let registryLogin = ["login", "-u", "a", "--password-stdin", "docker://127.0.0.1:1"]

    static let dockerConfigs: [BadInput] = [
        docker("invalid JSON, login", registryLogin, 65, "{DOCKER} is not valid JSON (line 1, column 12") {
            try $0.replace($0.dockerConfig, with: "{\"auths\": {")
        },
        docker("invalid JSON, logout", ["logout", "docker://127.0.0.1:1"], 65, "is not valid JSON") {
            try $0.replace($0.dockerConfig, with: "{\"auths\": {")
        },
        docker("top level is a list, login", registryLogin, 65, "does not hold a JSON object: refusing to change it") {
            try $0.replace($0.dockerConfig, with: "[1, 2]")
        },
        docker("auths is text, login", registryLogin, 65, "\"auths\" is not a JSON object: refusing to change it") {
            try $0.replace($0.dockerConfig, with: "{\"auths\": \"x\"}")
        },
        docker(
            "auths is text, logout", ["registry", "logout", "docker://127.0.0.1:1"], 65,
            "\"auths\" is not a JSON object"
        ) {
            try $0.replace($0.dockerConfig, with: "{\"auths\": \"x\"}")
        },
        docker("credHelpers is a number, login", registryLogin, 65, "\"credHelpers\" is not a JSON object") {
            try $0.replace($0.dockerConfig, with: "{\"credHelpers\": 5}")
        },
        docker("nested 100,000 deep, login", registryLogin, 65, "nested deeper than 256 levels") {
            try $0.replace($0.dockerConfig, with: String(repeating: "[", count: 100_000))
        },
        docker("invalid UTF-8, login", registryLogin, 65, "is not valid UTF-8 text") {
            try $0.replace($0.dockerConfig, with: [0x7B, 0x22, 0xFF, 0x22, 0x3A, 0x31, 0x7D])
        },
        docker("a folder, login", registryLogin, 65, "is a folder: refusing to use it") {
            try $0.replaceWithFolder($0.dockerConfig)
        },
        docker("over 16 MiB, login", registryLogin, 65, "over the limit") {
            try $0.replace($0.dockerConfig, with: "{\"x\": \"" + String(repeating: "a", count: 16 << 20) + "\"}")
        },
        docker(
            "credsStore helper not installed, login", registryLogin, 1,
            "the docker credential helper docker-credential-nonexistent is not installed"
        ) {
            try $0.replace($0.dockerConfig, with: "{\"credsStore\": \"nonexistent\"}")
        },
        docker(
            "credHelpers helper not installed, logout", ["logout", "docker://127.0.0.1:1"], 1,
            "docker-credential-nonexistent is not installed"
        ) {
            try $0.replace($0.dockerConfig, with: "{\"credHelpers\": {\"127.0.0.1:1\": \"nonexistent\"}}")
        },
        docker(
            "--authfile names a folder",
            [
                "login", "--authfile", "{F}/tokens", "-u", "a", "--password-stdin",
                "docker://127.0.0.1:1",
            ], 65, "is a folder"
        ) { _ in },
        docker(
            "APPTAINER_AUTH_FILE holds garbage", registryLogin, 65, "is not valid JSON",
            environment: ["APPTAINER_AUTH_FILE": "{F}/tokens/token"]
        ) { _ in },
    ]

    // MARK: Server answers

    static func answer(
        _ name: String, _ arguments: [String], _ code: Int32, _ message: String, stdin: String = "",
        _ server: BadInput.Server
    ) -> BadInput {
        BadInput(
            area: .server, name: name, arguments: arguments, stdin: stdin, code: code, message: message, server: server)
    }

    static func misbehaving(_ path: PathMatch, _ misbehaviour: Misbehaviour) -> BadInput.Server {
        BadInput.Server(misbehaviours: [path: misbehaviour])
    }

    /// The token check misbehaves; discovery is cached.
    static func checking(_ misbehaviour: Misbehaviour) -> BadInput.Server {
        BadInput.Server(misbehaviours: [tokenStatus: misbehaviour], cacheDiscovery: true)
    }

    static let discovery = PathMatch.suffix("/assets/config/config.prod.json")
    static let tokenStatus = PathMatch.suffix("/v1/token-status")
    static let ping = PathMatch.exact("/v2/")
    static let keyserverPath = PathMatch.suffix("/pks/lookup")
    static let status = ["--timeout", "10", "status", "srv"]
    static let login = ["--timeout", "10", "login", "--tokenfile", "{TOKEN}", "srv"]
    static let quickStatus = ["--timeout", "1", "status", "srv"]
    static let quickLogin = ["--timeout", "1", "login", "--tokenfile", "{TOKEN}", "srv"]
    static let registry = ["--timeout", "10", "login", "-u", "bob", "--password-stdin", "docker://{HP}"]
    static let quickRegistry = ["--timeout", "1", "login", "-u", "bob", "--password-stdin", "docker://{HP}"]
    static let keyserverLogin = ["--timeout", "10", "login", "-u", "alice", "--password-stdin", "{KS}"]
    static let quickKeyserverLogin = ["--timeout", "1", "login", "-u", "alice", "--password-stdin", "{KS}"]
    static let noAnswer = "no complete answer from {HP} within 1 s"
    static let basicChallenge = Misbehaviour.custom(
        status: 401, headers: ["WWW-Authenticate": "Basic realm=\"registry\""], body: "")
    static let bearerChallenge = Misbehaviour.custom(
        status: 401, headers: ["WWW-Authenticate": "Bearer realm=\"http://127.0.0.1:1/token\",service=\"r\""], body: "")

    static let serverAnswers: [BadInput] = [
        // Service discovery, through status and login.
        answer(
            "discovery 401, status", status, 69, "while retrieving services: error response from server: 401",
            misbehaving(discovery, .status(401))),
        answer("discovery 403, status", status, 69, "403 Forbidden", misbehaving(discovery, .status(403))),
        answer("discovery 404, status", status, 69, "404 Not Found", misbehaving(discovery, .status(404))),
        answer("discovery 500, status", status, 69, "500 Internal Server Error", misbehaving(discovery, .status(500))),
        answer("discovery 502, status", status, 69, "502 Bad Gateway", misbehaving(discovery, .status(502))),
        answer(
            "discovery 500, login", login, 69, "while verifying token: while retrieving services",
            misbehaving(discovery, .status(500))),
        answer(
            "discovery 502, status --format json", status + ["--format", "json"], 69, "502 Bad Gateway",
            misbehaving(discovery, .status(502))),
        answer(
            "discovery invalid JSON, status", status, 69, "jsonresp: failed to unmarshal response: invalid JSON",
            misbehaving(discovery, .invalidJSON)),
        answer("discovery invalid JSON, login", login, 69, "invalid JSON", misbehaving(discovery, .invalidJSON)),
        answer(
            "discovery JSON of wrong types, status", status, 69, "while retrieving services",
            misbehaving(
                discovery,
                .custom(
                    status: 200, headers: ["Content-Type": "application/json"],
                    body: #"{"libraryAPI": 5, "tokenAPI": ["x"]}"#))),
        answer(
            "discovery JSON nested 100,000 deep, status", status, 69, "while retrieving services",
            misbehaving(
                discovery,
                .custom(
                    status: 200, headers: ["Content-Type": "application/json"],
                    body: String(repeating: "[", count: 100_000)))),
        answer(
            "discovery body of 6 MiB, status", status, 1, "is larger than the limit of 4194304 bytes",
            misbehaving(discovery, .hugeBody(bytes: 6 << 20))),
        answer(
            "discovery body of 6 MiB, login", login, 1, "is larger than the limit",
            misbehaving(discovery, .hugeBody(bytes: 6 << 20))),
        answer(
            "discovery slow (--timeout 1), status", quickStatus, 69, noAnswer,
            misbehaving(discovery, .slow(headerDelay: .seconds(30)))),
        answer(
            "discovery trickling (--timeout 1), status", quickStatus, 69, noAnswer,
            misbehaving(discovery, .slow(headerDelay: .zero, trickleInterval: .milliseconds(400)))),
        answer(
            "discovery silent (--timeout 1), status", quickStatus, 69, noAnswer, misbehaving(discovery, .neverAnswer)),
        answer("discovery silent (--timeout 1), login", quickLogin, 69, noAnswer, misbehaving(discovery, .neverAnswer)),
        answer(
            "discovery connection closed, status", status, 69, "closed the connection without an answer",
            misbehaving(discovery, .closeConnection)),
        // The token check.
        answer(
            "token rejected (404), login", login, 1,
            "while verifying token: error response from server: Invalid Credentials",
            BadInput.Server(cacheDiscovery: true)),
        answer(
            "token check 401, login", login, 1, "error response from server: Unknown (401 Unauthorized)",
            checking(.status(401))),
        answer("token check 403, login", login, 1, "403", checking(.status(403))),
        answer(
            "token check 500, login", login, 69, "error response from server: Internal Server Error",
            checking(.status(500))),
        answer("token check 502, login", login, 69, "Bad Gateway", checking(.status(502))),
        answer(
            "token check closes the connection, login", login, 69, "closed the connection without an answer",
            checking(.closeConnection)),
        answer(
            "token check body of 6 MiB, login", login, 1, "is larger than the limit",
            checking(.hugeBody(bytes: 6 << 20))),
        answer(
            "token check slow (--timeout 1), login", quickLogin, 69, noAnswer,
            checking(.slow(headerDelay: .seconds(30)))),
        answer(
            "token check silent (--timeout 1), login", quickLogin, 69, noAnswer,
            checking(.neverAnswer)),
        answer(
            "token check redirected to a closed port, login", login, 69, "connection to 127.0.0.1:1 refused",
            checking(.redirect(status: 302, location: "http://127.0.0.1:1/v1/token-status"))),
        // TLS.
        answer(
            "certificate for another host name, status", ["--ca-file", "{CA}"] + status, 1,
            "the server's certificate is not valid for this host name", BadInput.Server(tls: .wrongHost)),
        answer(
            "expired certificate, status", ["--ca-file", "{CA}"] + status, 1, "the server's certificate has expired",
            BadInput.Server(tls: .expired)),
        answer(
            "untrusted CA, status", status, 1, "the server's certificate is not trusted", BadInput.Server(tls: .trusted)
        ),
        answer(
            "untrusted CA, login", login, 1, "the server's certificate is not trusted", BadInput.Server(tls: .trusted)),
        answer(
            "expired certificate, login", ["--ca-file", "{CA}"] + login, 1, "has expired",
            BadInput.Server(tls: .expired)),
        answer(
            "redirect from https to http, status", ["--ca-file", "{CA}"] + status, 1,
            "https must not fall back to http", BadInput.Server(tls: .trusted, redirectToPlainHTTP: discovery)),
        answer(
            "redirect from https to http, login", ["--ca-file", "{CA}"] + login, 1, "https must not fall back to http",
            BadInput.Server(tls: .trusted, redirectToPlainHTTP: discovery)),
        // An OCI registry's /v2/ and its token server.
        answer(
            "registry 401 Basic, wrong password", registry, 1, "the registry rejected the credentials", stdin: "pw",
            misbehaving(ping, basicChallenge)),
        answer("registry 403", registry, 1, "403 Forbidden", stdin: "pw", misbehaving(ping, .status(403))),
        answer("registry 404", registry, 1, "404", stdin: "pw", misbehaving(ping, .status(404))),
        answer("registry 500", registry, 69, "500", stdin: "pw", misbehaving(ping, .status(500))),
        answer("registry 502", registry, 69, "502", stdin: "pw", misbehaving(ping, .status(502))),
        answer(
            "registry body of 6 MiB", registry, 1, "is larger than the limit", stdin: "pw",
            misbehaving(ping, .hugeBody(bytes: 6 << 20))),
        answer(
            "registry slow (--timeout 1)", quickRegistry, 69, "within 1 s", stdin: "pw",
            misbehaving(ping, .slow(headerDelay: .seconds(30)))),
        answer(
            "registry silent (--timeout 1)", quickRegistry, 69, "within 1 s", stdin: "pw",
            misbehaving(ping, .neverAnswer)),
        answer(
            "registry closes the connection", registry, 69, "closed the connection", stdin: "pw",
            misbehaving(ping, .closeConnection)),
        answer(
            "registry token server unreachable", registry, 69, "127.0.0.1:1", stdin: "pw",
            misbehaving(ping, bearerChallenge)),
        answer(
            "registry wrong TLS host name", ["--ca-file", "{CA}"] + registry, 1, "not valid for this host name",
            stdin: "pw", BadInput.Server(tls: .wrongHost)),
        answer(
            "registry expired certificate", ["--ca-file", "{CA}"] + registry, 1, "has expired", stdin: "pw",
            BadInput.Server(tls: .expired)),
        answer("registry untrusted CA", registry, 1, "is not trusted", stdin: "pw", BadInput.Server(tls: .trusted)),
        answer(
            "registry redirect from https to http", ["--ca-file", "{CA}"] + registry, 1,
            "https must not fall back to http", stdin: "pw", BadInput.Server(tls: .trusted, redirectToPlainHTTP: ping)),
        // A keyserver login.
        answer(
            "keyserver 401, wrong password", keyserverLogin, 1, "401 Unauthorized to GET {KS}", stdin: "wrong",
            BadInput.Server(keyserverCredentials: BasicCredentials(username: "alice", password: "right"))),
        answer("keyserver 403", keyserverLogin, 1, "403", stdin: "pw", misbehaving(keyserverPath, .status(403))),
        answer("keyserver 500", keyserverLogin, 69, "500", stdin: "pw", misbehaving(keyserverPath, .status(500))),
        answer("keyserver 502", keyserverLogin, 69, "502", stdin: "pw", misbehaving(keyserverPath, .status(502))),
        answer(
            "keyserver slow (--timeout 1)", quickKeyserverLogin, 69, "within 1 s", stdin: "pw",
            misbehaving(keyserverPath, .slow(headerDelay: .seconds(30)))),
        answer(
            "keyserver silent (--timeout 1)", quickKeyserverLogin, 69, "within 1 s", stdin: "pw",
            misbehaving(keyserverPath, .neverAnswer)),
        answer(
            "keyserver body of 6 MiB", keyserverLogin, 1, "is larger than the limit", stdin: "pw",
            misbehaving(keyserverPath, .hugeBody(bytes: 6 << 20))),
        answer(
            "keyserver untrusted CA", keyserverLogin, 1, "is not trusted", stdin: "pw", BadInput.Server(tls: .trusted)),
        answer(
            "keyserver redirect from https to http", ["--ca-file", "{CA}"] + keyserverLogin, 1,
            "https must not fall back to http", stdin: "pw",
            BadInput.Server(tls: .trusted, redirectToPlainHTTP: keyserverPath)),
    ]

    static let all: [BadInput] = arguments + configFiles + dockerConfigs + serverAnswers
}

/// Runs at most three catalogue cases at a time (each runs the binary, some a server).
let catalogueGate = ProcessGate(permits: 3)

@Suite("Bad-input catalogue")
struct BadInputCatalogueTests {
    @Test("the catalogue has at least 100 cases, in every area, with unique names and non-zero codes")
    func catalogueShape() {
        let all = BadInputCatalogue.all
        #expect(all.count >= 100)
        for area in BadInput.Area.allCases {
            #expect(all.filter { $0.area == area }.count >= 10, "\(area)")
        }
        #expect(Set(all.map(\.testDescription)).count == all.count)
        #expect(all.allSatisfy { $0.code != 0 && !$0.message.isEmpty })
        print(
            "bad-input catalogue: \(all.count) cases: "
                + BadInput.Area.allCases.map { a in "\(all.filter { $0.area == a }.count) \(a.rawValue)" }.joined(
                    separator: ", "))
    }

    @Test("the used home is valid, and the snapshot notices a write, a new file and a mode change")
    func sandboxAndSnapshot() async throws {
        let sandbox = try BadInputSandbox(hostPort: "127.0.0.1:9", scheme: "http", caFile: "", asNobody: false)
        let list = try await sandbox.box.run(["--batch", "list"])
        #expect(list.status == 0)
        #expect(list.stderr == "")
        #expect(list.stdout.contains("srv "))
        let before = TreeSnapshot(of: sandbox.folder)
        #expect(TreeSnapshot(of: sandbox.folder) == before)
        #expect(try await sandbox.box.run(["--batch", "use", "cached"]).status == 0)
        let afterUse = TreeSnapshot(of: sandbox.folder)
        #expect(afterUse.differences(from: before).hasPrefix("changed home/.apptainer/remote.yaml: content ("))
        chmod(sandbox.dockerConfig, 0o644)
        #expect(TreeSnapshot(of: sandbox.folder).differences(from: afterUse).contains("mode 600 → 644"))
        try sandbox.box.folder.write("x", to: "home/new")
        #expect(TreeSnapshot(of: sandbox.folder).differences(from: afterUse).contains("created home/new"))
    }

    @Test(arguments: BadInputCatalogue.all)
    func badInput(_ input: BadInput) async throws {
        if input.asNobody && !TestProcess.isRoot { return }  // switching to nobody needs root
        try await catalogueGate.withPermit { try await Self.run(input) }
    }

    static func run(_ input: BadInput) async throws {
        guard let plan = input.server else {
            try await check(
                input, in: BadInputSandbox(hostPort: nil, scheme: "http", caFile: "", asNobody: input.asNobody))
            return
        }
        let certificates = plan.tls == .none ? nil : try await TestCertificates.shared()
        let pair: CertificatePair? =
            switch plan.tls {
            case .none: nil
            case .trusted: certificates?.server
            case .expired: certificates?.expired
            case .wrongHost: certificates?.wrongHost
            }
        var configuration = EndpointConfiguration()
        configuration.keyserverCredentials = plan.keyserverCredentials
        // The plain-http server a redirect points to; it must never be asked.
        let plain = EndpointTestServer()
        if plan.redirectToPlainHTTP != nil { try await plain.start() }
        do {
            try await EndpointTestServer.with(configuration: configuration, tls: pair) { server in
                let sandbox = try BadInputSandbox(
                    hostPort: "127.0.0.1:\(server.port ?? 0)", scheme: server.scheme,
                    caFile: certificates?.caCertificate ?? "", asNobody: input.asNobody)
                if plan.cacheDiscovery {
                    let status = try await sandbox.box.run(["--batch", "status", "srv"])
                    #expect(status.status == 0, "caching discovery: \(status.stderr)")
                }
                server.configure { $0.misbehaviours = plan.misbehaviours }
                if let path = plan.redirectToPlainHTTP {
                    server.misbehave(.redirect(status: 302, location: plain.url("/elsewhere")), at: path)
                }
                try await check(input, in: sandbox)
            }
        } catch {
            await plain.stop()
            throw error
        }
        await plain.stop()
        #expect(plain.requests.isEmpty, "the plain-http server was asked")
    }

    static func check(_ input: BadInput, in sandbox: BadInputSandbox) async throws {
        try input.prepare?(sandbox)
        let before = TreeSnapshot(of: sandbox.folder)
        let arguments = (input.batch ? ["--batch"] : []) + input.arguments.map(sandbox.expand)
        let environment = input.environment.mapValues(sandbox.expand)
        let result =
            input.asNobody
            ? try await sandbox.box.runAsNobody(arguments, environment: environment)
            : try await sandbox.box.run(arguments, stdin: sandbox.expand(input.stdin), environment: environment)
        let message = sandbox.expand(input.message)
        let output = result.stderr + result.stdout
        #expect(!result.timedOut, "the command did not end")
        #expect(result.status == input.code, "exit \(result.status), expected \(input.code): \(output)")
        #expect(result.status != 0)
        #expect(output.contains(message), "expected '\(message)' in: \(output)")
        #expect(
            !output.contains("Fatal error") && !output.contains("crashed") && !output.contains("Sanitizer"), "\(output)"
        )
        let changes = TreeSnapshot(of: sandbox.folder).differences(from: before, allowingNewLockFiles: true)
        #expect(changes.isEmpty, "files changed: \(changes)")
    }
}
