import CFuzzerDriver

#if canImport(Glibc)
    import Glibc
#endif

/// Runs libFuzzer with `callback` as the fuzz target and exits with its status. SwiftPM gives
/// every executable its own `main`, so the targets call libFuzzer's driver instead of relying on
/// libFuzzer's `main`.
public func runFuzzer(_ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32) -> Never {
    var argc = CommandLine.argc
    var argv = CommandLine.unsafeArgv
    let status = withUnsafeMutablePointer(to: &argv) { pointer in
        pointer.withMemoryRebound(to: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?.self, capacity: 1) {
            LLVMFuzzerRunDriver(&argc, $0, callback)
        }
    }
    exit(status)
}

/// The bytes libFuzzer hands over.
public func fuzzBytes(_ data: UnsafePointer<UInt8>?, _ size: Int) -> [UInt8] {
    guard let data, size > 0 else { return [] }
    return Array(UnsafeBufferPointer(start: data, count: size))
}
