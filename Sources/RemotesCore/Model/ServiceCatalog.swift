import Foundation

/// The services an endpoint announces in `/assets/config/config.prod.json` (service discovery):
/// `libraryAPI`, `keystoreAPI`, `tokenAPI` … each with a `uri`.
public struct ServiceCatalog: Sendable, Equatable, Codable {
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
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(data), options: [])
        } catch {
            throw .failed("jsonresp: failed to unmarshal response: invalid JSON")
        }
        guard let top = object as? [String: Any] else {
            throw .failed("jsonresp: failed to unmarshal response: the service list is not a JSON object")
        }
        var services: [String: String] = [:]
        var registry: String?
        for (key, value) in top {
            guard let entry = value as? [String: Any] else {
                throw .failed("jsonresp: failed to unmarshal response: \"\(key)\" is not a JSON object")
            }
            var name = key.hasSuffix("API") ? String(key.dropLast(3)) : key
            if name == "keystore" { name = "keyserver" }
            guard let uri = entry["uri"] as? String else { continue }
            services[name] = uri
            if name == "library", let r = entry["registryUri"] as? String { registry = r }
        }
        return ServiceCatalog(services: services, registryURI: registry)
    }

    /// The URI of a service, nil when not announced.
    public func uri(of service: String) -> String? { services[service] }
}
