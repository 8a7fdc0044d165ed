import Alerting
import Testing
import TimeSeries

private let second: Int64 = 1_000
private let minute: Int64 = 60_000
private let hour: Int64 = 3_600_000
/// "Now": a whole second, so sub-second offsets stay within it.
private let now: Int64 = 1_700_000_000_000

private let ab = [LabelMatcher.equal("a", "b")]

private func silence(
    _ matchers: [LabelMatcher] = ab, id: String = "", startsAt: Int64, endsAt: Int64, updatedAt: Int64 = 0
) -> Silence {
    Silence(
        id: id, matchers: matchers, startsAt: startsAt, endsAt: endsAt, updatedAt: updatedAt, createdBy: "tester",
        comment: "test")
}

/// Hands out `id1`, `id2`, … as Alertmanager hands out UUIDs.
private final class IDs {
    private var next = 0

    func make() -> String {
        next += 1
        return "id\(next)"
    }
}

/// A silence in place and a change posted to it at `now`: whether Alertmanager's `canUpdate` lets it
/// keep its id (TestSilenceCanUpdate).
private struct UpdateCase: Sendable, CustomTestStringConvertible {
    var why: String
    var previous: (startsAt: Int64, endsAt: Int64)
    var next: (startsAt: Int64, endsAt: Int64)
    var keepsID: Bool

    var testDescription: String { why }
}

private struct ValidationCase: Sendable, CustomTestStringConvertible {
    var why: String
    var silence: Silence
    var message: String

    var testDescription: String { why }
}

/// Alertmanager's silences (silence/silence_test.go): creating, updating in place or by replacement,
/// expiring, validation, what they mute, garbage collection.
@Suite struct SilencesTests {
    @Test func setCreatesUpdatesAndReplacesAsAlertmanagersTestSilenceSet() throws {
        var silences = Silences(retention: hour)
        let ids = IDs()
        let start1 = now

        // A silence with a start time ahead is kept as posted (pending).
        let first = try silences.set(
            silence(startsAt: start1 + 2 * minute, endsAt: start1 + 5 * minute), now: start1, newID: ids.make)
        let stored1 = silence(id: "id1", startsAt: start1 + 2 * minute, endsAt: start1 + 5 * minute, updatedAt: start1)
        #expect(first.id == "id1")
        #expect(first.changed == [stored1])
        #expect(silences.byID["id1"] == stored1)

        // A start time in the past (or unset) becomes now. (Alertmanager's test ends this one a minute
        // later, exactly when it is updated next; that instant has its own test below.)
        let start2 = start1 + minute
        let second = try silences.set(silence(startsAt: 0, endsAt: start2 + 2 * minute), now: start2, newID: ids.make)
        #expect(second.id == "id2")
        #expect(
            silences.byID["id2"] == silence(id: "id2", startsAt: start2, endsAt: start2 + 2 * minute, updatedAt: start2)
        )

        // A new end time for an active silence: updated in place.
        let start3 = start2 + minute
        let third = try silences.set(
            silence(id: "id2", startsAt: start2, endsAt: start3 + 100 * minute), now: start3, newID: ids.make)
        let stored2 = silence(id: "id2", startsAt: start2, endsAt: start3 + 100 * minute, updatedAt: start3)
        #expect(third.id == "id2")
        #expect(third.changed == [stored2])
        #expect(silences.byID["id2"] == stored2)

        // New matchers: the old silence expires now and a new one takes over from now.
        let start4 = start3 + minute
        let ac = [LabelMatcher.equal("a", "c")]
        let fourth = try silences.set(
            silence(ac, id: "id2", startsAt: start2, endsAt: start3 + 100 * minute), now: start4, newID: ids.make)
        let expired2 = silence(id: "id2", startsAt: start2, endsAt: start4, updatedAt: start4)
        let stored4 = silence(ac, id: "id3", startsAt: start4, endsAt: start3 + 100 * minute, updatedAt: start4)
        #expect(fourth.id == "id3")
        #expect(fourth.changed == [expired2, stored4])
        #expect(silences.byID["id2"] == expired2)
        #expect(silences.byID["id3"] == stored4)

