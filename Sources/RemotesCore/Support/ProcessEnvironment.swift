#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The process environment as a dictionary, read from `environ` directly: Foundation's
/// `ProcessInfo` would initialise CoreFoundation first, which is a tenth of `list`'s start-up.
public enum ProcessEnvironment {
    /// Every `NAME=value` of the environment (the first wins when a name repeats, as `getenv`).
    public static func current() -> [String: String] {
        let start: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = environ
        guard var entry = start else { return [:] }
        var count = 0
        while entry[count] != nil { count += 1 }
        var result: [String: String] = Dictionary(minimumCapacity: count)
        while let pointer = entry.pointee {
            let text = String(cString: pointer)
            if let equals = text.firstIndex(of: "=") {
                let name = String(text[..<equals])
                if result[name] == nil { result[name] = String(text[text.index(after: equals)...]) }
            }
            entry += 1
        }
        return result
    }
}
