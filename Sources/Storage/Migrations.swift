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
        return migrator
    }

    /// Identifiers of every migration this build knows, in order.
    static var identifiers: [String] { migrator.migrations }
}
