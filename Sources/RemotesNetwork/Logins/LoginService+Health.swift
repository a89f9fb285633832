import RemotesCore

/// The health check: re-checks stored logins against their servers exactly as `login` checks a
/// new one (`RegistryCredentialCheck`: the unauthenticated ping, then Basic or the Bearer realm
/// flow; `KeyserverCredentialCheck` for keyservers), storing nothing. Both front ends use it: `remotes
/// registry status` checks every login at once, the UI one login or all.
///
/// The secret is read where the login keeps it at the moment of the check (the docker config
/// entry, the credential helper's `get`, remote.yaml's `Auth`), used for the requests, and
/// dropped; results hold no secret. Cancelling the calling task stops the requests and helpers,
/// and the result then says `unchecked` (`cancelled`).
extension LoginService {
    /// The stored logins as `list` shows them (remote.yaml's, then those found only in docker
    /// config files), with WARNINGs about docker config files that could not be read. `authFile`
    /// is `--authfile`.
    public func storedLogins(authFile: String? = nil) throws(RemotesError) -> (logins: [StoredLogin], notices: [Notice])
    {
        let state = try store.load()
        let files = DockerConfigSnapshot.read(authFile: authFile, environment: environment, locations: store.locations)
        let logins = StoredLogins.rows(
            credentials: state.merged.credentials, userFile: state.locations.userFile, files: files)
        return (logins, state.notices + files.notices)
    }

    /// Checks every login at the same time; the results come back in the order given.
    public func checkAll(_ logins: [StoredLogin], now: Int64 = TokenExpiry.now()) async -> [LoginHealth] {
        await logins.concurrentMap { await self.check($0, now: now) }
    }

    /// Checks one login. Never throws: every failure is a status with its reason.
    public func check(_ login: StoredLogin, now: Int64 = TokenExpiry.now()) async -> LoginHealth {
        switch login.kind {
        case .registry: return await checkRegistry(login, now: now)
        case .keyserver: return await checkKeyserver(login, now: now)
        }
    }

    private func checkRegistry(_ login: StoredLogin, now: Int64) async -> LoginHealth {
        let registry: RegistryAddress
        let secret: StoredSecret
        do {
            registry = try RegistryAddress(parsing: login.uri)
            guard let found = try await registrySecret(of: login) else {
                return LoginHealth(
                    login: login, username: nil, status: .missing, reason: Self.missingReason(login))
            }
            secret = found
        } catch {
            return LoginHealth(login: login, username: login.username, status: .unchecked, reason: error.message)
        }
        let expiry = TokenExpiry(jwt: secret.secret) ?? login.tokenExpiry
        var result = LoginHealth(
            login: login, username: secret.username, status: .unchecked, reason: "", tokenExpiry: expiry)
        guard secret.kind == .password else {
            result.reason =
                secret.kind == .identityToken
                ? "an identity token (docker's OAuth refresh token) is not checked: remotes logs in with a password"
                : "a registry token is sent as it is and not checked: remotes logs in with a password"
            return result
        }
        do {
            let verification = try await RegistryCredentialCheck(fetcher: fetcher).verify(
                registry, username: secret.username, password: secret.secret, insecure: login.isInsecure)
            result.status = .valid
            result.reason = Self.describe(verification)
        } catch {
            (result.status, result.reason) = Self.classify(
                error, rejected: RegistryCredentialCheck.isRejection(error), expiry: expiry, now: now)
        }
        result.reason = Self.withExpiry(result.reason, expiry, now: now)
        return result
    }

    private func checkKeyserver(_ login: StoredLogin, now: Int64) async -> LoginHealth {
        let credential: Credential?
        do {
            credential = try keyserverCredential(of: login)
        } catch {
            return LoginHealth(login: login, username: login.username, status: .unchecked, reason: error.message)
        }
        guard let credential, !credential.auth.isEmpty else {
            return LoginHealth(
                login: login, username: nil, status: .missing, reason: Self.missingReason(login))
        }
        let auth = credential.auth
        let parts = auth.split(separator: " ", maxSplits: 1).map(String.init)
        let token = parts.count == 2 ? parts[1] : auth
        var secrets = [auth, token]
        if parts.first?.lowercased() == "basic", let decoded = AuthorizationHeader.decodeBasicToken(token) {
            secrets.append(decoded.password)
        }
        let isBearer = parts.first?.lowercased() == "bearer"
        let expiry = isBearer ? TokenExpiry(jwt: token) : nil
        var result = LoginHealth(
            login: login, username: login.username, status: .valid, reason: "", tokenExpiry: expiry)
        do {
            try await KeyserverCredentialCheck(fetcher: fetcher).verify(
                keyserver: credential.uri, authorization: auth, insecure: login.isInsecure || credential.insecure,
                redactor: SecretRedactor(secrets))
            result.reason = "the keyserver accepted the \(isBearer ? "token" : "credentials")"
        } catch {
            (result.status, result.reason) = Self.classify(
                error, rejected: KeyserverCredentialCheck.isRejection(error), expiry: expiry, now: now)
        }
        result.reason = Self.withExpiry(result.reason, expiry, now: now)
        return result
    }
}
