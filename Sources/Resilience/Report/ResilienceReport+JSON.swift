import Schedule

/// The report as JSON, for scripts and `GET /api/v1/resilience/report`. The top-level keys and their
/// shapes are a contract (tested); new keys may be added, none renamed.
extension ResilienceReport {
    public func json(pretty: Bool = true) -> String {
        var out = JSONText(pretty: pretty)
        out.object { json in
            json.string("program", program)
            json.object("window") {
                $0.string("from", window.from.description)
                $0.int("days", window.days)
            }
            json.object("utilization") {
                $0.number("rate", utilization.rate)
                $0.int("level", utilization.level.rawValue)
                $0.string("level_name", utilization.level.description)
                $0.number("buffer_remaining", utilization.bufferRemaining)
                $0.int("required_sessions", utilization.required)
                $0.int("capacity_sessions", utilization.capacity)
            }
            json.number("coverage_rate", coverage.rate)
            json.int("coverage_gap_slots", coverage.gapSlots)
            json.object("faculty") {
                $0.int("total", faculty.total)
                $0.int("on_duty", faculty.onDuty)
                $0.int("on_leave", faculty.onLeave)
            }
            json.object("defense_level") { writeDefense(&$0) }
            json.object("n1") {
                $0.bool("compliant", contingency.n1Compliant)
                $0.array("single_points_of_failure") { list in
                    for point in contingency.singlePointsOfFailure {
                        list.object {
                            $0.string("person", point.person)
                            $0.int("unfillable_slots", point.unfillableSlots)
                        }
                    }
                }
            }
            if let pairs = contingency.fatalPairs {
                json.object("n2") {
                    $0.bool("compliant", contingency.n2Compliant)
                    $0.array("fatal_pairs") { list in
                        for pair in pairs {
                            list.object {
                                $0.array("people") { people in for person in pair.people { people.string(nil, person) }
                                }
                                $0.int("unfillable_slots", pair.unfillableSlots)
                            }
                        }
                    }
                }
            } else {
                json.null("n2")
            }
            json.object("load_shedding") { writeShedding(&$0) }
            json.object("timings") {
                $0.number("index_seconds", timings.index)
                $0.number("contingency_seconds", timings.contingency)
                $0.number("acgme_seconds", timings.acgme)
                $0.number("shedding_seconds", timings.shedding)
                $0.number("fallbacks_seconds", timings.fallbacks)
                $0.number("total_seconds", timings.total)
            }
        }
        return out.text + (pretty ? "\n" : "")
    }

    private func writeDefense(_ json: inout JSONText) {
        json.int("level", defense.level.rawValue)
        json.string("name", defense.level.description)
        json.number("weighted_score", defense.weightedScore)
        json.bool("floored_by_worst_dimension", defense.flooredByWorstDimension)
        json.array("drivers") { list in
            for driver in defense.drivers {
                list.object {
                    $0.string("dimension", driver.dimension.rawValue)
                    $0.number("value", driver.value)
                    $0.int("score", driver.score)
                    $0.number("weight", driver.weight)
                    $0.number("contribution", driver.contribution)
                }
            }
        }
    }

    private func writeShedding(_ json: inout JSONText) {
        json.int("level", shedding.level.rawValue)
        json.string("name", shedding.level.description)
        json.int("suspended_activities", shedding.suspendedActivities)
        if let recommended = shedding.recommendedLevel {
            json.int("recommended_level", recommended.rawValue)
            json.string("recommended_name", recommended.description)
        } else {
            json.null("recommended_level")
        }
        json.array("levels") { list in
            for effect in shedding.levels {
                list.object {
                    $0.int("level", effect.level.rawValue)
                    $0.number("utilization", effect.utilization)
                    $0.int("coverage_gap_slots", effect.coverageGapSlots)
                    $0.int("suspended_activities", effect.suspendedActivities)
                }
            }
        }
        if let fallback = state.activeFallback {
            json.string("active_fallback", fallback.rawValue)
        } else {
            json.null("active_fallback")
        }
    }
}
