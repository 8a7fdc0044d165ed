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
                $0.bool("compliant", contingency.n1.compliant)
                $0.array("single_points_of_failure") { list in
                    for point in contingency.n1.singlePointsOfFailure {
                        list.object {
                            $0.string("person", point.person)
                            $0.int("unfillable_slots", point.unfillableSlots)
                        }
                    }
                }
            }
            if let n2 = contingency.n2 {
                json.object("n2") {
                    $0.bool("compliant", n2.compliant)
                    $0.array("fatal_pairs") { list in
                        for pair in n2.fatalPairs {
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
            json.object("hubs_summary") {
                $0.number("critical_threshold", hubs.criticalThreshold)
                $0.int("critical", hubs.criticalCount)
                $0.string("formula", HubScore.formula)
            }
            json.array("hubs") { list in
                for hub in hubs.top() { list.object { Self.writeHub(hub, &$0) } }
            }
            json.object("forecast") { forecast.write(&$0) }
            json.object("advice") { advice.write(&$0) }
            json.object("cascade") { cascade.write(&$0) }
            json.object("recovery") { recovery.write(&$0) }
            json.object("phase_transition") {
                $0.int("risk", phaseTransition.level.rawValue)
                $0.string("level", phaseTransition.level.description)
                $0.array("indicators") { list in
                    for indicator in phaseTransition.indicators { list.string(nil, indicator) }
                }
                $0.number("utilization", phaseTransition.utilization)
                if let churn = phaseTransition.churn {
                    $0.int("churn_slots_7d", churn)
                } else {
                    $0.null("churn_slots_7d")
                }
                $0.string("summary", phaseTransition.summary)
            }
            json.object("health") {
                $0.number("score", health.value)
                $0.number("defense", health.defensePart)
                $0.number("cascade", health.cascadePart)
                $0.number("recovery", health.recoveryPart)
                $0.string("formula", HealthScore.formula)
            }
            json.object("acgme") { writeACGME(&$0) }
            json.object("load_shedding") { writeShedding(&$0) }
            json.array("fallbacks") { list in
                for plan in fallbacks { list.object { writeFallback(plan, &$0) } }
            }
            json.object("timings") {
                $0.number("index_seconds", timings.index)
                $0.number("contingency_seconds", timings.contingency)
                $0.number("hubs_seconds", timings.hubs)
                $0.number("forecast_seconds", timings.forecast)
                $0.number("advice_seconds", timings.advice)
                $0.number("cascade_seconds", timings.cascade)
                $0.number("acgme_seconds", timings.acgme)
                $0.number("shedding_seconds", timings.shedding)
                $0.number("fallbacks_seconds", timings.fallbacks)
                $0.number("total_seconds", timings.total)
            }
        }
        return out.text + (pretty ? "\n" : "")
    }

    static func writeHub(_ hub: Hub, _ json: inout JSONText) {
        json.string("person", hub.person)
        json.number("score", hub.score)
        json.number("seed_score", hub.seedScore)
        json.int("n1_unfillable_slots", hub.n1UnfillableSlots)
        json.int("fatal_pairs", hub.fatalPairs)
        json.array("fatal_partners") { list in for id in hub.fatalPartners { list.string(nil, id) } }
        json.array("scarce_rotations") { list in for id in hub.scarceRotations { list.string(nil, id) } }
        json.array("only_qualified_rotations") { list in for id in hub.onlyQualifiedRotations { list.string(nil, id) } }
        json.int("sessions", hub.sessions)
        json.number("session_share", hub.sessionShare)
        json.int("covered_slots", hub.coveredSlots)
        if let perSlot = hub.substitutesPerSlot {
            json.number("substitutes_per_slot", perSlot)
        } else {
            json.null("substitutes_per_slot")
        }
        json.object("parts") {
            $0.number("n1", hub.parts.n1Part)
            $0.number("fatal_pairs", hub.parts.fatalPairPart)
            $0.number("scarcity", hub.parts.scarcityPart)
            $0.number("replacement", hub.parts.replacementPart)
            $0.number("workload", hub.parts.workloadPart)
        }
        json.string("why", hub.why)
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

    private func writeACGME(_ json: inout JSONText) {
        json.number("compliance_score", acgme.complianceScore)
        json.int("critical_violations", acgme.criticalCount)
        json.int("scheduled_blocks_without_faculty", acgme.scheduledBlocksWithoutFaculty)
        json.array("violations") { list in
            for violation in acgme.violations {
                list.object {
                    $0.string("rule", violation.rule.rawValue)
                    $0.string("severity", violation.severity.rawValue)
                    $0.string("person", violation.person)
                    $0.string("from", violation.first.description)
                    $0.string("to", violation.last.description)
                    if let session = violation.session { $0.string("session", session.rawValue) }
                    $0.number("measured", violation.measured)
                    $0.number("limit", violation.limit)
                    if !violation.residents.isEmpty {
                        $0.array("residents") { names in for name in violation.residents { names.string(nil, name) } }
                    }
                    $0.string("message", violation.message)
                }
            }
        }
        json.array("residents") { list in
            for figures in acgme.residents {
                list.object {
                    $0.string("resident", figures.resident)
                    $0.number("weekly_hours", figures.weeklyHours)
                    $0.number("four_week_average_hours", figures.fourWeekAverageHours)
                    $0.number("longest_continuous_hours", figures.longestContinuousHours)
                    $0.int("days_without_day_off", figures.daysWithoutDayOff)
                    $0.int("fewest_days_off_in_28_days", figures.fewestDaysOffIn28Days)
                }
            }
        }
    }

    private func writeFallback(_ plan: FallbackPlan, _ json: inout JSONText) {
        json.string("scenario", plan.scenario.rawValue)
        json.string("summary", plan.scenario.summary)
        json.bool("active", state.activeFallback == plan.scenario)
        json.array("lost_faculty") { list in for id in plan.lostFaculty { list.string(nil, id) } }
        json.array("suspended_categories") { list in
            for category in plan.suspendedCategories { list.string(nil, category.rawValue) }
        }
        json.int("suspended_activities", plan.suspendedActivities)
        json.number("coverage_without_repair", plan.coverageWithoutRepair)
        json.number("coverage_kept", plan.coverageKept)
        json.int("short_slots", plan.shortSlots)
        json.bool("healthy", plan.healthy)
        json.array("reassignments") { list in
            for step in plan.reassignments { list.object { Self.writeReassignment(step, &$0) } }
        }
    }

    static func writeReassignment(_ step: Reassignment, _ json: inout JSONText) {
        json.string("date", step.date.description)
        json.string("session", step.session.rawValue)
        json.string("rotation", step.rotation)
        json.string("person", step.person)
        if let replacing = step.replacing { json.string("replacing", replacing) } else { json.null("replacing") }
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
                    $0.int("gap_slots_after_repair", effect.gapSlotsAfterRepair)
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
