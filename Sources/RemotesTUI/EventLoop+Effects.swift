import RemotesCore

/// How the event loop runs the effects the state asks for.
extension EventLoop {
    /// Runs one effect; returns the event that reports its result when it finishes at once.
    func run(_ effect: Effect) -> UIEvent? {
        switch effect {
        case .apply(let change, let expecting, let origin):
            do {
                let outcome = try store.apply(change, expecting: expecting)
                let config = LoadedConfig(state: outcome.state, store: store, environment: environment)
                return .changeApplied(
                    origin, change, .success(AppliedChange(notices: outcome.notices, config: config)))
            } catch {
                return .changeApplied(origin, change, .failure(error))
            }
        case .reload(let reason):
            if reason == .userRequest { services.discardCaches() }
            return .loaded(reason, load())
        case .startTask(let id, let request):
            return start(id, request)
        case .cancelTask(let id):
            running[id]?.cancel()
            running[id] = nil
            return nil
        case .describeRegistryLogin(let uri):
            return .registryLoginDescribed(uri: uri, services.registryLoginDetails(uri: uri))
        case .quit(let code):
            exitCode = code
            return nil
        }
    }

    /// Starts task `id` off the loop; its result comes back through the mailbox.
    private func start(_ id: Int, _ request: ServiceRequest) -> UIEvent? {
        let services = self.services
        let mailbox = self.mailbox
        running[id] = Task.detached {
            let result = await Self.perform(request, with: services)
            mailbox.post(.taskFinished(id: id, result: result))
        }
        // Registry and keyserver logins write the files themselves (adding to what is on
        // disk, never overwriting it); if another program changed the files since the UI
        // read them, say so now rather than let the reload after the login hide it.
        if request.writesFiles, let read = state.config?.state.fingerprints,
            ConfigState.currentFingerprints(store.locations) != read
        {
            return .loaded(.changedElsewhere, load())
        }
        return nil
    }

    /// Calls the services for `request`, off the main actor.
    nonisolated private static func perform(_ request: ServiceRequest, with services: any TUIServices) async
        -> ServiceResult
    {
        switch request {
        case .status(let remote):
            do {
                return .status(.success(try await services.status(of: remote)))
            } catch {
                return .status(.failure(error))
            }
        case .loginEndpoint(let remote, let token):
            do {
                return .outcome(.success(try await services.loginEndpoint(name: remote, token: token)))
            } catch {
                return .outcome(.failure(error))
            }
        case .loginRegistry(let uri, let username, let password, let insecure):
            do {
                return .outcome(
                    .success(
                        try await services.loginRegistry(
                            uri: uri, username: username, password: password, insecure: insecure)))
            } catch {
                return .outcome(.failure(error))
            }
        case .checkLogin(let login):
            return .loginHealth(await services.checkLogin(login))
        case .logoutRegistry(let uri):
            do {
                return .outcome(.success(try await services.logoutRegistry(uri: uri)))
            } catch {
                return .outcome(.failure(error))
            }
        }
    }
}
