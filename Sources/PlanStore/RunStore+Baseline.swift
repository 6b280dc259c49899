import GRDB
import PlanIO

extension RunStore {
    /// The schema every migration leads to, statement by statement as SQLite keeps it
    /// (`sqlite_master.sql`, in the order the migrations left it), for a new store: made in
    /// one transaction, where the eight migrations took eight, each rewriting the schema
    /// (about 10 ms of a new store's first run). `BaselineTests` holds it equal to what
    /// the migrations make; a new migration changes it too (the test prints the new text).
    static let currentSchema: [String] = [
        """
        CREATE TABLE runs (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            created_at TEXT NOT NULL,          -- UTC, YYYY-MM-DDTHH:MM:SSZ
            scenario TEXT NOT NULL,            -- the scenario's name
            scenario_path TEXT,                -- the file as given; NULL: the built-in example
            content_hash TEXT NOT NULL,        -- hash of the resolved settings
            overrides TEXT NOT NULL,           -- JSON array of the --set arguments, PATH=VALUE
            start TEXT NOT NULL,               -- YYYY-MM-DD
            horizon_days INTEGER NOT NULL,
            currency TEXT NOT NULL,
            plan_version TEXT NOT NULL,
            files_written TEXT,                -- what the summary's "Wrote" line lists
            store_path TEXT,                   -- this file, as plan simulate named it
            peak_used_bytes TEXT NOT NULL,     -- JSON object: target -> peak used bytes
            total_cost REAL NOT NULL,          -- sum of the month totals
            peak_monthly_cost REAL NOT NULL,   -- the largest month total
            kpi_statuses TEXT NOT NULL         -- JSON object: kpi -> subject -> pass|fail|info
        , kpis_failed INTEGER NOT NULL DEFAULT 0, kpis_checked INTEGER NOT NULL DEFAULT 0, version INTEGER NOT NULL DEFAULT 1, has_faults INTEGER NOT NULL DEFAULT 0, has_job_costs INTEGER NOT NULL DEFAULT 0)
        """,
        """
        CREATE INDEX runs_by_scenario ON runs(scenario, id)
        """,
        """
        CREATE TABLE monthly (
            run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
            month TEXT NOT NULL,
            target TEXT NOT NULL,
            days INTEGER NOT NULL,
            fixed_cost REAL NOT NULL,
            storage_cost REAL NOT NULL,
            request_cost REAL NOT NULL,
            total_cost REAL NOT NULL,
            gb_months REAL NOT NULL,
            put_requests INTEGER NOT NULL
        , get_requests INTEGER, list_requests INTEGER, egress_bytes INTEGER, egress_cost REAL, retrieval_cost REAL, early_delete_cost REAL, transition_cost REAL, noncurrent_gb_months REAL)
        """,
        """
        CREATE INDEX monthly_by_run ON monthly(run_id)
        """,
        """
        CREATE TABLE kpis (
            run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
            kpi TEXT NOT NULL,
            subject TEXT NOT NULL,
            "limit" REAL,
            worst REAL,
            unit TEXT NOT NULL,
            status TEXT NOT NULL,
            first_failure TEXT
        )
        """,
        """
        CREATE INDEX kpis_by_run ON kpis(run_id)
        """,
        """
        CREATE TABLE warnings (
            run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
            message TEXT NOT NULL
        )
        """,
        """
        CREATE INDEX warnings_by_run ON warnings(run_id)
        """,
        """
        CREATE TABLE settings (
            run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
            path TEXT NOT NULL,
            value TEXT NOT NULL
        )
        """,
        """
        CREATE INDEX settings_by_run ON settings(run_id)
        """,
        """
        CREATE TABLE target_summary (
            run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
            target TEXT NOT NULL,
            kind TEXT NOT NULL,
            usable_bytes REAL,
            peak_used_bytes REAL NOT NULL,
            peak_date TEXT,
            alert_date TEXT,
            full_date TEXT,
            needed_bytes REAL
        )
        """,
        """
        CREATE INDEX target_summary_by_run ON target_summary(run_id)
        """,
        """
        CREATE TABLE job_summary (
            run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
            job TEXT NOT NULL,
            target TEXT NOT NULL,
            peak_stored_bytes REAL NOT NULL,
            mean_daily_upload_bytes REAL NOT NULL,
            final_restore_points INTEGER NOT NULL
        )
        """,
        """
        CREATE INDEX job_summary_by_run ON job_summary(run_id)
        """,
        """
        CREATE TABLE workload_summary (
            run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
            workload TEXT NOT NULL,
            peak_size_bytes REAL NOT NULL,
            volume_bytes REAL,
            alert_date TEXT,
            full_date TEXT
        )
        """,
        """
        CREATE INDEX workload_summary_by_run ON workload_summary(run_id)
        """,
        """
        CREATE TABLE drills (
            run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
            date TEXT NOT NULL,
            time TEXT NOT NULL,                -- HH:MM:SS UTC
            drill TEXT NOT NULL,
            workload TEXT NOT NULL,
            job TEXT NOT NULL,
            target TEXT NOT NULL,              -- the target read
            bytes_read INTEGER NOT NULL,
            get_requests INTEGER NOT NULL,
            egress_bytes INTEGER NOT NULL,
            egress_cost REAL NOT NULL,
            retrieval_cost REAL NOT NULL,
            retrieval_seconds REAL NOT NULL,
            restore_seconds REAL NOT NULL      -- Inf without a restore point
        )
        """,
        """
        CREATE INDEX drills_by_run ON drills(run_id)
        """,
        """
        CREATE TABLE jobs (
            run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
            month TEXT NOT NULL,
            job TEXT NOT NULL,
            tier TEXT NOT NULL,
            target TEXT NOT NULL,
            workload TEXT NOT NULL,            -- empty for a Velero resources row
            gb_months REAL NOT NULL,
            put_requests INTEGER NOT NULL,
            fixed_cost REAL NOT NULL,
            storage_cost REAL NOT NULL,
            request_cost REAL NOT NULL,
            egress_cost REAL NOT NULL,
            retrieval_cost REAL NOT NULL,
            early_delete_cost REAL NOT NULL,
            transition_cost REAL NOT NULL,
            total_cost REAL NOT NULL
        )
        """,
        """
        CREATE INDEX jobs_by_run ON jobs(run_id)
        """,
        """
        CREATE TABLE run_days (
            run_id INTEGER NOT NULL,           -- runs.id
            day INTEGER NOT NULL,
            date TEXT NOT NULL,                -- YYYY-MM-DD
            PRIMARY KEY (run_id, day)
        ) WITHOUT ROWID
        """,
        """
        CREATE TABLE daily_keys (
            run_id INTEGER NOT NULL,           -- runs.id
            row INTEGER NOT NULL,              -- the row's place in a day, in the CSV's order
            job TEXT NOT NULL,
            tier TEXT NOT NULL,
            target TEXT NOT NULL,
            workload TEXT NOT NULL,            -- '' for a Velero resources row
            PRIMARY KEY (run_id, row)
        ) WITHOUT ROWID
        """,
        """
        CREATE TABLE workloads_keys (
            run_id INTEGER NOT NULL,           -- runs.id
            row INTEGER NOT NULL,
            workload TEXT NOT NULL,
            kind TEXT NOT NULL,
            PRIMARY KEY (run_id, row)
        ) WITHOUT ROWID
        """,
        """
        CREATE TABLE targets_keys (
            run_id INTEGER NOT NULL,           -- runs.id
            row INTEGER NOT NULL,
            target TEXT NOT NULL,
            kind TEXT NOT NULL,
            PRIMARY KEY (run_id, row)
        ) WITHOUT ROWID
        """,
        """
        CREATE TABLE faults_keys (
            run_id INTEGER NOT NULL,           -- runs.id
            row INTEGER NOT NULL,
            job TEXT NOT NULL,
            workload TEXT,                     -- the CNPG job's workload; NULL for other jobs
            PRIMARY KEY (run_id, row)
        ) WITHOUT ROWID
        """,
        """
        CREATE TABLE "workloads_values" (
            id INTEGER PRIMARY KEY,            -- run_id << 40 | day << 20 | row
            size_bytes INTEGER NOT NULL,
            volume_bytes INTEGER,
            wal_bytes INTEGER,
            rto_seconds REAL
        )
        """,
        """
        CREATE VIEW workloads AS
            SELECT t.run_id, t.date, t.day, k.workload, k.kind,
                v.size_bytes, v.volume_bytes, v.wal_bytes, v.rto_seconds
            FROM run_days t JOIN workloads_keys k ON k.run_id = t.run_id
                JOIN workloads_values v ON v.id = ((t.run_id << 40) | (t.day << 20) | k.row)
        """,
        """
        CREATE TRIGGER workloads_delete INSTEAD OF DELETE ON workloads BEGIN
            DELETE FROM workloads_values WHERE id = ((OLD.run_id << 40) | (OLD.day << 20) | (SELECT row FROM workloads_keys WHERE run_id = OLD.run_id AND workload = OLD.workload));
        END
        """,
        """
        CREATE TABLE "targets_values" (
            id INTEGER PRIMARY KEY,            -- run_id << 40 | day << 20 | row
            used_bytes INTEGER NOT NULL,
            usable_bytes INTEGER,
            used_share REAL,
            noncurrent_bytes INTEGER
        )
        """,
        """
        CREATE VIEW targets AS
            SELECT t.run_id, t.date, t.day, k.target, k.kind,
                v.used_bytes, v.usable_bytes, v.used_share, v.noncurrent_bytes
            FROM run_days t JOIN targets_keys k ON k.run_id = t.run_id
                JOIN targets_values v ON v.id = ((t.run_id << 40) | (t.day << 20) | k.row)
        """,
        """
        CREATE TRIGGER targets_delete INSTEAD OF DELETE ON targets BEGIN
            DELETE FROM targets_values WHERE id = ((OLD.run_id << 40) | (OLD.day << 20) | (SELECT row FROM targets_keys WHERE run_id = OLD.run_id AND target = OLD.target));
        END
        """,
        """
        CREATE TABLE "faults_values" (
            id INTEGER PRIMARY KEY,            -- run_id << 40 | day << 20 | row
            runs_scheduled INTEGER NOT NULL,
            runs_failed INTEGER NOT NULL,
            wal_held_bytes INTEGER,
            pg_wal_peak_bytes INTEGER
        )
        """,
        """
        CREATE VIEW faults AS
            SELECT t.run_id, t.date, t.day, k.job, k.workload,
                v.runs_scheduled, v.runs_failed, v.wal_held_bytes, v.pg_wal_peak_bytes
            FROM run_days t JOIN faults_keys k ON k.run_id = t.run_id
                JOIN faults_values v ON v.id = ((t.run_id << 40) | (t.day << 20) | k.row)
        """,
        """
        CREATE TRIGGER faults_delete INSTEAD OF DELETE ON faults BEGIN
            DELETE FROM faults_values WHERE id = ((OLD.run_id << 40) | (OLD.day << 20) | (SELECT row FROM faults_keys WHERE run_id = OLD.run_id AND job = OLD.job));
        END
        """,
        """
        CREATE TABLE daily_days (
            id INTEGER PRIMARY KEY,            -- run_id << 20 | day
            rows INTEGER NOT NULL,             -- the day's rows in vals (a DELETE on the view takes one)
            vals TEXT NOT NULL                 -- JSON: per daily_keys.row, its numbers in the CSV's order
        )
        """,
        """
        CREATE VIEW daily AS
            SELECT t.run_id, t.date, t.day, k.job, k.tier, k.target, k.workload,
                json_extract(j.value, '$[0]') AS restore_points,
                json_extract(j.value, '$[1]') AS stored_bytes,
                json_extract(j.value, '$[2]') AS raw_bytes,
                json_extract(j.value, '$[3]') AS uploaded_bytes,
                json_extract(j.value, '$[4]') AS objects,
                json_extract(j.value, '$[5]') AS put_requests,
                json_extract(j.value, '$[6]') AS deleted_bytes,
                json_extract(j.value, '$[7]') AS noncurrent_bytes
            FROM run_days t CROSS JOIN daily_days d ON d.id = ((t.run_id << 20) | t.day)
                CROSS JOIN json_each(d.vals) j CROSS JOIN daily_keys k ON k.run_id = t.run_id AND k.row = j.key
            WHERE j.type = 'array'
        """,
        """
        CREATE TRIGGER daily_delete INSTEAD OF DELETE ON daily BEGIN
            UPDATE daily_days SET rows = rows - 1, vals = json_replace(vals, '$[' || (
                SELECT row FROM daily_keys
                WHERE run_id = OLD.run_id AND job = OLD.job AND target = OLD.target AND workload = OLD.workload) || ']', NULL)
            WHERE id = ((OLD.run_id << 20) | OLD.day);
        END
        """,
        """
        CREATE TRIGGER runs_delete AFTER DELETE ON runs BEGIN
            DELETE FROM settings WHERE run_id = OLD.id;
            DELETE FROM warnings WHERE run_id = OLD.id;
            DELETE FROM monthly WHERE run_id = OLD.id;
            DELETE FROM kpis WHERE run_id = OLD.id;
            DELETE FROM target_summary WHERE run_id = OLD.id;
            DELETE FROM job_summary WHERE run_id = OLD.id;
            DELETE FROM workload_summary WHERE run_id = OLD.id;
            DELETE FROM drills WHERE run_id = OLD.id;
            DELETE FROM jobs WHERE run_id = OLD.id;
            DELETE FROM run_days WHERE run_id = OLD.id;
            DELETE FROM daily_keys WHERE run_id = OLD.id;
            DELETE FROM daily_days WHERE id BETWEEN (OLD.id << 20) AND ((OLD.id << 20) | 1048575);
            DELETE FROM workloads_keys WHERE run_id = OLD.id;
            DELETE FROM workloads_values WHERE id BETWEEN ((OLD.id << 40) | (0 << 20) | 0) AND ((OLD.id << 40) | (1048575 << 20) | 1048575);
            DELETE FROM targets_keys WHERE run_id = OLD.id;
            DELETE FROM targets_values WHERE id BETWEEN ((OLD.id << 40) | (0 << 20) | 0) AND ((OLD.id << 40) | (1048575 << 20) | 1048575);
            DELETE FROM faults_keys WHERE run_id = OLD.id;
            DELETE FROM faults_values WHERE id BETWEEN ((OLD.id << 40) | (0 << 20) | 0) AND ((OLD.id << 40) | (1048575 << 20) | 1048575);
        END
        """,
    ]
}

