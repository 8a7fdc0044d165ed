// In whole-module (release) builds the compiler attributes `struct stat` to Dispatch's C module, and member import
// visibility then demands that module by name.
#if canImport(CDispatch)
    import CDispatch
#endif

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The schedule file's identity as `stat(2)` gives it: device, inode, size and modification time
/// to the nanosecond.
///
/// The daemon polls the file on every evaluation tick; a `stat` is a few microseconds where
/// reading and validating a year's schedule is milliseconds, so the file is parsed again only
/// when this changes. Editors that save by rename change the inode, in-place writes change the
/// size or the time: either is seen.
struct ScheduleFileStamp: Sendable, Hashable, CustomStringConvertible {
    var device: UInt64
    var inode: UInt64
    var size: Int64
    var modifiedSeconds: Int64
    var modifiedNanoseconds: Int64

    /// The stamp of the file at `path`, or nil when it cannot be stat'ed (absent, no permission).
    static func read(path: String) -> ScheduleFileStamp? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        #if canImport(Darwin)
            let modified = info.st_mtimespec
        #else
            let modified = info.st_mtim
        #endif
        return ScheduleFileStamp(
            device: UInt64(info.st_dev), inode: UInt64(info.st_ino), size: Int64(info.st_size),
            modifiedSeconds: Int64(modified.tv_sec), modifiedNanoseconds: Int64(modified.tv_nsec))
    }

    /// `device:inode:size:seconds.nanoseconds`, as stored beside a pushed snapshot.
    var description: String {
        "\(device):\(inode):\(size):\(modifiedSeconds).\(modifiedNanoseconds)"
    }
}
