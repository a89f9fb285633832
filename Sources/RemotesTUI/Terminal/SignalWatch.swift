import Glibc
import Synchronization

/// The last terminating signal caught (0 for none). Written by the handler below on whichever
/// thread the kernel picked, read by the event loop: a lock-free atomic, so the handler stays
/// async-signal-safe and the two threads do not race (ThreadSanitizer reported the plain
/// global this was before).
private let caughtSignal = Atomic<Int32>(0)

/// Catches SIGINT (Ctrl-C), SIGTERM and SIGHUP while the UI runs, so that the event loop can
/// leave curses and restore the terminal instead of dying with it in raw mode.
enum SignalWatch {
    static let signals: [Int32] = [SIGINT, SIGTERM, SIGHUP]

    /// Installs the handlers (replacing ncurses' own).
    static func install() {
        caughtSignal.store(0, ordering: .sequentiallyConsistent)
        for number in signals {
            _ = signal(number) { caught in caughtSignal.store(caught, ordering: .sequentiallyConsistent) }
        }
    }

    /// Unblocks, on this thread, the signals the UI depends on: resize (SIGWINCH), Ctrl-C,
    /// SIGTERM, SIGHUP, and job control. A parent that spawned us from a thread with signals
    /// blocked (Foundation's `Process` does) would otherwise leave resizes and Ctrl-C unseen.
    static func unblock() {
        var set = sigset_t()
        sigemptyset(&set)
        for number in signals + [SIGWINCH, SIGTSTP, SIGCONT] { sigaddset(&set, number) }
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
    }

    /// Puts the default actions back.
    static func restore() {
        for number in signals { _ = signal(number, SIG_DFL) }
    }

    /// The signal caught since the last call, if any.
    static func take() -> Int32? {
        let value = caughtSignal.exchange(0, ordering: .sequentiallyConsistent)
        return value == 0 ? nil : value
    }
}
