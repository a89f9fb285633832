import Foundation
import RemotesCore
import RemotesNetwork

/// The text and JSON forms of `remotes status`. Tables and token lines go to stdout, in
/// Apptainer's layout; explanations, warnings and the final error go to stderr. What the
/// servers said (URIs, reasons, the user's name and e-mail) is one line each: newlines in it are
/// escaped too (`TerminalSafe`), so a server cannot forge a line of our output.
struct StatusRenderer {
    let console: Console

    /// One remote, as Apptainer's `remote status` prints it; what Apptainer leaves out (why a
    /// service is N/A) comes as WARNING lines.
    func single(_ report: EndpointStatusReport) {
        console.notices(report.notices)
        if let error = report.discoveryError {
            console.fatal(error.message)
            return
        }
        var table = TabWriter()
        table.row("SERVICE", "STATUS", "VERSION", "URI")
        for service in report.services {
            table.row(service.displayName, StatusRenderer.statusCell(service), service.version, service.uri)
        }
        console.out(table.render())
        for service in report.failedServices {
            console.warning(TerminalSafe.escaped("\(service.displayName) at \(service.uri): \(service.problem ?? "")"))
        }
        if let identity = report.identity {
            let who = TerminalSafe.escaped("\(identity.username) <\(identity.email)>")
            console.out("\nLogged in as: \(who)\n\n")
        }
        if report.token == .valid { console.info("Access Token Verified!") }
        console.out("\n" + report.token.sentence + "\n")
        if let error = report.token.error {
            console.fatal(error.message)
        }
    }

    /// Every remote in one table (`status --all`), then one token line per remote.
    func table(_ reports: [EndpointStatusReport]) {
        for report in reports {
            for notice in report.notices { console.notice(Notice(notice.level, "\(report.name): \(notice.text)")) }
        }
        var table = TabWriter()
        table.row("REMOTE", "SERVICE", "STATUS", "VERSION", "URI")
        for report in reports {
            if report.discoveryError != nil {
                table.row(report.name, "-", "N/A", "", report.baseURL)
                continue
            }
            for service in report.services {
                table.row(
                    report.name, service.displayName, StatusRenderer.statusCell(service), service.version, service.uri)
            }
        }
        console.out(table.render())
        for report in reports {
            if let error = report.discoveryError {
                console.warning(TerminalSafe.escaped("\(report.name): \(error.message)"))
            }
            for service in report.failedServices {
                console.warning(
                    TerminalSafe.escaped(
                        "\(report.name): \(service.displayName) at \(service.uri): \(service.problem ?? "")"))
            }
            if let error = report.token.error, report.discoveryError == nil {
                console.warning(TerminalSafe.escaped("\(report.name): \(error.message)"))
            }
        }
        console.out("\n" + reports.map { "\($0.name): \($0.token.sentence)\n" }.joined())
    }

    /// The documented JSON document (docs/endpoint-network.md, "status --format json").
    func json(_ reports: [EndpointStatusReport]) {
        for report in reports {
            for notice in report.notices { console.notice(Notice(notice.level, "\(report.name): \(notice.text)")) }
            if let error = report.discoveryError { console.warning("\(report.name): \(error.message)") }
        }
        let document = StatusDocument(
            healthy: reports.allSatisfy(\.isHealthy), remotes: reports.map(StatusDocument.Remote.init))
        console.out(JSONOutput.encode(document))
    }

    /// `OK`, `N/A`, or `-` for a service that was not checked.
    static func statusCell(_ service: ServiceHealth) -> String {
        switch service.state {
        case .ok: return "OK"
        case .unavailable: return "N/A"
        case .notChecked: return "-"
        }
    }

    /// The exit status of one remote: 0 healthy; the error's code for a failed discovery or a
    /// refused or unchecked token; 69 when only services failed.
    static func exitCode(_ report: EndpointStatusReport) -> Int32 {
        if let error = report.discoveryError { return RemotesExit.code(for: error) }
        if let error = report.token.error { return RemotesExit.code(for: error) }
        return report.failedServices.isEmpty ? RemotesExit.ok : RemotesExit.unavailable
    }

    /// The exit status of several remotes: 1 (something was refused) wins, then the highest.
    static func exitCode(_ reports: [EndpointStatusReport]) -> Int32 {
        let codes = reports.map(exitCode)
        if codes.contains(RemotesExit.failed) { return RemotesExit.failed }
        return codes.max() ?? RemotesExit.ok
    }
}

/// `status --format json`.
private struct StatusDocument: Encodable {
    struct Service: Encodable {
        var name: String
        var title: String
        var uri: String
        var status: String
        var version: String?
        var error: String?

        init(_ health: ServiceHealth) {
            name = health.key
            title = health.displayName
            uri = health.uri
            switch health.state {
            case .ok(let version):
                status = "ok"
                self.version = version
            case .unavailable(let reason):
                status = "unavailable"
                error = reason
            case .notChecked(let reason):
                status = "not-checked"
                error = reason
            }
        }

        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(name, forKey: .name)
            try c.encode(title, forKey: .title)
            try c.encode(uri, forKey: .uri)
            try c.encode(status, forKey: .status)
            try c.encode(version, forKey: .version)
            try c.encode(error, forKey: .error)
        }

        enum CodingKeys: String, CodingKey { case name, title, uri, status, version, error }
    }

    struct Discovery: Encodable {
        var source: String?
        var error: String?

        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(source, forKey: .source)
            try c.encode(error, forKey: .error)
        }

        enum CodingKeys: String, CodingKey { case source, error }
    }

    struct Token: Encodable {
        var state: String
        var message: String
        var error: String?

        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(state, forKey: .state)
            try c.encode(message, forKey: .message)
            try c.encode(error, forKey: .error)
        }

        enum CodingKeys: String, CodingKey { case state, message, error }
    }

    struct Identity: Encodable {
        var username: String
        var email: String
    }

    struct Remote: Encodable {
        var name: String
        var uri: String
        var baseURL: String
        var healthy: Bool
        var discovery: Discovery
        var services: [Service]
        var token: Token
        var identity: Identity?

        init(_ report: EndpointStatusReport) {
            name = report.name
            uri = report.uri
            baseURL = report.baseURL
            healthy = report.isHealthy
            discovery = Discovery(source: report.origin?.rawValue, error: report.discoveryError?.message)
            services = report.services.map(Service.init)
            token = Token(state: report.token.name, message: report.token.sentence, error: report.token.error?.message)
            identity = report.identity.map { Identity(username: $0.username, email: $0.email) }
        }

        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(name, forKey: .name)
            try c.encode(uri, forKey: .uri)
            try c.encode(baseURL, forKey: .baseURL)
            try c.encode(healthy, forKey: .healthy)
            try c.encode(discovery, forKey: .discovery)
            try c.encode(services, forKey: .services)
            try c.encode(token, forKey: .token)
            try c.encode(identity, forKey: .identity)
        }

        enum CodingKeys: String, CodingKey { case name, uri, baseURL, healthy, discovery, services, token, identity }
    }

    var healthy: Bool
    var remotes: [Remote]
}
