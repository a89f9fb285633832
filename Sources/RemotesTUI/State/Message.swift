import RemotesCore

/// One line of the message area: Apptainer's INFO and WARNING notices, and errors.
struct Message: Sendable, Equatable {
    /// How loud it is.
    enum Level: Sendable, Equatable {
        /// `INFO:`
        case info
        /// `WARNING:`
        case warning
        /// `ERROR:`
        case error
    }

    /// The level.
    var level: Level
    /// The text, in Apptainer's words where it has them.
    var text: String

    /// Makes a message.
    init(_ level: Level, _ text: String) {
        self.level = level
        self.text = text
    }

    /// A notice from the core.
    init(_ notice: Notice) {
        self.init(notice.level == .info ? .info : .warning, notice.text)
    }

    /// An error from the core.
    init(_ error: RemotesError) {
        self.init(.error, error.message)
    }

    /// The prefix shown before the text, as Apptainer prints it.
    var prefix: String {
        switch level {
        case .info: return "INFO:"
        case .warning: return "WARNING:"
        case .error: return "ERROR:"
        }
    }
}
