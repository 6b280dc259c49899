import GRDB
import PlanIO

/// The run store's schema, one migration per version. A migration, once released, never
/// changes: a new version adds a migration, and the schema it leads to replaces
/// `RunStore.currentSchema` (`RunStore+Baseline.swift`), from which a new store is made in
/// one step (`BaselineTests` fails until it does, printing the new statements). README.md
/// "The run store" documents the tables.
///
/// Conventions, so that `sqlite3 output/plan.sqlite` is useful on its own:
/// - `runs` has one row per run; every other table has a `run_id` (indexed) and the
///   columns of its CSV file, named as in cli.md (`kpis."limit"` needs its quotes in SQL).
///   The CSV tables' columns (the five files', `drills` and `faults`) are declared once,
///   in PlanIO's `Rendering/Columns/`, which the INSERTs and the re-export are built from;
///   a new declared column needs a migration here that adds it (`StoreColumnsTests` fails
///   until it does).
/// - Integer columns (bytes, counts) hold the CSV's integers; decimal columns (money,
///   shares, seconds, GB-months) hold the unrounded values that the CSV rounds; an
///   infinite value is REAL `Inf`; a cell that does not apply is NULL.
/// - A run keeps the columns and files of its scenario's `version` (`runs.version`): the
///   columns appended in version 2 are NULL in a version 1 run's rows, and it has no
///   `drills` rows; the re-export writes the run's own headers and files. A version 2 run
///   with fault keys (`runs.has_faults`) also has `faults` rows (`faults.csv`).
/// - Dates are `YYYY-MM-DD` text, the run's time `YYYY-MM-DDTHH:MM:SSZ` (UTC).
/// - `daily`, `workloads`, `targets` and `faults` (thousands of rows a run) are views, since
///   schema v6, over two tables each: `FILE_keys`, a run's layout rows once (the name
///   columns, numbered by `row` in the CSV's order within a day), and `FILE_values`, one
///   row per day and layout row with the numbers only, keyed since schema v7 by one
///   integer, `run_id << 40 | day << 20 | row` (`DayKey`, `RunStore+DayKeys.swift`);
///   the dates are in `run_days`. Since schema v8, `daily`'s numbers are a day per row of
///   `daily_days`, one JSON text (`DayPack`, `DayPack.swift`). A view has the CSV's columns
///   in its order, and `DELETE` on it deletes the values rows it shows. Deleting a run deletes its rows everywhere
///   (the trigger `runs_delete`). The smaller tables keep the CSV's order in `rowid` and
///   have an index on `run_id`.
extension RunStore {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1", migrate: createV1)
        migrator.registerMigration("v2", migrate: addKPICounts)
        migrator.registerMigration("v3", migrate: addVersion2Outputs)
        migrator.registerMigration("v4", migrate: addFaults)
        migrator.registerMigration("v5", migrate: addJobCosts)
        migrator.registerMigration("v6", migrate: compactDayTables)
        migrator.registerMigration("v7", migrate: keyDayTables)
        migrator.registerMigration("v8", migrate: packDailyDays)
        return migrator
    }

    /// Version 1: runs with their headline figures, the five CSV tables, warnings, the
    /// resolved settings (for `plan compare`) and the summary tables that `plan show`
    /// prints from.
    static func createV1(_ db: Database) throws {
        try db.execute(
            sql: """
                PRAGMA application_id = \(applicationID);

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
                );
                CREATE INDEX runs_by_scenario ON runs(scenario, id);

                CREATE TABLE daily (
                    run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
                    date TEXT NOT NULL,
                    day INTEGER NOT NULL,
                    job TEXT NOT NULL,
                    tier TEXT NOT NULL,
                    target TEXT NOT NULL,
                    workload TEXT NOT NULL,            -- '' for a Velero resources row
                    restore_points INTEGER NOT NULL,
                    stored_bytes INTEGER NOT NULL,
                    raw_bytes INTEGER NOT NULL,
                    uploaded_bytes INTEGER NOT NULL,
                    objects INTEGER NOT NULL,
                    put_requests INTEGER NOT NULL,
                    PRIMARY KEY (run_id, day, job, target, workload)
                ) WITHOUT ROWID;

                CREATE TABLE workloads (
                    run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
                    date TEXT NOT NULL,
                    day INTEGER NOT NULL,
                    workload TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    size_bytes INTEGER NOT NULL,
                    volume_bytes INTEGER,
                    wal_bytes INTEGER,
                    rto_seconds REAL,
                    PRIMARY KEY (run_id, day, workload)
                ) WITHOUT ROWID;

                CREATE TABLE targets (
                    run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
                    date TEXT NOT NULL,
                    day INTEGER NOT NULL,
                    target TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    used_bytes INTEGER NOT NULL,
                    usable_bytes INTEGER,
                    used_share REAL,
                    PRIMARY KEY (run_id, day, target)
                ) WITHOUT ROWID;

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
                );
                CREATE INDEX monthly_by_run ON monthly(run_id);

                CREATE TABLE kpis (
                    run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
                    kpi TEXT NOT NULL,
                    subject TEXT NOT NULL,
                    "limit" REAL,
                    worst REAL,
                    unit TEXT NOT NULL,
                    status TEXT NOT NULL,
                    first_failure TEXT
                );
                CREATE INDEX kpis_by_run ON kpis(run_id);

                CREATE TABLE warnings (
                    run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
                    message TEXT NOT NULL
                );
                CREATE INDEX warnings_by_run ON warnings(run_id);

                CREATE TABLE settings (
                    run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
                    path TEXT NOT NULL,
                    value TEXT NOT NULL
                );
                CREATE INDEX settings_by_run ON settings(run_id);

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
                );
                CREATE INDEX target_summary_by_run ON target_summary(run_id);

                CREATE TABLE job_summary (
                    run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
                    job TEXT NOT NULL,
                    target TEXT NOT NULL,
                    peak_stored_bytes REAL NOT NULL,
                    mean_daily_upload_bytes REAL NOT NULL,
                    final_restore_points INTEGER NOT NULL
                );
                CREATE INDEX job_summary_by_run ON job_summary(run_id);

                CREATE TABLE workload_summary (
                    run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
                    workload TEXT NOT NULL,
                    peak_size_bytes REAL NOT NULL,
                    volume_bytes REAL,
                    alert_date TEXT,
                    full_date TEXT
                );
                CREATE INDEX workload_summary_by_run ON workload_summary(run_id);
                """)
    }

    /// Version 2: the KPI counts of each run as columns of `runs`, so that `plan runs` and
    /// `sqlite3` can filter on them (`WHERE kpis_failed = 0`), filled in for the runs that
    /// version 1 recorded.
    static func addKPICounts(_ db: Database) throws {
        try db.execute(
            sql: """
                ALTER TABLE runs ADD COLUMN kpis_failed INTEGER NOT NULL DEFAULT 0;   -- KPI rows that fail
                ALTER TABLE runs ADD COLUMN kpis_checked INTEGER NOT NULL DEFAULT 0;  -- KPI rows with a limit
                UPDATE runs SET
                    kpis_failed = (SELECT count(*) FROM kpis WHERE kpis.run_id = runs.id AND status = 'fail'),
                    kpis_checked = (SELECT count(*) FROM kpis WHERE kpis.run_id = runs.id AND status <> 'info');
                """)
    }

    /// Schema version 3: the outputs of a scenario of version 2 (cli.md "Version 2
    /// columns"), so that such a run is recorded whole. `runs.version` is the scenario's
    /// version (1 for the runs recorded before); the columns appended to `daily.csv`,
    /// `targets.csv` and `monthly.csv` are NULL in a version 1 run's rows; `drills` has the
    /// rows of `drills.csv`, in its order in `rowid`.
    static func addVersion2Outputs(_ db: Database) throws {
        try db.execute(
            sql: """
                ALTER TABLE runs ADD COLUMN version INTEGER NOT NULL DEFAULT 1;  -- the scenario's version

                ALTER TABLE daily ADD COLUMN deleted_bytes INTEGER;
                ALTER TABLE daily ADD COLUMN noncurrent_bytes INTEGER;

                ALTER TABLE targets ADD COLUMN noncurrent_bytes INTEGER;

                ALTER TABLE monthly ADD COLUMN get_requests INTEGER;
                ALTER TABLE monthly ADD COLUMN list_requests INTEGER;
                ALTER TABLE monthly ADD COLUMN egress_bytes INTEGER;
                ALTER TABLE monthly ADD COLUMN egress_cost REAL;
                ALTER TABLE monthly ADD COLUMN retrieval_cost REAL;
                ALTER TABLE monthly ADD COLUMN early_delete_cost REAL;
                ALTER TABLE monthly ADD COLUMN transition_cost REAL;
                ALTER TABLE monthly ADD COLUMN noncurrent_gb_months REAL;

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
                );
                CREATE INDEX drills_by_run ON drills(run_id);
                """)
    }

    /// Schema version 4: the outputs of a version 2 scenario with fault keys (cli.md,
    /// `faults.csv` and the fault KPI rows), so that such a run is recorded whole.
    /// `runs.has_faults` is 1 for such a run (0 for the runs recorded before, which have no
    /// faults); `faults` has the rows of `faults.csv`, clustered by run, day and job (a day
    /// has one row per job, jobs by name: the CSV's order). The fault KPI rows need no
    /// column: `kpis.kpi` is text.
    static func addFaults(_ db: Database) throws {
        try db.execute(
            sql: """
                ALTER TABLE runs ADD COLUMN has_faults INTEGER NOT NULL DEFAULT 0;  -- 1: the run wrote faults.csv

                CREATE TABLE faults (
                    run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
                    date TEXT NOT NULL,
                    day INTEGER NOT NULL,
                    job TEXT NOT NULL,
                    workload TEXT,                     -- the CNPG job's workload; NULL for other jobs
                    runs_scheduled INTEGER NOT NULL,
                    runs_failed INTEGER NOT NULL,
                    wal_held_bytes INTEGER,            -- CNPG jobs only
                    pg_wal_peak_bytes INTEGER,         -- CNPG jobs only
                    PRIMARY KEY (run_id, day, job)
                ) WITHOUT ROWID;
                """)
    }

    /// Schema version 5: `jobs.csv` of a version 2 run (README "Cost per job"), so that
    /// `plan show` re-exports it. `runs.has_job_costs` is 1 for a run recorded with it (0 for
    /// the runs recorded before, whose re-export has no `jobs.csv`, as they had none).
    static func addJobCosts(_ db: Database) throws {
        try db.execute(
            sql: """
                ALTER TABLE runs ADD COLUMN has_job_costs INTEGER NOT NULL DEFAULT 0;  -- 1: the run's jobs rows are recorded

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
                );
                CREATE INDEX jobs_by_run ON jobs(run_id);
                """)
    }

    /// Schema version 6: the four daily tables as views over compact tables (issue 15:
    /// recording a ten-year run spent most of its time inserting the same job, target and
    /// workload names and the date into every row).
    ///
    /// - `run_days` holds each day's date of a run once, as the engine wrote it (SQLite's
    ///   own `date()` reads 0300-03-01 as 0300-02-29, so the views do not compute it).
    /// - Each `FILE_keys` table holds a run's layout rows once, numbered by `row` in the
    ///   CSV's order within a day (the order of the old primary key: the name columns);
    ///   each `FILE_values` table the numbers of every day, keyed `(run_id, day, row)`.
    /// - The views `daily`, `workloads`, `targets` and `faults` keep the tables' names and
    ///   columns, in the CSV's order; an `INSTEAD OF DELETE` trigger on each deletes the
    ///   values rows that a `DELETE` on the view names.
    /// - The new tables have no foreign key (SQLite would look the run up for every row
    ///   inserted, about 10% of the insert's instructions): the trigger `runs_delete`
    ///   deletes a run's rows from every table with it, with or without
    ///   `PRAGMA foreign_keys` (a later migration that adds a table adds it there).
    ///
    /// The rows recorded before are moved over (`RunStore.dropOrphans` has deleted those of
    /// no run first).
    static func compactDayTables(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE run_days (
                    run_id INTEGER NOT NULL,           -- runs.id
                    day INTEGER NOT NULL,
                    date TEXT NOT NULL,                -- YYYY-MM-DD
                    PRIMARY KEY (run_id, day)
                ) WITHOUT ROWID;
                INSERT OR IGNORE INTO run_days (run_id, day, date)
                    SELECT run_id, day, date FROM daily UNION SELECT run_id, day, date FROM workloads
                    UNION SELECT run_id, day, date FROM targets UNION SELECT run_id, day, date FROM faults;

                CREATE TABLE daily_keys (
                    run_id INTEGER NOT NULL,           -- runs.id
                    row INTEGER NOT NULL,              -- the row's place in a day, in the CSV's order
                    job TEXT NOT NULL,
                    tier TEXT NOT NULL,
                    target TEXT NOT NULL,
                    workload TEXT NOT NULL,            -- '' for a Velero resources row
                    PRIMARY KEY (run_id, row)
                ) WITHOUT ROWID;
                CREATE TABLE daily_values (
                    run_id INTEGER NOT NULL,           -- runs.id
                    day INTEGER NOT NULL,              -- run_days.day
                    row INTEGER NOT NULL,              -- daily_keys.row
                    restore_points INTEGER NOT NULL,
                    stored_bytes INTEGER NOT NULL,
                    raw_bytes INTEGER NOT NULL,
                    uploaded_bytes INTEGER NOT NULL,
                    objects INTEGER NOT NULL,
                    put_requests INTEGER NOT NULL,
                    deleted_bytes INTEGER,
                    noncurrent_bytes INTEGER,
                    PRIMARY KEY (run_id, day, row)
                ) WITHOUT ROWID;
                INSERT INTO daily_keys (run_id, row, job, tier, target, workload)
                    SELECT run_id, row_number() OVER (PARTITION BY run_id ORDER BY job, target, workload) - 1, job, tier, target, workload
                    FROM (SELECT DISTINCT run_id, job, tier, target, workload FROM daily);
                INSERT INTO daily_values
                    SELECT d.run_id, d.day, k.row, d.restore_points, d.stored_bytes, d.raw_bytes, d.uploaded_bytes, d.objects,
                        d.put_requests, d.deleted_bytes, d.noncurrent_bytes
                    FROM daily d JOIN daily_keys k
                        ON k.run_id = d.run_id AND k.job = d.job AND k.target = d.target AND k.workload = d.workload;
                DROP TABLE daily;
                CREATE VIEW daily AS
                    SELECT v.run_id, t.date, v.day, k.job, k.tier, k.target, k.workload,
                        v.restore_points, v.stored_bytes, v.raw_bytes, v.uploaded_bytes, v.objects, v.put_requests,
                        v.deleted_bytes, v.noncurrent_bytes
                    FROM daily_values v JOIN daily_keys k ON k.run_id = v.run_id AND k.row = v.row
                        JOIN run_days t ON t.run_id = v.run_id AND t.day = v.day;
                CREATE TRIGGER daily_delete INSTEAD OF DELETE ON daily BEGIN
                    DELETE FROM daily_values WHERE run_id = OLD.run_id AND day = OLD.day AND row = (
                        SELECT row FROM daily_keys
                        WHERE run_id = OLD.run_id AND job = OLD.job AND target = OLD.target AND workload = OLD.workload);
                END;

                CREATE TABLE workloads_keys (
                    run_id INTEGER NOT NULL,           -- runs.id
                    row INTEGER NOT NULL,
                    workload TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    PRIMARY KEY (run_id, row)
                ) WITHOUT ROWID;
                CREATE TABLE workloads_values (
                    run_id INTEGER NOT NULL,           -- runs.id
                    day INTEGER NOT NULL,              -- run_days.day
                    row INTEGER NOT NULL,              -- workloads_keys.row
                    size_bytes INTEGER NOT NULL,
                    volume_bytes INTEGER,
                    wal_bytes INTEGER,
                    rto_seconds REAL,
                    PRIMARY KEY (run_id, day, row)
                ) WITHOUT ROWID;
                INSERT INTO workloads_keys (run_id, row, workload, kind)
                    SELECT run_id, row_number() OVER (PARTITION BY run_id ORDER BY workload) - 1, workload, kind
                    FROM (SELECT DISTINCT run_id, workload, kind FROM workloads);
                INSERT INTO workloads_values
                    SELECT w.run_id, w.day, k.row, w.size_bytes, w.volume_bytes, w.wal_bytes, w.rto_seconds
                    FROM workloads w JOIN workloads_keys k ON k.run_id = w.run_id AND k.workload = w.workload;
                DROP TABLE workloads;
                CREATE VIEW workloads AS
                    SELECT v.run_id, t.date, v.day, k.workload, k.kind, v.size_bytes, v.volume_bytes, v.wal_bytes, v.rto_seconds
                    FROM workloads_values v JOIN workloads_keys k ON k.run_id = v.run_id AND k.row = v.row
                        JOIN run_days t ON t.run_id = v.run_id AND t.day = v.day;
                CREATE TRIGGER workloads_delete INSTEAD OF DELETE ON workloads BEGIN
                    DELETE FROM workloads_values WHERE run_id = OLD.run_id AND day = OLD.day AND row = (
                        SELECT row FROM workloads_keys WHERE run_id = OLD.run_id AND workload = OLD.workload);
                END;

                CREATE TABLE targets_keys (
                    run_id INTEGER NOT NULL,           -- runs.id
                    row INTEGER NOT NULL,
                    target TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    PRIMARY KEY (run_id, row)
                ) WITHOUT ROWID;
                CREATE TABLE targets_values (
                    run_id INTEGER NOT NULL,           -- runs.id
                    day INTEGER NOT NULL,              -- run_days.day
                    row INTEGER NOT NULL,              -- targets_keys.row
                    used_bytes INTEGER NOT NULL,
                    usable_bytes INTEGER,
                    used_share REAL,
                    noncurrent_bytes INTEGER,
                    PRIMARY KEY (run_id, day, row)
                ) WITHOUT ROWID;
                INSERT INTO targets_keys (run_id, row, target, kind)
                    SELECT run_id, row_number() OVER (PARTITION BY run_id ORDER BY target) - 1, target, kind
                    FROM (SELECT DISTINCT run_id, target, kind FROM targets);
                INSERT INTO targets_values
                    SELECT g.run_id, g.day, k.row, g.used_bytes, g.usable_bytes, g.used_share, g.noncurrent_bytes
                    FROM targets g JOIN targets_keys k ON k.run_id = g.run_id AND k.target = g.target;
                DROP TABLE targets;
                CREATE VIEW targets AS
                    SELECT v.run_id, t.date, v.day, k.target, k.kind, v.used_bytes, v.usable_bytes, v.used_share, v.noncurrent_bytes
                    FROM targets_values v JOIN targets_keys k ON k.run_id = v.run_id AND k.row = v.row
                        JOIN run_days t ON t.run_id = v.run_id AND t.day = v.day;
                CREATE TRIGGER targets_delete INSTEAD OF DELETE ON targets BEGIN
                    DELETE FROM targets_values WHERE run_id = OLD.run_id AND day = OLD.day AND row = (
                        SELECT row FROM targets_keys WHERE run_id = OLD.run_id AND target = OLD.target);
                END;

                CREATE TABLE faults_keys (
                    run_id INTEGER NOT NULL,           -- runs.id
                    row INTEGER NOT NULL,
                    job TEXT NOT NULL,
                    workload TEXT,                     -- the CNPG job's workload; NULL for other jobs
                    PRIMARY KEY (run_id, row)
                ) WITHOUT ROWID;
                CREATE TABLE faults_values (
                    run_id INTEGER NOT NULL,           -- runs.id
                    day INTEGER NOT NULL,              -- run_days.day
                    row INTEGER NOT NULL,              -- faults_keys.row
                    runs_scheduled INTEGER NOT NULL,
                    runs_failed INTEGER NOT NULL,
                    wal_held_bytes INTEGER,            -- CNPG jobs only
                    pg_wal_peak_bytes INTEGER,         -- CNPG jobs only
                    PRIMARY KEY (run_id, day, row)
                ) WITHOUT ROWID;
                INSERT INTO faults_keys (run_id, row, job, workload)
                    SELECT run_id, row_number() OVER (PARTITION BY run_id ORDER BY job) - 1, job, workload
                    FROM (SELECT DISTINCT run_id, job, workload FROM faults);
                INSERT INTO faults_values
                    SELECT f.run_id, f.day, k.row, f.runs_scheduled, f.runs_failed, f.wal_held_bytes, f.pg_wal_peak_bytes
                    FROM faults f JOIN faults_keys k ON k.run_id = f.run_id AND k.job = f.job;
                DROP TABLE faults;
                CREATE VIEW faults AS
                    SELECT v.run_id, t.date, v.day, k.job, k.workload,
                        v.runs_scheduled, v.runs_failed, v.wal_held_bytes, v.pg_wal_peak_bytes
                    FROM faults_values v JOIN faults_keys k ON k.run_id = v.run_id AND k.row = v.row
                        JOIN run_days t ON t.run_id = v.run_id AND t.day = v.day;
                CREATE TRIGGER faults_delete INSTEAD OF DELETE ON faults BEGIN
                    DELETE FROM faults_values WHERE run_id = OLD.run_id AND day = OLD.day AND row = (
                        SELECT row FROM faults_keys WHERE run_id = OLD.run_id AND job = OLD.job);
                END;

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
                    DELETE FROM daily_values WHERE run_id = OLD.id;
                    DELETE FROM workloads_keys WHERE run_id = OLD.id;
                    DELETE FROM workloads_values WHERE run_id = OLD.id;
                    DELETE FROM targets_keys WHERE run_id = OLD.id;
                    DELETE FROM targets_values WHERE run_id = OLD.id;
                    DELETE FROM faults_keys WHERE run_id = OLD.id;
                    DELETE FROM faults_values WHERE run_id = OLD.id;
                END;
                """)
    }
}

extension RunStore {
    /// Deletes the rows of every table whose `run_id` names no run: what `DELETE FROM runs`
    /// left behind in a store before schema v6 when `PRAGMA foreign_keys` was off, as it is
    /// by default in `sqlite3`. GRDB checks the foreign keys of the whole file after each
    /// migration, so a store holding such rows could not be migrated, nor opened. Runs in
    /// one transaction, before the migrations of a store written by an older plan.
    static func dropOrphans(_ db: Database) throws {
        try db.inTransaction {
            let tables = try String.fetchAll(
                db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'runs'")
            for t in tables {
                let columns = try Row.fetchAll(db, sql: "PRAGMA table_info(\"\(t)\")").map { $0["name"] as String? }
                guard columns.contains("run_id") else { continue }
                try db.execute(sql: "DELETE FROM \"\(t)\" WHERE run_id NOT IN (SELECT id FROM runs)")
            }
            return .commit
        }
    }
}
