/// Why the database could not be opened or used, in words an operator can act on.
///
/// Opening never "repairs" anything: a file that is not ours, is corrupt, or was written by a
/// newer Vigil is reported and left exactly as it was.
public enum StorageError: Error, Sendable, Equatable, CustomStringConvertible {
    case cannotCreateDirectory(path: String, reason: String)
    case unreadable(path: String, reason: String)
    case notADatabase(path: String)
    case corrupt(path: String, reason: String)
    case newerSchema(path: String, unknownMigrations: [String])
    case failed(path: String, reason: String)
    /// A running daemon holds the database (its lock file names the process).
    case inUse(path: String, holder: String)
    /// A backup or restore would overwrite a file that exists.
    case alreadyExists(path: String)
    /// An SQLite file without Vigil's schema history: not a Vigil database or backup.
    case notVigil(path: String)

    public var description: String {
        switch self {
        case .cannotCreateDirectory(let path, let reason):
            return "cannot create the database directory \(path): \(reason)"
        case .unreadable(let path, let reason):
            return "cannot read the database \(path): \(reason)"
        case .notADatabase(let path):
            return "\(path) is not an SQLite database; it was left untouched "
                + "(move it away or set storage.path to another file)"
        case .corrupt(let path, let reason):
            return "the database \(path) is damaged (\(reason)); it was left untouched: "
                + "restore it from a backup or set storage.path to another file"
        case .newerSchema(let path, let unknown):
            return "the database \(path) was written by a newer version of Vigil "
                + "(unknown schema migrations: \(unknown.joined(separator: ", "))); "
                + "upgrade Vigil or point storage.path at another file"
        case .failed(let path, let reason):
            return "database \(path): \(reason)"
        case .inUse(let path, let holder):
            return "the database \(path) is in use by a running Vigil (\(holder)); stop it first"
        case .alreadyExists(let path):
            return "\(path) already exists; choose another file name or move it away"
        case .notVigil(let path):
            return "\(path) is an SQLite database but not Vigil's (it has no schema migrations table)"
        }
    }
}
