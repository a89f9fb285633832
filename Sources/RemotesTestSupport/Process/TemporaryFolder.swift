import Foundation

/// A fresh folder under /tmp that is removed by `remove()` or, at the latest, when the object goes away.
///
/// Keep the object alive while its path is in use (hold it in a variable you use at the end, or
/// call `remove()` in a `defer`).
public final class TemporaryFolder: Sendable {
    /// The absolute path of the folder.
    public let path: String

    /// Creates `/tmp/<prefix>-XXXXXX`, mode 0700, or 0755 when `worldTraversable` so that `nobody`
    /// can reach files in it.
    public init(prefix: String = "remotes-test", worldTraversable: Bool = false) throws {
        var template = Array("/tmp/\(prefix)-XXXXXX".utf8CString)
        let created = template.withUnsafeMutableBufferPointer { buffer -> String? in
            guard let result = mkdtemp(buffer.baseAddress!) else { return nil }
            return String(cString: result)
        }
        guard let created else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: "/tmp/\(prefix)-XXXXXX"])
        }
        path = created
        if worldTraversable {
            chmod(created, 0o755)
        }
    }

    /// The absolute path of `relative` inside the folder.
    public func path(_ relative: String) -> String {
        relative.isEmpty ? path : path + "/" + relative
    }

    /// Writes `contents` to `relative` (creating parent folders) with `mode`; returns the absolute path.
    @discardableResult
    public func write(_ contents: [UInt8], to relative: String, mode: Int = 0o644) throws -> String {
        let target = path(relative)
        let parent = (target as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        try Data(contents).write(to: URL(fileURLWithPath: target))
        chmod(target, mode_t(mode))
        return target
    }

    /// Writes UTF-8 `text` to `relative` with `mode`; returns the absolute path.
    @discardableResult
    public func write(_ text: String, to relative: String, mode: Int = 0o644) throws -> String {
        try write(Array(text.utf8), to: relative, mode: mode)
    }

    /// Creates the folder `relative` (and its parents) with `mode`, owned by nobody:nogroup when
    /// `ownedByNobody`; returns the absolute path.
    @discardableResult
    public func makeFolder(_ relative: String, mode: Int = 0o755, ownedByNobody: Bool = false) throws -> String {
        let target = path(relative)
        try FileManager.default.createDirectory(atPath: target, withIntermediateDirectories: true)
        chmod(target, mode_t(mode))
        if ownedByNobody {
            try giveToNobody(relative)
        }
        return target
    }

    /// Changes the owner of `relative` and everything below it to nobody:nogroup.
    public func giveToNobody(_ relative: String = "") throws {
        guard let user = getpwnam("nobody"), let group = getgrnam("nogroup") ?? getgrnam("nobody") else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: "nobody:nogroup"])
        }
        let uid = user.pointee.pw_uid
        let gid = group.pointee.gr_gid
        let root = path(relative)
        var targets = [root]
        if let below = FileManager.default.enumerator(atPath: root) {
            for case let item as String in below { targets.append(root + "/" + item) }
        }
        for target in targets where lchown(target, uid, gid) != 0 {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: target])
        }
    }

    /// Deletes the folder and everything in it; safe to call more than once.
    public func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }

    deinit {
        remove()
    }
}
