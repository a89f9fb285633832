import Foundation
import RemotesCore
import RemotesJSON
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
        console.out("\n" + report.tokenSentence() + "\n")
        if let warning = report.expiryWarning() { console.notice(warning) }
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
            if let warning = report.expiryWarning() { console.notice(warning) }
        }
        console.out("\n" + reports.map { "\($0.name): \($0.tokenSentence())\n" }.joined())
    }

    /// The documented JSON document (docs/endpoint-network.md, "status --format json").
    func json(_ reports: [EndpointStatusReport]) {
        for report in reports {
            for notice in report.notices { console.notice(Notice(notice.level, "\(report.name): \(notice.text)")) }
            if let error = report.discoveryError { console.warning("\(report.name): \(error.message)") }
            if let warning = report.expiryWarning() { console.notice(warning) }
        }
        console.out(JSONWriter.pretty(StatusDocument.make(reports)))
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

/// `status --format json` (docs/endpoint-network.md): one object per remote; `null` stands
/// for what is not known rather than leaving a key out.
enum StatusDocument {
    static func make(_ reports: [EndpointStatusReport]) -> JSONValue {
        .object([
            "healthy": .bool(reports.allSatisfy(\.isHealthy)),
            "remotes": .array(reports.map(remote)),
        ])
    }

    static func remote(_ report: EndpointStatusReport) -> JSONValue {
        .object([
            "name": .string(report.name),
            "uri": .string(report.uri),
            "baseURL": .string(report.baseURL),
            "healthy": .bool(report.isHealthy),
            "discovery": .object([
                "source": .string(report.origin?.rawValue),
                "error": .string(report.discoveryError?.message),
            ]),
            "services": .array(report.services.map(service)),
            "tokenExpires": .string(report.tokenExpiry?.rfc3339),
            "token": .object([
                "state": .string(report.token.name),
                "message": .string(report.tokenSentence()),
                "error": .string(report.token.error?.message),
            ]),
            "identity": report.identity.map { .object(["username": .string($0.username), "email": .string($0.email)]) }
                ?? .null,
        ])
    }

    static func service(_ health: ServiceHealth) -> JSONValue {
        let (status, version, error): (String, String?, String?) =
            switch health.state {
            case .ok(let version): ("ok", version, nil)
            case .unavailable(let reason): ("unavailable", nil, reason)
            case .notChecked(let reason): ("not-checked", nil, reason)
            }
        return .object([
            "name": .string(health.key), "title": .string(health.displayName), "uri": .string(health.uri),
            "status": .string(status), "version": .string(version), "error": .string(error),
        ])
    }
}
