import Foundation
import Glibc
import Testing

@testable import RemotesCore

/// The file layer's own guarantees, in process: the rename replaces only the file that was read,
/// the read-back guard stops a write, lock waits are bounded, and links are followed by rule.
struct SafeFilesTests {
    let sandbox = Sandbox()
    var file: String { sandbox.folder + "/home/f.yaml" }

    func put(_ text: String, at path: String) {
        _ = FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
    }

    func text(_ path: String) -> String? {
        FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
    }

    @Test("a file replaced after it was read is not renamed over; the replacement stays")
    func replacedAfterRead() throws {
        put("one\n", at: file)
        let read = try FileSnapshot.read(file)
        put("two\n", at: file + ".new")
        #expect(rename(file + ".new", file) == 0)
        #expect(throws: RemotesError.self) {
            try AtomicWriter.write(
                Array("three\n".utf8), to: file, newFileMode: 0o600, previous: read, readsBackAs: { _ in true })
        }
        #expect(text(file) == "two\n")
        do {
            try AtomicWriter.write(
                Array("three\n".utf8), to: file, newFileMode: 0o600, previous: read, readsBackAs: { _ in true })
        } catch {
            #expect(error.category == .changedOnDisk)
            #expect(error.message == "\(file) was replaced while it was being written: nothing was changed")
        }
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: sandbox.folder + "/home")
        #expect(leftovers.sorted() == ["f.yaml"])
    }

    @Test("a file that appeared after it was found missing is not replaced")
    func appearedAfterRead() throws {
        let read = try FileSnapshot.read(file)
        #expect(!read.exists)
        put("theirs\n", at: file)
        do {
            try AtomicWriter.write(
                Array("ours\n".utf8), to: file, newFileMode: 0o600, previous: read, readsBackAs: { _ in true })
            Issue.record("the write went through")
        } catch {
            #expect(error.category == .changedOnDisk)
        }
        #expect(text(file) == "theirs\n")
    }

    @Test("bytes that do not read back are never renamed (exit 70's category)")
    func readBackGuard() throws {
        put("old\n", at: file)
        let read = try FileSnapshot.read(file)
        do {
            try AtomicWriter.write(
                Array("new\n".utf8), to: file, newFileMode: 0o600, previous: read, readsBackAs: { _ in false })
            Issue.record("the write went through")
        } catch {
            #expect(error.category == .internalError)
            #expect(error.message.contains("the file was left untouched"))
        }
        #expect(text(file) == "old\n")
    }

    @Test("a lock held elsewhere is waited for within the bound, then reported as busy")
    func boundedLock() throws {
        put("x\n", at: file)
        let held = try FileLock(for: file)
        let told = Locked<[String]>([])
        let started = ContinuousClock.now
        do {
            _ = try FileLock(
                for: file,
                policy: LockPolicy(timeout: .milliseconds(300), onWait: { text in told.withLock { $0.append(text) } }))
            Issue.record("the lock was taken twice")
        } catch {
            #expect(error.category == .busy)
            #expect(error.message.hasPrefix("another process is editing \(file)"))
        }
        #expect(ContinuousClock.now - started >= .milliseconds(300))
        #expect(told.withLock { $0 } == ["waiting for \(file).lock: another process holds it"])
        held.unlock()
        _ = try FileLock(for: file, policy: LockPolicy(timeout: .milliseconds(300)))
    }

    @Test("links the user (here root) owns are followed, loops end, a link to a folder is walked")
    func links() throws {
        let home = sandbox.folder + "/home"
        try FileManager.default.createDirectory(atPath: home + "/real", withIntermediateDirectories: true)
        put("data\n", at: home + "/real/f")
        try FileManager.default.createSymbolicLink(atPath: home + "/dir", withDestinationPath: "real")
        try FileManager.default.createSymbolicLink(atPath: home + "/abs", withDestinationPath: home + "/dir/f")
        #expect(try FileSnapshot.read(home + "/abs").text == "data\n")
        let location = try PathWalker.locate(home + "/abs", followLeaf: true)
        #expect(location.name == "f")
        #expect(location.folder.path.hasSuffix("/home/real"))
        try FileManager.default.createSymbolicLink(atPath: home + "/loop", withDestinationPath: "loop")
        #expect(throws: RemotesError.self) { try FileSnapshot.read(home + "/loop") }
        #expect(try !FileSnapshot.read(home + "/nothing/here").exists)
    }

    @Test("the trust rule: root and the user themselves, nobody else")
    func trustRule() {
        #expect(SymlinkTrust.follows(owner: 0, follower: 1000))
        #expect(SymlinkTrust.follows(owner: 1000, follower: 1000))
        #expect(!SymlinkTrust.follows(owner: 65534, follower: 0))
        #expect(!SymlinkTrust.follows(owner: 1001, follower: 1000))
    }

    @Test("new folders get their mode by descriptor, whatever the umask")
    func folderModes() throws {
        let old = umask(0o077)
        defer { umask(old) }
        try FileSystem.makeFolders(sandbox.folder + "/home/a/b", mode: 0o755)
        var st = stat()
        #expect(stat(sandbox.folder + "/home/a/b", &st) == 0)
        #expect(st.st_mode & 0o777 == 0o755)
    }
}
