import Foundation

/// Everything under a folder as it is on disk: each entry's kind, permission bits, owner and
/// content (bytes of a file, target of a symlink). Two snapshots are equal when nothing was
/// created, removed, rewritten with other bytes, re-moded or re-owned. FIFOs and devices are
/// recorded without being opened; symlinks are recorded, not followed.
struct TreeSnapshot: Equatable, Sendable {
    /// One entry.
    struct Entry: Equatable, Sendable {
        var kind: String
        var mode: mode_t
        var owner: uid_t
        var group: gid_t
        var content: [UInt8]
    }

    /// Entries by path relative to the root ("" is the root itself).
    var entries: [String: Entry]

    /// Takes a snapshot of `root` and everything below it.
    init(of root: String) {
        var entries: [String: Entry] = [:]
        Self.walk(root, relative: "", into: &entries)
        self.entries = entries
    }

    private static func walk(_ path: String, relative: String, into entries: inout [String: Entry]) {
        var st = stat()
        guard lstat(path, &st) == 0 else { return }
        var entry = Entry(kind: "other", mode: st.st_mode & 0o7777, owner: st.st_uid, group: st.st_gid, content: [])
        switch st.st_mode & S_IFMT {
        case S_IFREG:
            entry.kind = "file"
            entry.content = FileManager.default.contents(atPath: path).map { Array($0) } ?? Array("<unreadable>".utf8)
        case S_IFLNK:
            entry.kind = "symlink"
            entry.content = Array(((try? FileManager.default.destinationOfSymbolicLink(atPath: path)) ?? "?").utf8)
        case S_IFIFO:
            entry.kind = "fifo"
        case S_IFDIR:
            entry.kind = "folder"
            entries[relative] = entry
            let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
            for name in names {
                walk(path + "/" + name, relative: relative.isEmpty ? name : relative + "/" + name, into: &entries)
            }
            return
        default:
            break
        }
        entries[relative] = entry
    }

    /// What differs from `other`, one line per path, for a failure message ("" when equal).
    /// `allowingNewLockFiles` passes new empty `*.lock` files: a writer takes the lock (creating
    /// its file, which never holds data) before it reads, so a refused write may leave one.
    func differences(from other: TreeSnapshot, allowingNewLockFiles: Bool = false) -> String {
        var lines: [String] = []
        for path in Set(entries.keys).union(other.entries.keys).sorted() {
            switch (other.entries[path], entries[path]) {
            case (nil, let now?)
            where allowingNewLockFiles && path.hasSuffix(".lock") && now.kind == "file"
                && now.content.isEmpty:
                continue
            case (nil, let now?): lines.append("created \(path) (\(now.kind), \(now.content.count) bytes)")
            case (_?, nil): lines.append("removed \(path)")
            case (let was?, let now?) where was != now:
                var what: [String] = []
                if was.kind != now.kind { what.append("kind \(was.kind) → \(now.kind)") }
                if was.mode != now.mode {
                    what.append("mode \(String(was.mode, radix: 8)) → \(String(now.mode, radix: 8))")
                }
                if was.owner != now.owner || was.group != now.group { what.append("owner") }
                if was.content != now.content {
                    what.append("content (\(was.content.count) → \(now.content.count) bytes)")
                }
                lines.append("changed \(path): " + what.joined(separator: ", "))
            default: break
            }
        }
        return lines.joined(separator: "\n")
    }
}
