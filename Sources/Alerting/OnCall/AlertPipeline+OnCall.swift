/// Who is on call in one rotation at a time, and who is next.
public struct OnCallView: Sendable, Equatable {
    public var rotation: String
    public var now: OnCallShift?
    public var next: OnCallShift?
}

extension AlertPipeline {
    /// Every rotation's shift at `instant` (ms) and the one after, by rotation name.
    public func onCall(at instant: Int64) -> [OnCallView] {
        let zone = config.planner.timeZone
        return config.escalation.rotations.values.sorted { $0.name < $1.name }.map { rotation in
            let (now, next) = rotation.nowAndNext(at: instant, defaultZone: zone)
            return OnCallView(rotation: rotation.name, now: now, next: next)
        }
    }
}
