/// Finds free TCP ports on 127.0.0.1 for peers that cannot bind port 0 and report it.
public enum FreePort {
    /// A port that was free a moment ago (bind port 0, read it, close). Another process may take
    /// it before the peer binds it, so peers retry on a bind failure. For a port that must stay
    /// refused, hold a `ClosedPort` instead.
    public static func next() throws -> Int {
        try ClosedPort().port
    }
}
