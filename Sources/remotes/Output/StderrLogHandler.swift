import Logging

/// `--verbose` output of the network layer: one `DEBUG:   ` line on stderr per message, like
/// Apptainer's debug lines. The messages never hold secrets (see HTTPSettings.logger); the URLs
/// in them (which service discovery chose) have their control characters escaped by
/// `Console.write`.
struct StderrLogHandler: LogHandler {
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .debug

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        Console.write(2, "DEBUG:   \(event.message)\n")
    }
}
