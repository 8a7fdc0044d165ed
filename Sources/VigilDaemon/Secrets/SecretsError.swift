/// Why a secret could not be had. Never carries the secret's value.
public enum SecretsError: Error, Sendable, Equatable, CustomStringConvertible {
    case tooShort(source: String, length: Int)
    case unreadable(path: String, reason: String)
    case cannotWrite(path: String, reason: String)

    public var description: String {
        switch self {
        case .tooShort(let source, let length):
            return
                "the secret from \(source) is \(length) characters long; at least \(Secrets.minimumLength) are required"
        case .unreadable(let path, let reason):
            return "cannot read the secret file \(path): \(reason)"
        case .cannotWrite(let path, let reason):
            return "cannot write the secret file \(path): \(reason)"
        }
    }
}
