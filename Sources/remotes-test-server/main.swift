// remotes-test-server: runs an EndpointTestServer from the command line, for manual checks,
// tmux TUI tests and benchmarks. Serves until SIGTERM or SIGINT.
import Dispatch
import Foundation
import RemotesTestSupport

let usage = """
    usage: remotes-test-server [options]
      --port N               port on 127.0.0.1 (default 0: a free port)
      --tls-cert FILE        serve HTTPS with this PEM certificate (needs --tls-key)
      --tls-key FILE         the PEM private key of --tls-cert
      --token T              a valid bearer token (repeatable)
      --secret S             oidc_user_meta.secret of /v1/rbac/users/current
      --version-delay-ms N   delay every /version answer by N milliseconds
      --registry-user U:P    make /v2/ an OCI registry with Basic auth for user U, password P
      --registry-delay-ms N  delay every /v2/ answer by N milliseconds
      --base-url URL         base of the service URIs in the discovery JSON
      --print-port           print "listening on <scheme>://127.0.0.1:PORT" as the first stdout line
      --help                 show this text
    """

/// The parsed command line.
struct Options {
    var port = 0
    var certificate: String?
    var key: String?
    var tokens: [String] = []
    var secret: String?
    var versionDelayMilliseconds = 0
    var registryUser: String?
    var registryDelayMilliseconds = 0
    var baseURL: String?
    var printPort = false
}

/// Prints `message` and the usage to standard error and exits with status 2.
func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("remotes-test-server: \(message)\n\(usage)\n".utf8))
    exit(2)
}

func parse(_ arguments: [String]) -> Options {
    var options = Options()
    var rest = arguments[...]
    func value(_ flag: String) -> String {
        guard let next = rest.popFirst() else { fail("\(flag) needs a value") }
        return next
    }
    func number(_ flag: String) -> Int {
        let text = value(flag)
        guard let number = Int(text), number >= 0 else { fail("\(flag) needs a number, not \(text)") }
        return number
    }
    while let argument = rest.popFirst() {
        switch argument {
        case "--port": options.port = number(argument)
        case "--tls-cert": options.certificate = value(argument)
        case "--tls-key": options.key = value(argument)
        case "--token": options.tokens.append(value(argument))
        case "--secret": options.secret = value(argument)
        case "--version-delay-ms": options.versionDelayMilliseconds = number(argument)
        case "--registry-user": options.registryUser = value(argument)
        case "--registry-delay-ms": options.registryDelayMilliseconds = number(argument)
        case "--base-url": options.baseURL = value(argument)
        case "--print-port": options.printPort = true
        case "--help", "-h":
            print(usage)
            exit(0)
        default: fail("unknown argument \(argument)")
        }
    }
    if (options.certificate == nil) != (options.key == nil) {
        fail("--tls-cert and --tls-key go together")
    }
    return options
}

/// A dispatch source that yields `number` into `continuation` whenever that signal arrives.
/// Nonisolated: the handler runs on a dispatch queue, not on the main actor.
nonisolated func watch(signal number: Int32, into continuation: AsyncStream<Int32>.Continuation)
    -> any DispatchSourceSignal
{
    let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
    source.setEventHandler { continuation.yield(number) }
    source.resume()
    return source
}

let options = parse(Array(CommandLine.arguments.dropFirst()))
var configuration = EndpointConfiguration()
configuration.validTokens = Set(options.tokens)
configuration.baseURL = options.baseURL
if let secret = options.secret { configuration.secret = secret }
if options.versionDelayMilliseconds > 0 {
    configuration.misbehaviours[.suffix("/version")] = .slow(
        headerDelay: .milliseconds(options.versionDelayMilliseconds))
}
if let user = options.registryUser {
    guard let colon = user.firstIndex(of: ":") else { fail("--registry-user needs USER:PASSWORD") }
    configuration.registryCredentials = BasicCredentials(
        username: String(user[..<colon]), password: String(user[user.index(after: colon)...]))
}
if options.registryDelayMilliseconds > 0 {
    configuration.misbehaviours[.exact("/v2/")] = .slow(headerDelay: .milliseconds(options.registryDelayMilliseconds))
}
let tls = options.certificate.flatMap { certificate in
    options.key.map { CertificatePair(certificate: certificate, key: $0) }
}
let server = EndpointTestServer(configuration: configuration, tls: tls, port: options.port)
do {
    try await server.start()
} catch {
    fail("cannot start: \(error)")
}
let line = "listening on \(server.baseURL)\n"
if options.printPort {
    FileHandle.standardOutput.write(Data(line.utf8))
} else {
    FileHandle.standardError.write(Data(line.utf8))
}
// Wait for SIGTERM or SIGINT; the dispatch sources must stay alive until then.
signal(SIGTERM, SIG_IGN)
signal(SIGINT, SIG_IGN)
let (signals, signalContinuation) = AsyncStream<Int32>.makeStream()
let signalSources = [SIGTERM, SIGINT].map { watch(signal: $0, into: signalContinuation) }
for await _ in signals { break }
withExtendedLifetime(signalSources) {}
await server.stop()
exit(0)
