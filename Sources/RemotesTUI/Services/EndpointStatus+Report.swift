import RemotesCore
import RemotesNetwork

extension EndpointStatus {
    /// The status cell and message lines of a network status report. The cell says `OK` when
    /// every service answered, `N/A: <why>` when none did (Apptainer's word for a service that
    /// does not answer, with a word on why), `3/5 OK` in between, and `built-in` for
    /// Apptainer's placeholder endpoint, which is never asked; a refused or unchecked token is
    /// added (`OK, bad token`).
    init(report: EndpointStatusReport) {
        var summary = Self.summary(of: report)
        switch report.token {
        case .invalid: summary += ", bad token"
        case .unchecked: summary += ", token unchecked"
        case .absent, .valid: break
        }
        // The message area has one or two lines, after `Status of NAME: <summary>`: what went
        // wrong first, then the token, then the versions, then explanations.
        var notices: [Notice] = report.failedServices.map {
            .warning("\($0.displayName) N/A: \($0.problem ?? "")")
        }
        notices.append(.info(report.token.sentence))
        let user = report.identity.map { $0.username + ($0.email.isEmpty ? "" : " <\($0.email)>") }
        if let user { notices.append(.info("Logged in as: \(user)")) }
        let answered = report.services.filter(\.isOK).map { "\($0.displayName) \($0.version)" }
        if !answered.isEmpty { notices.append(.info(answered.joined(separator: ", "))) }
        notices += report.notices
        self.init(
            summary: summary, ok: report.isHealthy, notices: notices,
            builtinKeyserver: report.services.first { $0.key == "keyserver" }?.uri,
            services: report.services.map {
                ServiceLine(name: $0.displayName, uri: $0.uri, version: $0.isOK ? $0.version : nil, problem: $0.problem)
            },
            token: report.token.sentence + (report.token.error.map { " (\($0.message))" } ?? ""), user: user)
    }

    private static func summary(of report: EndpointStatusReport) -> String {
        let checked = report.services.filter { service in
            if case .notChecked = service.state { return false }
            return true
        }
        let okCount = checked.filter(\.isOK).count
        if report.origin == .builtin { return "built-in" }
        if checked.isEmpty { return "no services" }
        if okCount == checked.count { return "OK" }
        if okCount == 0 { return "N/A: " + FailureReason.short(report.failedServices.first?.problem ?? "") }
        return "\(okCount)/\(checked.count) OK"
    }
}