extension RunStore {
    /// Makes a new store's schema at once: `currentSchema`, the application id, and every
    /// migration marked done in GRDB's own table, in one immediate transaction. Another
    /// process that made the store first wins: a file that has tables by then is left to
    /// the migrator, which finds it current.
    static func createCurrent(_ db: Database, migrator: DatabaseMigrator) throws {
        // Takes effect only while the file is empty (no-op when another process made it).
        try db.execute(sql: "PRAGMA page_size = \(pageSize)")
        try db.inTransaction(.immediate) {
            try createSchema(db, migrator: migrator) ? .commit : .rollback
        }
    }

    /// Inside a transaction that writes: makes the current schema when the file has no
    /// table at all; false (nothing done) when it has some.
    static func createSchema(_ db: Database, migrator: DatabaseMigrator) throws -> Bool {
        let tables = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") ?? 0
        guard tables == 0 else { return false }
        try db.execute(sql: "PRAGMA application_id = \(applicationID)")
        try db.execute(sql: "CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY)")
        for statement in currentSchema { try db.execute(sql: statement) }
        for identifier in migrator.migrations {
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES (?)", arguments: [identifier])
        }
        return true
    }

    /// Inside a run's transaction, for a store that was empty when it was opened for the
    /// run (`RunStore.openForRecording`): makes the schema, unless another process made
    /// the store since; a store another program or `plan` made meanwhile must be the
    /// current plan run store, or the run is not recorded.
    static func createForRun(_ db: Database, path: String, migrator: DatabaseMigrator) throws {
        guard try !createSchema(db, migrator: migrator) else { return }
        switch try identify(db, migrator: migrator) {
        case .current: return
        case .foreign(let reason): throw PlanIOError.notARunStore(path: path, reason: reason)
        case .empty, .older:
            throw PlanIOError.cannotWrite(
                path: path, reason: "another process made the store while this run started (an older plan?); run it again")
        }
    }

    /// The page size of a new store, bytes: a run's commit writes its pages one `pwrite` at
    /// a time, and 16 KiB pages make a quarter as many (README, "Speed").
    static let pageSize = 16_384
}
