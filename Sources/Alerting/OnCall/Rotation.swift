import Foundation

/// An on-call rotation (`oncall:` in `rules/escalation.yml`): members take shifts in turn, handing
/// off at a local wall-clock time, with overrides for swaps. An escalation step naming
/// `oncall:<rotation>` pages whoever is on call when the step is taken.
///
/// Shifts are counted on the wall clock of the rotation's time zone (the program's unless it names
/// one), so a shift that spans a daylight-saving change still hands off at the same local time: that
/// shift is an hour shorter or longer in real time.
public struct Rotation: Sendable, Equatable {
    public var name: String
    /// Receiver names, in turn order.
    public var members: [String]
    /// Wall-clock length of a shift (s): 86,400 for `daily`, 604,800 for `weekly`.
    public var shiftSeconds: Int64
    /// The first shift's start as a local wall-clock time, in seconds since 1970-01-01T00:00 local.
    public var startLocal: Int64
    /// Nil: the program's time zone.
    public var timeZone: TimeZone?
    public var overrides: [RotationOverride]

    public init(
        name: String, members: [String], shiftSeconds: Int64, startLocal: Int64, timeZone: TimeZone? = nil,
        overrides: [RotationOverride] = []
    ) {
        self.name = name
        self.members = members
        self.shiftSeconds = shiftSeconds
        self.startLocal = startLocal
        self.timeZone = timeZone
        self.overrides = overrides
    }

    /// Who is on call at `instant` (ms) and from when until when (ms), judged in `zone` unless the
    /// rotation names its own. Before the first shift nobody is.
    public func shift(at instant: Int64, defaultZone zone: TimeZone) -> OnCallShift? {
        let zone = timeZone ?? zone
        let overrides = self.overrides.map { override in
            (
                member: override.member, start: LocalClock.instant(ofLocal: override.startLocal, in: zone),
                end: LocalClock.instant(ofLocal: override.endLocal, in: zone)
            )
        }
        // An override that covers the instant wins (the last listed, when they overlap).
        if let override = overrides.last(where: { $0.start <= instant && instant < $0.end }) {
            let regular = regularShift(at: instant, zone: zone)
            return OnCallShift(
                rotation: name, member: override.member, start: override.start, end: override.end,
                isOverride: true, replacing: regular?.member)
        }
        guard var shift = regularShift(at: instant, zone: zone) else { return nil }
        // An override starting inside the shift cuts it short; one ending inside it starts it late.
        for override in overrides where override.start > instant && override.start < shift.end {
            shift.end = override.start
        }
        for override in overrides where override.end <= instant && override.end > shift.start {
            shift.start = override.end
        }
        return shift
    }

    /// Who is on call at `instant` and who is next (the shift that follows, overrides included).
    public func nowAndNext(at instant: Int64, defaultZone zone: TimeZone) -> (now: OnCallShift?, next: OnCallShift?) {
        let current = shift(at: instant, defaultZone: zone)
        let nextStart = current?.end ?? firstShiftStart(zone: timeZone ?? zone)
        guard let nextStart, nextStart > instant || current == nil else { return (current, nil) }
        return (current, shift(at: max(nextStart, instant), defaultZone: zone))
    }

    private func regularShift(at instant: Int64, zone: TimeZone) -> OnCallShift? {
        guard !members.isEmpty, shiftSeconds > 0 else { return nil }
        let local = LocalClock.local(ofMilliseconds: instant, in: zone)
        let elapsed = local - startLocal
        guard elapsed >= 0 else { return nil }
        let index = elapsed / shiftSeconds
        let start = LocalClock.instant(ofLocal: startLocal + index * shiftSeconds, in: zone)
        let end = LocalClock.instant(ofLocal: startLocal + (index + 1) * shiftSeconds, in: zone)
        return OnCallShift(
            rotation: name, member: members[Int(index % Int64(members.count))], start: start, end: end,
            isOverride: false, replacing: nil)
    }

    private func firstShiftStart(zone: TimeZone) -> Int64? {
        members.isEmpty ? nil : LocalClock.instant(ofLocal: startLocal, in: zone)
    }
}

/// `{member, start, end}`: someone else covers a stretch (a swap for a conference), the times local
/// wall-clock readings in the rotation's zone.
public struct RotationOverride: Sendable, Equatable {
    public var member: String
    /// Seconds since 1970-01-01T00:00 local.
    public var startLocal: Int64
    public var endLocal: Int64

    public init(member: String, startLocal: Int64, endLocal: Int64) {
        self.member = member
        self.startLocal = startLocal
        self.endLocal = endLocal
    }
}

/// One person's stretch on call.
public struct OnCallShift: Sendable, Equatable {
    public var rotation: String
    public var member: String
    /// ms.
    public var start: Int64
    /// ms.
    public var end: Int64
    public var isOverride: Bool
    /// For an override: who would have been on call.
    public var replacing: String?
}

/// Local wall-clock time as seconds since 1970-01-01T00:00 in a zone, and back.
public enum LocalClock {
    /// The wall-clock reading at `milliseconds` (floored to the second).
    public static func local(ofMilliseconds milliseconds: Int64, in zone: TimeZone) -> Int64 {
        let seconds = floorDiv(milliseconds, 1000)
        return seconds + Int64(zone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(seconds))))
    }

    /// The instant (ms) the wall clock reads `local`. A reading the spring-forward gap skips is taken
    /// as that much later (02:30 on the night clocks jump from 02:00 to 03:00 is 03:30); a reading the
    /// fall-back repeats is its first occurrence.
    public static func instant(ofLocal local: Int64, in zone: TimeZone) -> Int64 {
        // The offsets in force a day either side bracket the answer.
        let before = Int64(zone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(local - 86_400))))
        let after = Int64(zone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(local + 86_400))))
        var candidates: [Int64] = []
        for offset in Set([before, after]) {
            let utc = local - offset
            if self.local(ofMilliseconds: utc * 1000, in: zone) == local { candidates.append(utc) }
        }
        if let first = candidates.min() { return first * 1000 }
        // In the gap: read with the offset from before the jump.
        return (local - min(before, after)) * 1000
    }

    static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
        a >= 0 ? a / b : (a - b + 1) / b
    }
}
