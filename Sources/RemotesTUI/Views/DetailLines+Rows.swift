import RemotesCore
import RemotesNetwork

/// The fields of each kind of row.
extension DetailLines {
    /// An endpoint: its URI, what its last status check found, its flags, then each service.
    mutating func endpoint(_ name: String, state: UIState) {
        guard let config = state.config, let index = config.endpointPositions[name] else {
            return note("(this remote is no longer in the files)")
        }
        let row = config.endpointRows[index]
        field("Name", row.name)
        field("URI", row.uri)
        field("Base URL", row.baseURL)
        let result = state.statusResults[name]
        status(result, running: state.statusCells[name] == .running)
        field("Token", row.isLoggedIn ? "set (logged in)" : "not set (logged out)")
        if row.isLoggedIn, let expiry = row.tokenExpiry {
            let now = state.epochSeconds
            field(
                "Token expires", expiry.phrase(now: now),
                expiry.isExpired(now: now)
                    ? CellStyle(color: .error) : expiry.needsWarning(now: now) ? CellStyle(color: .warning) : .plain)
        }
        if case .checked(let status, _)? = result {
            if let token = status.token { field("Token check", token) }
            if let user = status.user { field("Logged in as", user) }
        }
        field("Default", Self.yes(row.isDefault, "the remote in use"))
        field(
            "Global",
            Self.yes(row.isGlobal, "from the system file \(state.systemFileText)", "in \(state.userFileText)"))
        field("Exclusive", Self.yes(row.isExclusive, "the administrator allows no other"))
        field("Secure", Self.yes(row.isSecure, "discovery over https", "discovery over plain http"))
        if case .checked(let status, _)? = result { services(status.services) }
    }

    /// What the last check found, when.
    private mutating func status(_ result: StatusResult?, running: Bool) {
        switch result {
        case nil:
            field("Status", running ? "being checked…" : "not checked yet: press s (S checks every remote)")
        case .cancelled(let time)?:
            field("Status", "cancelled at \(time)")
        case .failed(let text, let time)?:
            field("Status", "failed at \(time)", CellStyle(color: .error))
            field("Error", text, CellStyle(color: .error))
        case .checked(let status, let time)?:
            field("Status", "\(status.summary), checked at \(time)", CellStyle(color: status.ok ? .good : .warning))
        }
    }

    /// Each service with its version, or the whole reason it is N/A.
    private mutating func services(_ services: [ServiceLine]) {
        guard !services.isEmpty else { return }
        section("Services")
        for service in services {
            if let version = service.version {
                field(service.name, (version.isEmpty ? "OK" : version) + " · " + service.uri)
            } else {
                field(
                    service.name, "N/A: \(service.problem ?? "no answer") · \(service.uri)", CellStyle(color: .warning))
            }
        }
    }

    /// A keyserver of `remote`: its URL, order, where it comes from, security and login.
    mutating func keyserver(_ uri: String, of remote: String, state: UIState) {
        guard let row = state.config?.keyserverRows(of: remote).first(where: { $0.uri == uri }) else {
            return note("(this keyserver is no longer in the files)")
        }
        field("URL", uri)
        field("Remote", remote)
        field("Order", row.order.map { "#\($0)" } ?? "none: removed (skipped)")
        let source = row.isBuiltin ? "the remote's own keyserver (built in)" : "added"
        field("Source", source + (row.isGlobal ? ", in the system file" : ", in the user file"))
        let security =
            row.isSecure
            ? "yes (https, certificate checked)"
            : row.isPlainHTTP ? "no: plain http" : "no: insecure (certificate not checked)"
        field("Secure", security)
        field("Login", row.isLoggedIn ? "yes: see Authenticated Logins" : "no")
    }

    /// A login: its URI, kind, user and where it is stored.
    mutating func login(_ uri: String, registry: RegistryLoginDetails?, state: UIState) {
        guard let row = state.config?.loginRows.first(where: { $0.uri == uri }) else {
            return note("(this login is no longer in the files)")
        }
        field("URI", row.uri)
        field("Kind", row.kind.rawValue)
        field("Secure", Self.yes(!row.isInsecure, "", "insecure: http allowed, certificate not checked"))
        switch row.kind {
        case .keyserver:
            field("User", row.username ?? (row.authScheme == "Bearer" ? "(a token, no user name)" : "(not known)"))
            field("Stored in", "Credentials in \(state.userFileText)")
        case .registry:
            field("User", registry?.username ?? "(not told by the file)")
            field("Stored in", registry?.storedIn ?? "the docker config (not found)")
        }
        if let shadowedBy = row.shadowedBy {
            field("Apptainer", "does not use it: it reads \(shadowedBy) instead", CellStyle(color: .warning))
        }
        loginCheck(state.loginChecks[uri], running: state.loginCells[uri] == .running, now: state.epochSeconds)
    }

    /// What the last check of a login found (`s`), with the token's expiry when it tells one.
    private mutating func loginCheck(_ health: LoginHealth?, running: Bool, now: Int64) {
        guard let health else {
            return field("Status", running ? "being checked…" : "not checked yet: press s (S checks every login)")
        }
        let color: CellStyle.ColorRole = health.status == .valid ? .good : health.status.needsLogin ? .error : .warning
        field("Status", health.status.rawValue, CellStyle(color: color))
        field("Why", health.reason)
        if let expiry = health.tokenExpiry { field("Expires", expiry.phrase(now: now)) }
    }
}
