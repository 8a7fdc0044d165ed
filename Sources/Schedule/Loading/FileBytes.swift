#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads a whole file with plain POSIX calls, keeping Foundation out of the `Schedule` target.
enum FileBytes {
    /// Why a file could not be read, as the operating system says it.
    struct ReadError: Error, CustomStringConvertible {
        var description: String
    }

    static func read(path: String) throws(ReadError) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw failure("cannot open the file") }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { buffer in
                posixRead(descriptor, buffer.baseAddress, buffer.count)
            }
            if count > 0 {
                bytes.append(contentsOf: chunk[0..<count])
            } else if count == 0 {
                return bytes
            } else if errno != EINTR {
                throw failure("cannot read the file")
            }
        }
    }

    private static func failure(_ what: String) -> ReadError {
        let reason = strerror(errno).map { String(cString: $0) } ?? "error \(errno)"
        return ReadError(description: "\(what): \(reason)")
    }
}

/// POSIX `read`, named apart from the enclosing `read(path:)`.
private func posixRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}
