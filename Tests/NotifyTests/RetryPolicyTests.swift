import Notify
import Testing

/// Backoff: doubling from the initial delay to the maximum, jitter in [½, 1], Retry-After honoured
/// up to the maximum, messages dead once older than the maximum age.
@Suite struct RetryPolicyTests {
    let policy = RetryPolicy(initialDelay: 1_000, maximumDelay: 30_000, maximumAge: 3_600_000)

    @Test func delaysDoubleUpToTheMaximumWithJitterInTheUpperHalf() {
        #expect(policy.delay(afterAttempt: 1, retryAfter: nil, unit: 0.999_999) == 999)
        #expect(policy.delay(afterAttempt: 1, retryAfter: nil, unit: 0) == 500)
        #expect(policy.delay(afterAttempt: 3, retryAfter: nil, unit: 0) == 2_000)
        #expect(policy.delay(afterAttempt: 10, retryAfter: nil, unit: 0) == 15_000)
        #expect(policy.delay(afterAttempt: 60, retryAfter: nil, unit: 0.5) == 22_500)
    }

    @Test func retryAfterIsHonouredButCappedAtTheMaximum() {
        #expect(policy.delay(afterAttempt: 1, retryAfter: 7_000, unit: 0) == 7_000)
        #expect(policy.delay(afterAttempt: 1, retryAfter: 600_000, unit: 0) == 30_000)
    }

    @Test func aMessageExpiresAtTheMaximumAge() {
        #expect(!policy.isExpired(createdAt: 0, now: 3_599_999))
        #expect(policy.isExpired(createdAt: 0, now: 3_600_000))
    }
}
