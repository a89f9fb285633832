import Glibc

/// Which symbolic links remotes follows: only links owned by root or by the effective user.
///
/// This is the rule of the kernel's `fs.protected_symlinks`, applied to every path remotes
/// reads, creates, writes, renames, locks or changes the mode of, not only in sticky folders:
/// root never follows a link that another user could have planted (`~alice/.apptainer` pointing
/// at `/etc`), and a user never follows a third user's link. Links a user made for themselves
/// (dotfile managers link `remote.yaml` and `config.json`) keep working.
public enum SymlinkTrust {
    /// True when a link owned by `owner` may be followed by the effective user `follower`.
    public static func follows(owner: uid_t, follower: uid_t = geteuid()) -> Bool {
        owner == 0 || owner == follower
    }

    /// Throws the refusal for a link at `path` owned by `owner` unless it may be followed.
    static func check(owner: uid_t, path: String) throws(RemotesError) {
        guard !follows(owner: owner) else { return }
        throw .badFile(
            "\(path) is a symbolic link owned by \(UserName.describe(owner)): refusing to follow it "
                + "(remotes follows only links owned by root or by the user running it)")
    }
}

/// User names for messages.
enum UserName {
    /// `alice (uid 1000)`, or `uid 1000` when the account is unknown.
    static func describe(_ uid: uid_t) -> String {
        guard let entry = getpwuid(uid), let name = entry.pointee.pw_name else { return "uid \(uid)" }
        return "\(String(cString: name)) (uid \(uid))"
    }
}
