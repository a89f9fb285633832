import RemotesJSON

/// The services an endpoint announces in `/assets/config/config.prod.json` (service discovery):
/// `libraryAPI`, `keystoreAPI`, `tokenAPI` … each with a `uri`.
public struct ServiceCatalog: Sendable, Equatable {
    /// Service URIs by name: `library`, `keyserver`, `token`, `builder`, `consent`, …
    public var services: [String: String]
    /// The OCI registry of the library service (`libraryAPI.registryUri`), if announced.
    public var registryURI: String?

    /// Makes a catalog.
    public init(services: [String: String], registryURI: String? = nil) {
        self.services = services
        self.registryURI = registryURI
    }

    /// Parses discovery JSON as Apptainer does: every top-level value must be an object; the
    /// service name is the key without its `API` suffix, `keystore` becomes `keyserver`;
    /// entries without a string `uri` are skipped.
    public static func parse(_ data: [UInt8]) throws(RemotesError) -> ServiceCatalog {
        guard let top = try? JSONParser.parse(data) else {
            throw .failed("jsonresp: failed to unmarshal response: invalid JSON")
        }
        guard let members = top.members else {
            throw .failed("jsonresp: failed to unmarshal response: the service list is not a JSON object")
        }
        var services: [String: String] = [:]
        var registry: String?
        // A key given twice counts once, with its last value, as in Go's decoder.
        var seen: Set<String> = []
        for member in members.reversed() where seen.insert(member.key).inserted {
            guard let entry = member.value.members.map(JSONValue.object) else {
                throw .failed("jsonresp: failed to unmarshal response: \"\(member.key)\" is not a JSON object")
            }
            var name = member.key.hasSuffix("API") ? String(member.key.dropLast(3)) : member.key
            if name == "keystore" { name = "keyserver" }
            guard let uri = entry["uri"]?.stringValue else { continue }
            services[name] = uri
            if name == "library", let r = entry["registryUri"]?.stringValue { registry = r }
        }
        return ServiceCatalog(services: services, registryURI: registry)
    }

    /// The URI of a service, nil when not announced.
    public func uri(of service: String) -> String? { services[service] }
}
