import GRDB

/// The schema's history, one migration per change, never edited once released.
///
/// GRDB records applied migrations by identifier; a database that holds an identifier this list
/// does not know was written by a newer Vigil and is refused rather than guessed at.
enum Migrations {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1_audit_log") { db in
            try db.create(table: "audit_log") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("at", .double).notNull()
                table.column("actor", .text).notNull()
                table.column("action", .text).notNull()
                table.column("details", .text).notNull().defaults(to: "{}")
                    .check(sql: "json_valid(details)")
            }
            try db.create(index: "audit_log_at", on: "audit_log", columns: ["at"])
        }
        // The schedule last pushed over `PUT /api/v1/schedule` (one row: only the one in force is
        // kept), with the schedule file's identity at push time so a restart knows which is newer.
        migrator.registerMigration("v2_schedule_snapshot") { db in
            try db.create(table: "schedule_snapshot") { table in
                table.column("id", .integer).primaryKey().check(sql: "id = 1")
                table.column("pushed_at", .double).notNull()
                table.column("actor", .text).notNull()
                table.column("body", .blob).notNull()
                table.column("file_path", .text).notNull()
                table.column("file_stamp", .text)
            }
        }
        // The resilience engine's state operators decide (load-shedding level, active fallback).
        migrator.registerMigration("v3_resilience_state") { db in
            try db.create(table: "resilience_state") { table in
                table.column("id", .integer).primaryKey().check(sql: "id = 1")
                table.column("load_shedding_level", .integer).notNull().check(
                    sql: "load_shedding_level BETWEEN 0 AND 5")
                table.column("active_fallback", .text)
                table.column("updated_at", .double).notNull()
                table.column("actor", .text).notNull()
            }
        }
        // Active alerts of each rule group, replaced after every group evaluation and restored at start.
        migrator.registerMigration("v4_alert_state") { db in
            try db.create(table: "alert_state") { table in
                table.column("group_key", .text).notNull()
                table.column("rule", .text).notNull()
                table.column("labels", .text).notNull()
                table.column("annotations", .text).notNull()
                table.column("state", .text).notNull()
                table.column("value", .text).notNull()
                table.column("active_at", .integer).notNull()
                table.column("fired_at", .integer)
                table.column("resolved_at", .integer)
                table.column("keep_firing_since", .integer)
                table.column("saved_at", .integer).notNull()
            }
            try db.create(index: "alert_state_by_group", on: "alert_state", columns: ["group_key"])
        }
        // The alerting pipeline: alerts posted to the API, silences, the notification log, and the outbox of
        // messages to deliver (written in the same transaction as the log entries that decided them).
        migrator.registerMigration("v5_alerting") { db in
            try db.create(table: "pipeline_alert") { table in
                table.column("fingerprint", .text).primaryKey()
                table.column("labels", .text).notNull()
                table.column("annotations", .text).notNull()
                table.column("starts_at", .integer).notNull()
                table.column("ends_at", .integer).notNull()
                table.column("generator_url", .text).notNull()
                table.column("updated_at", .integer).notNull()
                table.column("timeout", .boolean).notNull()
            }
            try db.create(table: "silence") { table in
                table.column("id", .text).primaryKey()
                table.column("matchers", .text).notNull()
                table.column("starts_at", .integer).notNull()
                table.column("ends_at", .integer).notNull()
                table.column("updated_at", .integer).notNull()
                table.column("created_by", .text).notNull()
                table.column("comment", .text).notNull()
            }
            try db.create(table: "notification_log") { table in
                table.column("receiver", .text).notNull()
                table.column("integration", .text).notNull()
                table.column("group_key", .text).notNull()
                table.column("firing", .text).notNull()
                table.column("resolved", .text).notNull()
                table.column("timestamp", .integer).notNull()
                table.column("expires_at", .integer).notNull()
                table.primaryKey(["receiver", "integration", "group_key"])
            }
            try db.create(table: "outbox") { table in
                table.autoIncrementedPrimaryKey("seq")
                table.column("id", .text).notNull().unique()
                table.column("receiver", .text).notNull()
                table.column("integration", .text).notNull()
                table.column("group_key", .text).notNull()
                table.column("body", .blob).notNull()
                table.column("status", .text).notNull()
                table.column("alert_count", .integer).notNull()
                table.column("created_at", .integer).notNull()
                table.column("first_fired_at", .integer)
                table.column("attempts", .integer).notNull()
                table.column("next_attempt_at", .integer).notNull()
                table.column("state", .text).notNull().check(sql: "state IN ('pending', 'delivered', 'dead')")
                table.column("last_error", .text)
                table.column("delivered_at", .integer)
            }
            try db.create(
                index: "outbox_pending", on: "outbox",
                columns: ["state", "receiver", "integration", "group_key", "seq"])
            try db.create(index: "outbox_next_attempt", on: "outbox", columns: ["state", "next_attempt_at"])
        }
        // Alert state saved incrementally: one row per alert (rule and labels), replaced or deleted when
        // it changes, and a per-group heartbeat carrying the evaluation time the group was last saved at.
        migrator.registerMigration("v6_alert_state_incremental") { db in
            try db.execute(
                sql: """
                    DELETE FROM alert_state WHERE rowid NOT IN
                        (SELECT max(rowid) FROM alert_state GROUP BY group_key, rule, labels)
                    """)
            try db.create(
                index: "alert_state_identity", on: "alert_state", columns: ["group_key", "rule", "labels"], unique: true
            )
            try db.create(table: "alert_group_saved") { table in
                table.column("group_key", .text).primaryKey()
                table.column("saved_at", .integer).notNull()
            }
        }
        // How many schedule slots each new schedule version changed, and when: the churn behind the
        // phase-transition risk (slots changed in the last 7 days). Rows older than 30 days are pruned.
        migrator.registerMigration("v7_schedule_change") { db in
            try db.create(table: "schedule_change") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("at", .double).notNull()
                table.column("slots_changed", .integer).notNull().check(sql: "slots_changed >= 0")
                table.column("source", .text).notNull()
            }
            try db.create(index: "schedule_change_at", on: "schedule_change", columns: ["at"])
        }
        // Each escalating (or acknowledged) alert group: the policy's plan frozen as JSON when the
        // escalation started, the steps taken, the acknowledgement and the time spent acknowledged.
        migrator.registerMigration("v8_escalation") { db in
            try db.create(table: "escalation") { table in
                table.column("route_id", .text).notNull()
                table.column("group_key", .text).notNull()
                table.column("route_receiver", .text).notNull()
                table.column("plan", .text).check(sql: "plan IS NULL OR json_valid(plan)")
                table.column("started_at", .integer).notNull()
                table.column("steps_taken", .integer).notNull().check(sql: "steps_taken >= 0")
                table.column("acked_by", .text)
                table.column("acked_at", .integer)
                table.column("acked_via", .text)
                table.column("paused_for", .integer).notNull()
                table.primaryKey(["route_id", "group_key"])
            }
        }
        // Request ids of signed acknowledgements already taken (replays are refused); pruned after a day.
        migrator.registerMigration("v9_ack_request") { db in
            try db.create(table: "ack_request") { table in
                table.column("id", .text).primaryKey()
                table.column("seen_at", .integer).notNull()
            }
            try db.create(index: "ack_request_seen_at", on: "ack_request", columns: ["seen_at"])
            // Alerts resolved by hand: the firing episode (its start) that stays resolved.
            try db.create(table: "manual_resolution") { table in
                table.column("fingerprint", .text).primaryKey()
                table.column("starts_at", .integer).notNull()
                table.column("resolved_at", .integer).notNull()
                table.column("resolved_by", .text).notNull()
            }
        }
        // Incidents: one row each (the incident as JSON, with the columns lists filter on) and its
        // timeline, append-only, one row per event in order.
        migrator.registerMigration("v10_incident") { db in
            try db.create(table: "incident") { table in
                table.column("id", .text).primaryKey()
                table.column("number", .integer).notNull().unique()
                table.column("incident_key", .text).notNull()
                table.column("severity", .text).notNull()
                table.column("phase", .text).notNull()
                table.column("detected_at", .integer).notNull()
                table.column("resolved_at", .integer)
                table.column("body", .text).notNull().check(sql: "json_valid(body)")
            }
            try db.create(index: "incident_phase", on: "incident", columns: ["phase"])
            try db.create(index: "incident_detected_at", on: "incident", columns: ["detected_at"])
            try db.create(table: "incident_event") { table in
                table.column("incident_id", .text).notNull().references("incident", onDelete: .cascade)
                table.column("seq", .integer).notNull()
                table.column("at", .integer).notNull()
                table.column("kind", .text).notNull()
                table.column("actor", .text).notNull()
                table.column("text", .text).notNull()
                table.column("details", .text).notNull().check(sql: "json_valid(details)")
                table.primaryKey(["incident_id", "seq"])
            }
        }
        // An incident's timeline reads its groups' notifications; a rollback after a restart needs
        // the schedule versions that were in force before it.
        migrator.registerMigration("v11_incident_history") { db in
            try db.create(index: "outbox_group", on: "outbox", columns: ["group_key", "created_at"])
            try db.create(table: "schedule_version") { table in
                table.autoIncrementedPrimaryKey("seq")
                table.column("installed_at", .double).notNull()
                table.column("origin", .text).notNull()
                table.column("body", .blob).notNull()
            }
        }
        return migrator
    }

    /// Identifiers of every migration this build knows, in order.
    static var identifiers: [String] { migrator.migrations }
}
