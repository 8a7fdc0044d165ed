import Foundation
import Rules

/// An acknowledgement a chat or pager integration sends to `POST /api/v1/acks`, checked before it
/// may change anything: the signature over the timestamp and raw body, a timestamp within five
/// minutes of now, and a well-formed body naming one alert or group. (That its id was not seen
/// before is the caller's to check, against the ids it remembers.)
public struct SignedAck: Sendable, Equatable {
    /// The sender's unique request id: a second request with it is a replay.
    public var id: String
    public var action: AckRecord.Action
    public var target: AckTarget
    public var by: String

    /// How far the timestamp may be from now (ms).
    public static let tolerance: Int64 = 300_000

    /// Why a request was refused: every case is a 401 except a malformed body (400).
    public enum Refusal: Error, Sendable, Equatable, CustomStringConvertible {
        case unsigned
        case badSignature
        case staleTimestamp
        case malformed(String)
        case replayed

        public var description: String {
            switch self {
            case .unsigned: "missing X-Vigil-Timestamp or X-Vigil-Signature header"
            case .badSignature: "invalid signature"
            case .staleTimestamp: "timestamp more than 300 s from now"
            case .malformed(let message): message
            case .replayed: "request id already used"
            }
        }

        /// Whether the request is unauthenticated (401) rather than merely malformed (400).
        public var isAuthentication: Bool {
            if case .malformed = self { return false }
            return true
        }
    }

    /// Checks signature and timestamp first (nothing in the body is trusted before), then reads it.
    public static func verify(
        body: [UInt8], timestamp: String?, signature: String?, secret: [UInt8], now: Int64
    ) throws(Refusal) -> SignedAck {
        guard let timestamp, let signature else { throw .unsigned }
        guard RequestSignature.verify(header: signature, secret: secret, timestamp: timestamp, body: body) else {
            throw .badSignature
        }
        guard let seconds = Int64(timestamp), abs(seconds * 1000 - now) <= tolerance else { throw .staleTimestamp }
        return try read(body)
    }

    static func read(_ body: [UInt8]) throws(Refusal) -> SignedAck {
        guard let object = try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any] else {
            throw .malformed("the body must be a JSON object")
        }
        func string(_ key: String) throws(Refusal) -> String? {
            guard let value = object[key] else { return nil }
            guard let text = value as? String else { throw .malformed("\"\(key)\" must be a string") }
            return text
        }
        guard let id = try string("id"), !id.isEmpty, id.count <= 200 else {
            throw .malformed("\"id\" (a unique request id, at most 200 characters) is required")
        }
        guard let actionText = try string("action"), let action = AckRecord.Action(rawValue: actionText) else {
            let known = AckRecord.Action.allCases.map(\.rawValue).joined(separator: ", ")
            throw .malformed("\"action\" must be one of \(known)")
        }
        guard let by = try string("by"), !by.trimmingCharacters(in: .whitespaces).isEmpty, by.count <= 200 else {
            throw .malformed("\"by\" (who acts, at most 200 characters) is required")
        }
        let target: AckTarget
        switch (try string("fingerprint"), try string("group_key")) {
        case (let text?, nil):
            guard text.count == 16, let value = UInt64(text, radix: 16) else {
                throw .malformed("invalid fingerprint \"\(text)\": 16 hexadecimal digits")
            }
            target = .alert(AlertFingerprint(value: value))
        case (nil, let key?):
            target = .group(key)
        default:
            throw .malformed("name either \"fingerprint\" or \"group_key\"")
        }
        return SignedAck(id: id, action: action, target: target, by: by)
    }
}
