/// A `docker://` or `oras://` image reference as Apptainer's pull reads it, with
/// go-containerregistry's `name.ParseReference` (weak validation, Docker Hub by default):
///
/// * the first path component is the registry only when it contains `.` or `:`
///   (`localhost/x` is the Docker Hub repository `localhost/x`, as in go-containerregistry);
/// * no registry, or `docker.io`, means `index.docker.io`, and a one-component Docker Hub
///   repository gets `library/` in front;
/// * `:tag` after the last `/`, `@digest` at the end; neither means `:latest`.
public struct PullReference: Sendable, Equatable {
    /// `docker` or `oras`.
    public var scheme: String
    /// The registry as go-containerregistry names it (`index.docker.io` for Docker Hub).
    public var registry: String
    /// The repository (`library/alpine`).
    public var repository: String
    /// The tag, nil with a digest and no tag.
    public var tag: String?
    /// The digest (`sha256:…`), if any.
    public var digest: String?

    /// Docker Hub's registry name in go-containerregistry.
    public static let dockerHub = "index.docker.io"

    /// Parses `docker://[REGISTRY/]REPOSITORY[:TAG][@DIGEST]` (or `oras://`).
    public init(parsing uri: String) throws(RemotesError) {
        guard let range = uri.range(of: "://") else {
            throw .usage("\(uri) is not a docker:// or oras:// image reference")
        }
        let scheme = uri[..<range.lowerBound].lowercased()
        guard scheme == "docker" || scheme == "oras" else { throw .usage("\(scheme) transport is not supported") }
        var rest = Substring(uri[range.upperBound...])
        while rest.hasPrefix("/") { rest = rest.dropFirst() }
        self.scheme = scheme
        if let at = rest.firstIndex(of: "@") {
            digest = String(rest[rest.index(after: at)...])
            rest = rest[..<at]
        }
        let lastSlash = rest.lastIndex(of: "/") ?? rest.startIndex
        if let colon = rest[lastSlash...].lastIndex(of: ":") {
            tag = String(rest[rest.index(after: colon)...])
            rest = rest[..<colon]
        } else if digest == nil {
            tag = "latest"
        }
        var registry = ""
        if let slash = rest.firstIndex(of: "/"), rest[..<slash].contains(where: { $0 == "." || $0 == ":" }) {
            registry = String(rest[..<slash])
            rest = rest[rest.index(after: slash)...]
        }
        if registry.isEmpty || registry == "docker.io" { registry = PullReference.dockerHub }
        var repository = String(rest)
        if registry == PullReference.dockerHub && !repository.contains("/") { repository = "library/" + repository }
        self.registry = registry
        self.repository = repository
        try validate(uri)
    }

    private func validate(_ uri: String) throws(RemotesError) {
        let allowed = "abcdefghijklmnopqrstuvwxyz0123456789_-./"
        guard !repository.isEmpty, repository.allSatisfy({ allowed.contains($0) }), !repository.hasSuffix("/")
        else {
            throw .usage("\(uri): the repository must be lowercase letters, digits and _ - . /")
        }
        guard RegistryAddress.isAuthority(Substring(registry)) else {
            throw .usage("registries must be valid RFC 3986 URI authorities: \(registry)")
        }
        if let tag {
            guard !tag.isEmpty, tag.count <= 128,
                tag.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "." || $0 == "-") })
            else { throw .usage("\(uri): the tag must be letters, digits and _ . - (at most 128)") }
        }
        if let digest, !digest.contains(":") {
            throw .usage("\(uri): a digest is ALGORITHM:HEX, such as sha256:…")
        }
    }

    /// `registry/repository`, go-containerregistry's repository name.
    public var name: String { registry + "/" + repository }

    /// The reference written out in full: `docker://index.docker.io/library/alpine:latest`.
    public var canonical: String {
        "\(scheme)://\(name)" + (tag.map { ":" + $0 } ?? "") + (digest.map { "@" + $0 } ?? "")
    }

    /// The keys Apptainer's keychain asks the docker config for, in order: the repository
    /// name, then the registry (Docker Hub's as `https://index.docker.io/v1/`).
    public var lookupKeys: [String] {
        [name, registry == PullReference.dockerHub ? RegistryAddress.dockerHubServerKey : registry]
    }

    /// The registry as a login address (`docker://host`), for finding its stored logins.
    public var registryAddress: RegistryAddress? {
        try? RegistryAddress(parsing: "docker://" + registry)
    }
}

/// What Apptainer's pull does to find the credential for a reference in the docker config file
/// it reads (`apptainerKeychain.Resolve` with docker/cli's config file): for each of the
/// reference's `lookupKeys`, the helper named for exactly that key (`credHelpers`), else
/// `credsStore`, is asked; without a helper, the `auths` entry of the key (or of a key with that
/// host) is used when it is not empty. The first that gives a credential wins; none means an
/// anonymous pull.
public struct PullCredentialPlan: Sendable, Equatable {
    /// One place to look, in order.
    public enum Step: Sendable, Equatable {
        /// Ask `docker-credential-<name>` for `key`; "not found" goes on to the next step.
        case helper(name: String, key: String)
        /// The `auths` entry `entryKey` of the file, found for `key`: it is used.
        case file(key: String, entryKey: String)
    }

    /// The reference.
    public var reference: PullReference
    /// The places to look, in order; empty means anonymous.
    public var steps: [Step]

    /// The plan for `reference` with `config`, the docker config file Apptainer reads.
    public init(reference: PullReference, config: DockerConfigFile) {
        self.reference = reference
        var steps: [Step] = []
        for key in reference.lookupKeys {
            if let helper = config.pullHelper(for: key) {
                steps.append(.helper(name: helper, key: key))
            } else if let entryKey = config.fileStoreKey(for: key), !config.entryIsEmpty(for: entryKey) {
                steps.append(.file(key: key, entryKey: entryKey))
                break
            }
        }
        self.steps = steps
    }
}
