import Alerting
import Rules
import Testing

/// Acknowledgement links: a group's is 32 characters (it fits in a text message beside the alert)
/// and names the group by its key's digest; an alert's keeps the long form; both refuse a changed
/// character, another secret and a passed expiry.
@Suite struct AckLinkTests {
    let secret = Array("webhook-secret".utf8)
    let key = #"{}/{severity="critical"}:{alertname="CoverageGap", rotation="clinic"}"#
    let now: Int64 = 1_796_396_544_160

    @Test func aGroupsLinkIsCompactAndNamesTheGroupByItsDigest() throws {
        let token = AckLink(target: .group(key), expiresAt: now + 3_600_000).token(secret: secret)
        #expect(token.count == 32)
        #expect(token.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") })
        let link = try AckLink.verify(token, secret: secret, now: now)
        #expect(link.target == .groupDigest(AckLink.digest(ofGroupKey: key)))
        #expect(link.expiresAt == (now + 3_600_000) / 1000 * 1000, "whole seconds, rounded down")
        #expect(AckLink.digest(ofGroupKey: key) != AckLink.digest(ofGroupKey: key + " "))
    }

    @Test func changedForgedAndExpiredLinksAreRefused() throws {
        let token = AckLink(target: .group(key), expiresAt: now + 60_000).token(secret: secret)
        for index in [0, 10, 20, 31] {
            var changed = Array(token)
            changed[index] = changed[index] == "A" ? "B" : "A"
            #expect(throws: AckLink.Refusal.invalid) { try AckLink.verify(String(changed), secret: secret, now: now) }
        }
        #expect(throws: AckLink.Refusal.invalid) {
            try AckLink.verify(token, secret: Array("another".utf8), now: now)
        }
        #expect(throws: AckLink.Refusal.invalid) {
            try AckLink.verify(String(token.dropLast()), secret: secret, now: now)
        }
        let expired = AckLink(target: .group(key), expiresAt: now - 1).token(secret: secret)
        #expect(throws: AckLink.Refusal.expired(at: (now - 1) / 1000 * 1000)) {
            try AckLink.verify(expired, secret: secret, now: now)
        }
    }

    @Test func anAlertsLinkKeepsTheLongForm() throws {
        let fingerprint = AlertFingerprint(value: 0x82ab_4e57_0498_76d6)
        let token = AckLink(target: .alert(fingerprint), expiresAt: now + 60_000).token(secret: secret)
        #expect(token.contains("."))
        #expect(try AckLink.verify(token, secret: secret, now: now).target == .alert(fingerprint))
    }
}
