import ArgumentParser

/// `--refresh`, for the commands that use an endpoint's service discovery (status, login, add,
/// add-keyserver, remove-keyserver).
struct DiscoveryOptions: ParsableArguments {
    @Flag(
        help:
            "Fetch the endpoint's service list again instead of using the copy cached for 24 hours in <config folder>/remote-cache."
    )
    var refresh = false
}
