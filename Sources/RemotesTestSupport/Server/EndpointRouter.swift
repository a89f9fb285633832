import Foundation

/// Decides the answer to one request from a snapshot of the configuration. No I/O.
struct EndpointRouter {
    static let discoverySuffix = "/assets/config/config.prod.json"

    let configuration: EndpointConfiguration
    /// `<scheme>://<host>:<port>` of the server that got the request.
    let origin: String

    /// The action for `request`: the normal answer, unless a misbehaviour applies to its path.
    func action(for request: RecordedRequest) -> EndpointAction {
        let normal = response(for: request)
        guard let misbehaviour = configuration.misbehaviour(for: request.path) else { return .respond(normal) }
        switch misbehaviour {
        case .status(let status, let body):
            let type = body.hasPrefix("{") ? "application/json; charset=utf-8" : "text/plain; charset=utf-8"
            return .respond(PlannedResponse(status: status, contentType: type, text: body))
        case .custom(let status, let headers, let body):
            let fields = headers.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
            return .respond(PlannedResponse(status: status, headers: fields, body: .bytes(Array(body.utf8))))
        case .invalidJSON:
            return .respond(.json(200, #"{"data":{"version":"v1.2.3"},"#))
        case .hugeBody(let bytes):
            let headers = [("Content-Type", "application/octet-stream")]
            return .respond(PlannedResponse(status: 200, headers: headers, body: .filler(count: max(0, bytes))))
        case .neverAnswer:
            return .neverAnswer
        case .slow(let headerDelay, let trickleInterval, let chunkSize):
            var slowed = normal
            slowed.headerDelay = headerDelay
            slowed.trickleInterval = trickleInterval
            slowed.chunkSize = max(1, chunkSize)
            return .respond(slowed)
        case .redirect(let status, let location):
            let text = "redirecting to \(location)\n"
            return .respond(
                PlannedResponse(
                    status: status, contentType: "text/plain", text: text, headers: [("Location", location)]))
        case .closeConnection:
            return .close
        }
    }

    /// The well-behaved answer.
    func response(for request: RecordedRequest) -> PlannedResponse {
        let path = request.path
        if path.hasSuffix(Self.discoverySuffix) {
            return .json(200, discovery(prefix: String(path.dropLast(Self.discoverySuffix.count))))
        }
        if path.hasSuffix("/pks/lookup") {
            return keyserverLookup(request)
        }
        if path == "/v2/", let expected = configuration.registryCredentials {
            guard basicCredentials(request) == expected else {
                return PlannedResponse(
                    status: 401, contentType: "application/json",
                    text: #"{"errors":[{"code":"UNAUTHORIZED","message":"authentication required"}]}"#,
                    headers: [("WWW-Authenticate", #"Basic realm="registry""#)])
            }
            return .json(200, "{}")
        }
        if path.hasSuffix("/v1/token-status") {
            return tokenStatus(request)
        }
        if path.hasSuffix("/v1/rbac/users/current") {
            return currentUser(request)
        }
        if path.hasSuffix("/version"), let service = service(before: "/version", in: path) {
            let version = configuration.versions[service] ?? configuration.defaultVersion
            return .json(200, #"{"data":{"version":\#(JSONText.quoted(version))}}"#)
        }
        return .jsonError(404, "Not Found")
    }

    /// The discovery document for the virtual endpoint at `prefix` (empty or like `/ep7`).
    func discovery(prefix: String) -> String {
        var base = configuration.baseURL ?? origin
        while base.hasSuffix("/") { base.removeLast() }
        base += prefix
        var entries: [(String, String)] = []
        for service in EndpointService.allCases where configuration.announcedServices.contains(service) {
            let uri = configuration.serviceURIs[service] ?? base + "/" + service.pathComponent
            var fields = [("uri", JSONText.quoted(uri))]
            if service == .library, configuration.announcesRegistryURI {
                fields.append(("registryUri", JSONText.quoted(configuration.registryURI ?? base + "/registry")))
            }
            if service == .builder {
                fields.append(("managerUri", JSONText.quoted(uri)))
            }
            entries.append((service.discoveryKey, JSONText.object(fields)))
        }
        return JSONText.object(entries)
    }

    private func service(before suffix: String, in path: String) -> EndpointService? {
        let rest = path.dropLast(suffix.count)
        guard let last = rest.split(separator: "/").last else { return nil }
        return EndpointService(pathComponent: String(last))
    }

    private func tokenStatus(_ request: RecordedRequest) -> PlannedResponse {
        if let token = bearerToken(request), configuration.validTokens.contains(token) {
            return .json(200, #"{"data":{"status":"valid"}}"#)
        }
        return .jsonError(configuration.invalidTokenStatus, "Token is not valid")
    }

    private func currentUser(_ request: RecordedRequest) -> PlannedResponse {
        guard configuration.userEndpointFound else { return .jsonError(404, "Not Found") }
        guard let token = bearerToken(request), configuration.validTokens.contains(token) else {
            return .jsonError(401, "Unauthorized")
        }
        let meta = JSONText.object([("secret", JSONText.quoted(configuration.secret))])
        let user = JSONText.object([
            ("username", JSONText.quoted(configuration.username)),
            ("email", JSONText.quoted(configuration.email)),
            ("oidc_user_meta", meta),
        ])
        return .json(200, JSONText.object([("data", user)]))
    }

    private func keyserverLookup(_ request: RecordedRequest) -> PlannedResponse {
        let needsAuth = configuration.keyserverCredentials != nil || !configuration.keyserverTokens.isEmpty
        if needsAuth && !keyserverAuthorized(request) {
            return PlannedResponse(
                status: 401,
                contentType: "text/plain; charset=utf-8",
                text: "401 Unauthorized\n",
                headers: [("WWW-Authenticate", #"Basic realm="keys""#)]
            )
        }
        return PlannedResponse(
            status: 200, contentType: "text/plain; charset=utf-8", text: configuration.keyserverIndex)
    }

    private func keyserverAuthorized(_ request: RecordedRequest) -> Bool {
        if let token = bearerToken(request), configuration.keyserverTokens.contains(token) {
            return true
        }
        if let expected = configuration.keyserverCredentials, let given = basicCredentials(request) {
            return given == expected
        }
        return false
    }

    private func bearerToken(_ request: RecordedRequest) -> String? {
        credentials(request, scheme: "bearer")
    }

    private func basicCredentials(_ request: RecordedRequest) -> BasicCredentials? {
        guard let encoded = credentials(request, scheme: "basic"), let bytes = Base64.decode(encoded) else {
            return nil
        }
        let text = String(decoding: bytes, as: UTF8.self)
        guard let colon = text.firstIndex(of: ":") else { return nil }
        return BasicCredentials(username: String(text[..<colon]), password: String(text[text.index(after: colon)...]))
    }

    private func credentials(_ request: RecordedRequest, scheme: String) -> String? {
        guard let value = request.authorization else { return nil }
        let parts = value.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == scheme else { return nil }
        return parts[1].trimmingCharacters(in: .whitespaces)
    }
}