        // Re-creating the expired silence makes a new one, starting now; the expired one stays.
        let start5 = start4 + minute
        let fifth = try silences.set(
            silence(id: "id2", startsAt: start1, endsAt: start1 + 5 * minute), now: start5, newID: ids.make)
        let stored5 = silence(id: "id4", startsAt: start5, endsAt: start1 + 5 * minute, updatedAt: start5)
        #expect(fifth.id == "id4")
        #expect(fifth.changed == [stored5])
        #expect(silences.byID["id2"] == expired2)
        #expect(silences.byID["id1"] == stored1)
        #expect(silences.byID.count == 4)
    }

    @Test func anActiveSilenceKeepsItsIDWhenItsStartMovesWithinTheSameSecond() throws {
        var silences = Silences(retention: hour)
        let ids = IDs()
        let created = try silences.set(
            silence(startsAt: now - minute, endsAt: now + 5 * minute), now: now, newID: ids.make)
        #expect(silences.byID[created.id]?.startsAt == now)
        // amtool posts back the start it was given, give or take the sub-second part.
        let updated = try silences.set(
            silence(id: created.id, startsAt: now + 2, endsAt: now + 7 * minute), now: now + minute, newID: ids.make)
        #expect(updated.id == created.id)
        #expect(silences.byID.count == 1)
        #expect(
            silences.byID[created.id]
                == silence(id: created.id, startsAt: now + 2, endsAt: now + 7 * minute, updatedAt: now + minute))
    }

    @Test func aSilenceCanStillBeUpdatedInPlaceAtTheInstantItEnds() throws {
        // Alertmanager's getState calls a silence expired only after its end (`ts.After(EndsAt)`),
        // so TestSilenceSet updates a silence at exactly its end time and it keeps its id.
        var silences = Silences([silence(id: "s", startsAt: now - minute, endsAt: now, updatedAt: now - minute)])
        let result = try silences.set(
            silence(id: "s", startsAt: now - minute, endsAt: now + hour), now: now, newID: { "new" })
        #expect(result.id == "s")
        #expect(silences.byID["s"]?.endsAt == now + hour)
    }

    @Test func anActiveSilenceWhoseStartCrossesASecondBoundaryIsReplaced() throws {
        var silences = Silences(retention: hour)
        let ids = IDs()
        let start = now + 999
        let created = try silences.set(silence(startsAt: start, endsAt: start + hour), now: start, newID: ids.make)
        let updated = try silences.set(
            silence(id: created.id, startsAt: start + 2, endsAt: start + 2 * hour), now: start + minute, newID: ids.make
        )
        #expect(updated.id != created.id)
        #expect(silences.byID[created.id]?.endsAt == start + minute)
        #expect(silences.byID[updated.id]?.startsAt == start + minute)
    }

    private static let updateCases: [UpdateCase] = [
        UpdateCase(why: "an expired silence", previous: (-hour, -second), next: (0, 0), keepsID: false),
        UpdateCase(
            why: "a pending silence moved to start in the past", previous: (hour, 2 * hour), next: (-minute, hour),
            keepsID: false),
        UpdateCase(
            why: "a pending silence moved to start later", previous: (hour, 2 * hour), next: (minute, minute),
            keepsID: true),
        UpdateCase(
            why: "a pending silence moved to start now", previous: (hour, 2 * hour), next: (0, 2 * hour), keepsID: true),
        UpdateCase(
            why: "an active silence with another start", previous: (-hour, 2 * hour), next: (-minute, 2 * hour),
            keepsID: false),
        UpdateCase(
            why: "an active silence ending now", previous: (-hour, 2 * hour), next: (-hour, 0), keepsID: true),
        UpdateCase(
            why: "an active silence ending later", previous: (-hour, 2 * hour), next: (-hour, 3 * hour), keepsID: true),
    ]

    @Test(arguments: updateCases)
    fileprivate func anUpdateKeepsTheIDOnlyWhereAlertmanagersCanUpdateAllowsIt(_ testCase: UpdateCase) throws {
        let previous = silence(
            id: "old", startsAt: now + testCase.previous.startsAt, endsAt: now + testCase.previous.endsAt,
            updatedAt: now - hour)
        var silences = Silences([previous], retention: hour)
        let result = try silences.set(
            silence(id: "old", startsAt: now + testCase.next.startsAt, endsAt: now + testCase.next.endsAt), now: now,
            newID: { "new" })
        #expect(result.id == (testCase.keepsID ? "old" : "new"))
        if testCase.keepsID {
            #expect(silences.byID["old"]?.startsAt == now + testCase.next.startsAt)
            #expect(silences.byID["old"]?.endsAt == now + testCase.next.endsAt)
            #expect(silences.byID["old"]?.updatedAt == now)
            #expect(silences.byID.count == 1)
        } else {
            // The old silence no longer silences anything; the new one started no earlier than now.
            #expect(silences.byID["old"]?.state(at: now + 1) == .expired)
            #expect(silences.byID["new"].map { $0.startsAt >= now } == true)
        }
    }

    @Test func aReplacedPendingSilenceIsExpiredWithBothTimesNow() throws {
        var silences = Silences([silence(id: "old", startsAt: now + hour, endsAt: now + 2 * hour)])
        let result = try silences.set(
            silence(id: "old", startsAt: now - minute, endsAt: now + hour), now: now, newID: { "new" })
        #expect(result.changed.map(\.id) == ["old", "new"])
        #expect(silences.byID["old"].map { ($0.startsAt, $0.endsAt, $0.updatedAt) } ?? (0, 0, 0) == (now, now, now))
        #expect(silences.byID["new"]?.startsAt == now)
    }

    @Test func aNewSilenceEndingBeforeItsStartIsMovedToNowIsInvalid() {
        // Alertmanager moves the start to now first, then validates (setSilence).
        var silences = Silences()
        #expect(throws: SilenceError.invalid("end time must not be before start time")) {
            try silences.set(silence(startsAt: now - 10 * minute, endsAt: now - 5 * minute), now: now, newID: { "new" })
        }
        #expect(silences.byID.isEmpty)
    }

    @Test func aReplacementEndingBeforeNowIsInvalid() {
        // TestSilenceCanUpdate's "active, ending in the past": canUpdate refuses, and the replacement
        // (starting now) would end before it starts.
        var silences = Silences([silence(id: "old", startsAt: now - hour, endsAt: now + 2 * hour)])
        #expect(throws: SilenceError.invalid("end time must not be before start time")) {
            try silences.set(silence(id: "old", startsAt: now - hour, endsAt: now - second), now: now, newID: { "new" })
        }
        #expect(silences.byID["new"] == nil)
    }

    @Test func anUnknownIDIsNotFound() {
        var silences = Silences()
        #expect(throws: SilenceError.notFound("some_id")) {
            try silences.set(silence(id: "some_id", startsAt: now, endsAt: now + hour), now: now, newID: { "new" })
        }
        #expect(SilenceError.notFound("some_id").description == "silence not found")
    }

    @Test func anUnknownIDIsNotFoundBeforeTheSilenceIsValidated() {
        // TestSilencesSetFail: Alertmanager looks the id up before validating anything.
        var silences = Silences()
        #expect(throws: SilenceError.notFound("some_id")) {
            try silences.set(silence([], id: "some_id", startsAt: now, endsAt: now + hour), now: now, newID: { "new" })
        }
    }

    private static let validationCases: [ValidationCase] = [
        ValidationCase(
            why: "no matchers", silence: silence([], startsAt: now, endsAt: now + hour),
            message: "at least one matcher required"),
        ValidationCase(
            why: "an invalid label name",
            silence: silence([.equal("a", "b"), .equal("00", "b")], startsAt: now, endsAt: now + hour),
            message: #"invalid label matcher 1: invalid label name "00""#),
        ValidationCase(
            why: "every matcher matches the empty string",
            silence: silence(
                [.equal("a", ""), try! LabelMatcher("b", .regexMatch, ".*")], startsAt: now, endsAt: now + hour),
            message: "at least one matcher must not match the empty string"),
        ValidationCase(
            why: "the end before the start", silence: silence(startsAt: now + hour, endsAt: now + hour - second),
            message: "end time must not be before start time"),
    ]

    @Test(arguments: validationCases)
    fileprivate func invalidSilencesAreRefusedWithAlertmanagersMessage(_ testCase: ValidationCase) {
        var silences = Silences()
        #expect(throws: SilenceError.invalid(testCase.message)) {
            try silences.set(testCase.silence, now: now, newID: { "new" })
        }
        #expect(SilenceError.invalid(testCase.message).description == testCase.message)
        #expect(silences.byID.isEmpty)
    }

    @Test func aSilenceMayEndWhereItStarts() throws {
        var silences = Silences()
        let result = try silences.set(silence(startsAt: now, endsAt: now), now: now, newID: { "new" })
        #expect(result.id == "new")
        #expect(silences.byID["new"]?.state(at: now) == .expired)
    }

    @Test func expiringEndsActiveSilencesNowAndPendingOnesBeforeTheyStart() throws {
        let pending = silence(id: "pending", startsAt: now + minute, endsAt: now + hour, updatedAt: now - hour)
        let active = silence(id: "active", startsAt: now - minute, endsAt: now + hour, updatedAt: now - hour)
        let expired = silence(id: "expired", startsAt: now - hour, endsAt: now - minute, updatedAt: now - hour)
        var silences = Silences([pending, active, expired], retention: hour)
        #expect(silences.counts(at: now) == [.pending: 1, .active: 1, .expired: 1])

        #expect(
            try silences.expire(id: "pending", now: now)
                == silence(id: "pending", startsAt: now, endsAt: now, updatedAt: now))
        #expect(
            try silences.expire(id: "active", now: now)
                == silence(id: "active", startsAt: now - minute, endsAt: now, updatedAt: now))
        // Alertmanager's Expire returns nil for an expired silence and changes nothing; Vigil says so
        // (the API answers 200 either way) and changes nothing either.
        #expect(throws: SilenceError.alreadyExpired("expired")) { try silences.expire(id: "expired", now: now) }
        #expect(silences.byID["expired"] == expired)

        #expect(silences.byID["pending"]?.state(at: now) == .expired)
        #expect(silences.counts(at: now + second) == [.pending: 0, .active: 0, .expired: 3])
    }

    @Test func expiringAnUnknownSilenceIsNotFound() {
        var silences = Silences()
        #expect(throws: SilenceError.notFound("nope")) { try silences.expire(id: "nope", now: now) }
    }

    @Test func withZeroRetentionExpiredSilencesAreCollectedOnceTheyEnd() throws {
        var silences = Silences(
            [
                silence(id: "pending", startsAt: now + minute, endsAt: now + hour),
                silence(id: "active", startsAt: now - minute, endsAt: now + hour),
                silence(id: "expired", startsAt: now - hour, endsAt: now - minute),
            ], retention: 0)
        try silences.expire(id: "pending", now: now + 1)
        try silences.expire(id: "active", now: now + 1)
        #expect(silences.counts(at: now + 2) == [.pending: 0, .active: 0, .expired: 3])
        #expect(Set(silences.collectGarbage(now: now + 2)) == ["pending", "active", "expired"])
        #expect(silences.byID.isEmpty)
    }

    @Test func garbageCollectionForgetsSilencesOnceTheirRetentionIsOver() {
        var silences = Silences(
            [
                silence(id: "1", startsAt: now - 2 * hour, endsAt: now - hour),
                silence(id: "2", startsAt: now - 2 * hour, endsAt: now - hour - second),
                silence(id: "3", startsAt: now - 2 * hour, endsAt: now - hour + second),
                silence(id: "active", startsAt: now - 2 * hour, endsAt: now + hour),
            ], retention: hour)
        #expect(Set(silences.collectGarbage(now: now)) == ["1", "2"])
        #expect(Set(silences.byID.keys) == ["3", "active"])
    }

    @Test func onlyActiveMatchingSilencesSilenceAsAlertmanagersTestSilencer() throws {
        var silences = Silences(retention: hour)
        let ids = IDs()
        let foobar = Labels(["foo": "bar"])
        #expect(silences.silencing(foobar, at: now).isEmpty)

        _ = try silences.set(
            silence([.equal("foo", "baz")], startsAt: now - hour, endsAt: now + 5 * minute), now: now, newID: ids.make)
        #expect(silences.silencing(foobar, at: now).isEmpty)

        let first = try silences.set(
            silence([.equal("foo", "bar")], startsAt: now - hour, endsAt: now + 5 * minute), now: now, newID: ids.make)
        #expect(silences.silencing(foobar, at: now) == [first.id])

        // An hour later it has expired.
        let later = now + hour
        #expect(silences.silencing(foobar, at: later).isEmpty)

        // "Updated" to start in the future: a new, pending silence.
        let future = try silences.set(
            silence([.equal("foo", "bar")], id: first.id, startsAt: later + hour, endsAt: later + 3 * hour), now: later,
            newID: ids.make)
        #expect(future.id != first.id)
        #expect(silences.silencing(foobar, at: later).isEmpty)

        // Two hours later it is active (Alertmanager issue #2426).
        let activated = later + 2 * hour
        #expect(silences.silencing(foobar, at: activated) == [future.id])

        let overlapping = try silences.set(
            silence(
                [try LabelMatcher("foo", .regexMatch, "b..")], startsAt: activated + hour, endsAt: activated + 3 * hour),
            now: activated, newID: ids.make)
        #expect(silences.silencing(foobar, at: activated) == [future.id])

        // Two more hours: the first has ended and the overlapping one has started.
        #expect(silences.silencing(foobar, at: activated + 2 * hour) == [overlapping.id])
    }

    @Test func silencingNamesEveryActiveSilenceSorted() {
        let silences = Silences([
            silence([.equal("a", "b")], id: "b-silence", startsAt: now - hour, endsAt: now + hour),
            silence(
                [try! LabelMatcher("a", .regexMatch, "b|c")], id: "a-silence", startsAt: now - hour, endsAt: now + hour),
            silence([.equal("a", "c")], id: "other", startsAt: now - hour, endsAt: now + hour),
        ])
        #expect(silences.silencing(Labels(["a": "b", "x": "y"]), at: now) == ["a-silence", "b-silence"])
    }

    @Test(
        arguments: [
            (hour, 2 * hour, SilenceState.pending),
            (0, hour, .active),
            (-hour, 1, .active),
            (-hour, 0, .expired),
            (0, 0, .expired),
            (-2 * hour, -hour, .expired),
        ] as [(Int64, Int64, SilenceState)])
    func aSilencesStateIsWhatTheAPIShows(startOffset: Int64, endOffset: Int64, state: SilenceState) {
        #expect(silence(startsAt: now + startOffset, endsAt: now + endOffset).state(at: now) == state)
    }

    @Test func silencesAreListedNewestUpdateFirst() {
        let silences = Silences([
            silence(id: "old", startsAt: now, endsAt: now + hour, updatedAt: now - hour),
            silence(id: "new", startsAt: now, endsAt: now + hour, updatedAt: now),
            silence(id: "middle", startsAt: now, endsAt: now + hour, updatedAt: now - minute),
        ])
        #expect(silences.all.map(\.id) == ["new", "middle", "old"])
    }
}
