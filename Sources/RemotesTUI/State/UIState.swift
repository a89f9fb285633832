import RemotesCore
import RemotesNetwork

/// Everything the UI shows, as a value. Changed only by `handle(_:)`, which returns the effects
/// the event loop must run; no curses, no files, no network here.
struct UIState: Sendable {
    /// The files as last read; nil when they could not be read.
    var config: LoadedConfig? {
        didSet { endpointList = VisibleEndpoints(config: config, filter: pane(.endpoints).filter) }
    }
    /// Where the files are (for the title line), known even when reading failed.
    var locations: ConfigLocations
    /// Whether global edits are allowed.
    var isRoot: Bool
    var size: ScreenSize
    var focus: Pane = .endpoints
    var panes: [Pane: PaneState] = [.endpoints: PaneState(), .keyservers: PaneState(), .logins: PaneState()] {
        didSet {
            let filter = pane(.endpoints).filter
            if filter != endpointList.filter {
                endpointList = VisibleEndpoints(config: config, filter: filter, previous: endpointList)
            }
        }
    }
    /// The endpoint rows that pass the filter, kept up to date by `config` and `panes`.
    private(set) var endpointList = VisibleEndpoints.empty
    var mode: Mode = .browse
    /// What the last action said: the message area's lines (`say`, `sayMore`).
    var messages: [Message] = []
    /// Every message since the UI started.
    var log = MessageLog()
    /// The time now, for the log; the event loop sets it before each event.
    var time = ClockTime(seconds: 0)
    /// Running tasks by id.
    var tasks: [Int: PendingTask] = [:]
    var nextTaskID = 1
    /// The status cell of each endpoint that has been checked.
    var statusCells: [String: StatusCell] = [:]
    /// What the last check of each endpoint found, for the detail view.
    var statusResults: [String: StatusResult] = [:]
    /// The STATUS cell of each login that has been checked, by URI.
    var loginCells: [String: StatusCell] = [:]
    /// What the last check of each login found, for the detail view.
    var loginChecks: [String: LoginHealth] = [:]
    /// Seconds since 1970 (token expiry is shown against it); the event loop sets it before
    /// each event.
    var epochSeconds: Int64 = 0
    /// The checks `S` started, counted for the summary line.
    var statusRun: StatusRun?
    /// Advances on every tick while tasks run.
    var spinnerFrame = 0
    var glyphs: Glyphs
    /// Set once quitting; no more effects are produced.
    var quitting = false

    init(locations: ConfigLocations, isRoot: Bool, size: ScreenSize, glyphs: Glyphs = .unicode) {
        self.locations = locations
        self.isRoot = isRoot
        self.size = size
        self.glyphs = glyphs
    }

    // MARK: - Derived views of the data

    func pane(_ pane: Pane) -> PaneState { panes[pane] ?? PaneState() }

    /// Changes the remembered state of `pane`.
    mutating func update(_ pane: Pane, _ body: (inout PaneState) -> Void) {
        var value = panes[pane] ?? PaneState()
        body(&value)
        panes[pane] = value
    }
}
