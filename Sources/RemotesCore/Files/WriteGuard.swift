/// The last check before a rename: the exact bytes about to replace a file must read back as
/// the value they were made from. If they do not (an emitter bug), nothing is renamed, the file
/// stays as it was, and the command stops with exit 70 and a request for a bug report.
///
/// Debug builds have a test hook: with `REMOTES_TEST_CORRUPT_WRITES=1` in the environment, the
/// bytes are corrupted before the check, so a test can watch the guard fire. Release builds
/// have no such hook.
public enum WriteGuard {
    /// The bytes that will be checked and written (corrupted only by the debug-build test hook).
    static func bytesToWrite(_ bytes: [UInt8]) -> [UInt8] {
        #if DEBUG
            if ProcessEnvironment.current()["REMOTES_TEST_CORRUPT_WRITES"] == "1" {
                return bytes + Array("\n\u{7}: [ {\n".utf8)
            }
        #endif
        return bytes
    }

    /// The error when the bytes for `path` do not read back.
    static func refusal(_ path: String) -> RemotesError {
        RemotesError(
            .internalError,
            "could not write \(path): the text about to be written does not read back as intended, so the file was "
                + "left untouched. This is a bug in remotes: please report it, with the output of the same command run "
                + "with --verbose")
    }
}
