/// The rules of `remote add`, `remote remove` and `remote use` (reference §2.4, §3.3, §3.4).
extension ChangeContext {
    mutating func addRemote(name: String, uri: String, insecure: Bool, global: Bool, makeDefault: Bool)
        throws(RemotesError)
    {
        if global { try requireRootForGlobal() }
        try AddRemoteRequest(name: name, uri: uri, insecure: insecure).validated()
        let endpoint = try EndpointURI.normalize(uri, insecure: insecure)
        if !global && state.locations.flavor.nameClashIsError && system.remotes[name] != nil {
            // SingularityCE refuses a personal remote named like a global one at every later
            // merge ("name collision while syncing"): refuse it now instead.
            throw .failed("\(name) is already a remote (a global one, which SingularityCE does not let a user shadow)")
        }
        try editTarget(global: global) { (config: inout RemoteConfig) throws(RemotesError) in
            guard config.remotes[name] == nil else { throw .failed("\(name) is already a remote") }
            config.remotes[name] = Remote(uri: endpoint.stored, system: global, insecure: endpoint.insecure)
            if makeDefault { try Self.setDefault(&config, name: name, exclusive: false, isSystemFile: global) }
        }
        notices += endpoint.notes.map(Notice.info)
        notices.append(.info("Remote \(goQuoted(name)) added."))
    }

    mutating func removeRemote(name: String, global: Bool) throws(RemotesError) {
        if global { try requireRootForGlobal() }
        let systemHasIt = system.remotes[name] != nil
        try editTarget(global: global) { (config: inout RemoteConfig) throws(RemotesError) in
            guard let remote = config.remotes[name] else { throw .failed("\(name) is not a remote") }
            if !global && remote.system && systemHasIt {
                throw .failed("\(name) is global and can't be removed")
            }
            config.remotes[name] = nil
            if config.active == name { config.active = "" }
        }
        notices.append(.info("Remote \(goQuoted(name)) removed."))
    }

    mutating func useRemote(name: String, global: Bool, exclusive: Bool) throws(RemotesError) {
        if global { try requireRootForGlobal() }
        if exclusive && !isRoot { throw .failed("unable to set endpoint as exclusive: not root user") }
        if global || exclusive {
            try Self.setDefault(&system, name: name, exclusive: exclusive, isSystemFile: true)
            systemChanged = true
        } else {
            useMergedUser()
            try Self.setDefault(&user, name: name, exclusive: false, isSystemFile: false)
        }
        notices.append(.info("Remote \(goQuoted(name)) now in use."))
    }

    /// Apptainer's `SetDefault`: a user cannot pick another remote while one is exclusive;
    /// in the system file, making a remote exclusive takes exclusivity from the previous default.
    static func setDefault(_ config: inout RemoteConfig, name: String, exclusive: Bool, isSystemFile: Bool)
        throws(RemotesError)
    {
        guard config.remotes[name] != nil else { throw .failed("\(name) is not a remote") }
        if isSystemFile {
            if exclusive, config.active != name, config.remotes[config.active] != nil {
                config.remotes[config.active]?.exclusive = false
            }
            config.remotes[name]?.exclusive = exclusive
        } else {
            if exclusive { throw .failed("exclusive can't be set by user") }
            for other in config.sortedNames where other != name && config.remotes[other]?.exclusive == true {
                throw .failed(
                    "could not use \(name): remote \(other) has been set exclusive by the system administrator")
            }
        }
        config.active = name
    }
}
