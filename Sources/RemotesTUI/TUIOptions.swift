import Foundation

/// How the TUI runs, decided by the executable from its flags and the environment.
public struct TUIOptions: Sendable {
    /// `--no-color`: monochrome even when the terminal has colours.
    public var noColor: Bool
    /// False with `--no-mouse`: the terminal is never asked for mouse reports (its own text
    /// selection then works without Shift).
    public var mouse: Bool
    /// The process environment (`NO_COLOR`, `TERM`, `ESCDELAY`).
    public var environment: [String: String]
    /// How long the loop waits for a key before it looks at task results and spinners.
    public var pollMilliseconds: Int
    /// Leave right after the first full frame is on the terminal (exit 0). For start-up
    /// benchmarks (`scripts/bench-tui.sh`); set by `REMOTES_TUI_EXIT_AFTER_FIRST_FRAME=1`.
    public var exitAfterFirstFrame: Bool

    /// Options from flags; `environment` defaults to the process's.
    public init(
        noColor: Bool = false, mouse: Bool = true,
        environment: [String: String] = ProcessInfo.processInfo.environment, pollMilliseconds: Int = 50
    ) {
        self.noColor = noColor
        self.mouse = mouse
        self.environment = environment
        self.pollMilliseconds = pollMilliseconds
        self.exitAfterFirstFrame = environment["REMOTES_TUI_EXIT_AFTER_FIRST_FRAME"] == "1"
    }

    /// True for `noColor`, for `NO_COLOR` set and not empty (no-color.org), and for
    /// `TERM=dumb`: selection and state are then shown by reverse video, `>` and words only.
    public var monochrome: Bool {
        if noColor { return true }
        if let value = environment["NO_COLOR"], !value.isEmpty { return true }
        return environment["TERM"] == "dumb"
    }
}
