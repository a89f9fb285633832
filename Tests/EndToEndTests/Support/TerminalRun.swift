import Foundation
import RemotesTestSupport

/// Runs a program with its standard input on a pseudo-terminal (so that it may prompt), its
/// stdout and stderr in files, and answers its prompts: each step waits until the output
/// holds a text, then types a line at once (a script or a paste is that fast). What the
/// terminal echoed is kept, to check that hidden input was not echoed.
enum TerminalRun {
    /// One prompt and the answer typed to it.
    struct Step {
        /// Text to wait for in stdout or stderr.
        var waitFor: String
        /// What to type (a newline is added).
        var type: String
    }

    /// The outcome: the process result and everything the terminal echoed.
    struct Outcome {
        var result: ProcessResult
        var echoed: String
    }

    /// Why a terminal run could not be made.
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static func run(
        _ executable: String, _ arguments: [String], environment: [String: String], workingDirectory: String,
        steps: [Step], typeAhead: String? = nil, timeout: Duration = SanitizerSlack.scaled(.seconds(20))
    ) async throws -> Outcome {
        let master = open("/dev/ptmx", O_RDWR | O_NOCTTY)
        guard master >= 0, let slavePath = Self.unlockedSlave(of: master) else {
            throw Failure(description: "no pseudo-terminal: errno \(errno)")
        }
        defer { close(master) }
        _ = fcntl(master, F_SETFL, fcntl(master, F_GETFL) | O_NONBLOCK)
        let slave = open(slavePath, O_RDWR | O_NOCTTY)
        guard slave >= 0 else { throw Failure(description: "cannot open the terminal: errno \(errno)") }
        let folder = try TemporaryFolder(prefix: "remotes-tty")
        defer { folder.remove() }
        let outPath = folder.path("stdout")
        let errPath = folder.path("stderr")
        _ = FileManager.default.createFile(atPath: outPath, contents: nil)
        _ = FileManager.default.createFile(atPath: errPath, contents: nil)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = environment
        process.currentDirectoryURL = URL(fileURLWithPath: workingDirectory)
        process.standardInput = FileHandle(fileDescriptor: slave, closeOnDealloc: true)
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: outPath))
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: errPath))
        if let typeAhead { try Self.type(typeAhead, to: master) }
        try process.run()

        var echoed: [UInt8] = []
        func drain() {
            var buffer = [UInt8](repeating: 0, count: 4096)
            while true {
                let n = buffer.withUnsafeMutableBytes { read(master, $0.baseAddress, $0.count) }
                if n <= 0 { return }
                echoed += buffer[0..<n]
            }
        }
        func output() -> String {
            let out = FileManager.default.contents(atPath: outPath) ?? Data()
            let err = FileManager.default.contents(atPath: errPath) ?? Data()
            return String(decoding: out + err, as: UTF8.self)
        }
        let deadline = ContinuousClock.now + timeout
        var timedOut = false
        var seen = 0
        for step in steps {
            while true {
                drain()
                let text = output()
                if let range = text.range(
                    of: step.waitFor,
                    range: text.index(text.startIndex, offsetBy: min(seen, text.count))..<text.endIndex)
                {
                    seen = text.distance(from: text.startIndex, to: range.upperBound)
                    break
                }
                if !process.isRunning || ContinuousClock.now >= deadline {
                    timedOut = process.isRunning
                    break
                }
                try await Task.sleep(for: .milliseconds(10))
            }
            guard process.isRunning, !timedOut else { break }
            try Self.type(step.type, to: master)
        }
        while process.isRunning {
            drain()
            if ContinuousClock.now >= deadline {
                timedOut = true
                process.terminate()
                kill(process.processIdentifier, SIGKILL)
                break
            }
            try await Task.sleep(for: .milliseconds(10))
        }
        process.waitUntilExit()
        drain()
        let status = process.terminationStatus
        let signaled = process.terminationReason == .uncaughtSignal
        let result = ProcessResult(
            exit: ProcessExit(code: signaled ? -1 : status, signal: signaled ? status : nil), timedOut: timedOut,
            standardOutput: Array(FileManager.default.contents(atPath: outPath) ?? Data()),
            standardError: Array(FileManager.default.contents(atPath: errPath) ?? Data()))
        return Outcome(result: result, echoed: String(decoding: echoed, as: UTF8.self))
    }

    /// Types `text` and a newline on the terminal.
    private static func type(_ text: String, to master: Int32) throws {
        let line = Array((text + "\n").utf8)
        let written = line.withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
        guard written == line.count else { throw Failure(description: "typing failed: errno \(errno)") }
    }

    private typealias PTYCall = @convention(c) (Int32) -> Int32
    private typealias PTSNameR = @convention(c) (Int32, UnsafeMutablePointer<CChar>, Int) -> Int32

    /// glibc's pty functions are hidden from Swift behind `_XOPEN_SOURCE`: look them up at run time.
    private static func unlockedSlave(of master: Int32) -> String? {
        guard let handle = dlopen(nil, RTLD_NOW), let grant = dlsym(handle, "grantpt"),
            let unlock = dlsym(handle, "unlockpt"), let name = dlsym(handle, "ptsname_r")
        else { return nil }
        guard unsafeBitCast(grant, to: PTYCall.self)(master) == 0,
            unsafeBitCast(unlock, to: PTYCall.self)(master) == 0
        else { return nil }
        var buffer = [CChar](repeating: 0, count: 256)
        guard unsafeBitCast(name, to: PTSNameR.self)(master, &buffer, buffer.count) == 0 else { return nil }
        let length = buffer.firstIndex(of: 0) ?? buffer.count
        return String(decoding: buffer[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
