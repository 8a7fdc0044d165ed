import Crypto
import Foundation

/// The token every page form carries, so another site cannot make a logged-in browser act: an
/// HMAC over the user and the day, keyed by a random key the server makes at start (not derived
/// from any secret a receiver holds). Stateless: a token is good on its day and the next, only for
/// its user, and until a restart.
struct PageCSRF: Sendable {
    let key: SymmetricKey

    init(secret: [UInt8]) {
        let derived = HMAC<SHA256>.authenticationCode(
            for: Array("vigil page forms".utf8), using: SymmetricKey(data: secret))
        key = SymmetricKey(data: Data(derived))
    }

    static let day: Int64 = 86_400_000

    func token(user: String, now: Int64) -> String {
        token(user: user, day: now / Self.day)
    }

    func verify(_ token: String, user: String, now: Int64) -> Bool {
        let today = now / Self.day
        return [today, today - 1].contains { day in
            let expected = Array(self.token(user: user, day: day).utf8)
            let given = Array(token.utf8)
            // Constant time over equal lengths.
            return expected.count == given.count && zip(expected, given).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
        }
    }

    private func token(user: String, day: Int64) -> String {
        let code = HMAC<SHA256>.authenticationCode(for: Array("\(user)\u{0}\(day)".utf8), using: key)
        return Data(code).base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }
}
