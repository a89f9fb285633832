import Glibc

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
            // The `=` is found in the bytes: searching the String for a Character would run
            // grapheme breaking over every value (a twentieth of `list`'s start-up).
            if let equals = strchr(pointer, 0x3D) {
                let bytes = UnsafeRawPointer(pointer).assumingMemoryBound(to: UInt8.self)
                let name = String(decoding: UnsafeBufferPointer(start: bytes, count: equals - pointer), as: UTF8.self)
                if result[name] == nil { result[name] = String(cString: equals + 1) }
            }
            entry += 1
        }
        return result
    }
}
