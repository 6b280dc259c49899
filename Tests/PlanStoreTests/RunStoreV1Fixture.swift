/// A run store as version 1 of the schema wrote it (migration "v1", before "v2" added the
/// KPI counts to `runs`), with one small run: the fixture of the migration test. It is a
/// frozen copy: the v1 migration must never change, and this text is how a store of that
/// time looks, whatever the code does now.
///
/// The run: scenario `tiny`, 2 days from 2026-01-01; one Velero job `res` storing 450 MiB
/// of resources a day on MinIO `m` (1 GiB, $10 a month, alert at 80%).
/// - used: day 0 471,859,200 B (450 MiB), day 1 943,718,400 B (900 MiB);
/// - alert level 0.8 × 1,073,741,824 = 858,993,459.2 B: passed on day 1 (2026-01-02);
///   never full; raw need 943,718,400 / 0.8 = 1,179,648,000 B;
/// - cost: 10 × 2/31 = 0.6451612903225806 for January; GB-months (450 + 900)/1024/31;
/// - KPIs: budget 20 (2 of 31 days scaled: 10 ≤ 20, pass), efficiency without limit (info),
///   capacity_alert fail, capacity_full pass: 1 failing of 3 with a limit.
enum RunStoreV1Fixture {
    static let sql = """
        PRAGMA application_id = 1886151022;
        CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY);
        INSERT INTO grdb_migrations VALUES ('v1');

        CREATE TABLE runs (
            id INTEGER PRIMARY KEY AUTOINCREMENT, created_at TEXT NOT NULL, scenario TEXT NOT NULL, scenario_path TEXT,
            content_hash TEXT NOT NULL, overrides TEXT NOT NULL, start TEXT NOT NULL, horizon_days INTEGER NOT NULL,
            currency TEXT NOT NULL, plan_version TEXT NOT NULL, files_written TEXT, store_path TEXT,
            peak_used_bytes TEXT NOT NULL, total_cost REAL NOT NULL, peak_monthly_cost REAL NOT NULL,
            kpi_statuses TEXT NOT NULL);
        CREATE INDEX runs_by_scenario ON runs(scenario, id);
        CREATE TABLE daily (
            run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE, date TEXT NOT NULL, day INTEGER NOT NULL,
            job TEXT NOT NULL, tier TEXT NOT NULL, target TEXT NOT NULL, workload TEXT NOT NULL,
            restore_points INTEGER NOT NULL, stored_bytes INTEGER NOT NULL, raw_bytes INTEGER NOT NULL,
            uploaded_bytes INTEGER NOT NULL, objects INTEGER NOT NULL, put_requests INTEGER NOT NULL,
            PRIMARY KEY (run_id, day, job, target, workload)) WITHOUT ROWID;
        CREATE TABLE workloads (
            run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE, date TEXT NOT NULL, day INTEGER NOT NULL,
            workload TEXT NOT NULL, kind TEXT NOT NULL, size_bytes INTEGER NOT NULL, volume_bytes INTEGER,
            wal_bytes INTEGER, rto_seconds REAL, PRIMARY KEY (run_id, day, workload)) WITHOUT ROWID;
        CREATE TABLE targets (
            run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE, date TEXT NOT NULL, day INTEGER NOT NULL,
            target TEXT NOT NULL, kind TEXT NOT NULL, used_bytes INTEGER NOT NULL, usable_bytes INTEGER, used_share REAL,
            PRIMARY KEY (run_id, day, target)) WITHOUT ROWID;
        CREATE TABLE monthly (
            run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE, month TEXT NOT NULL, target TEXT NOT NULL,
            days INTEGER NOT NULL, fixed_cost REAL NOT NULL, storage_cost REAL NOT NULL, request_cost REAL NOT NULL,
            total_cost REAL NOT NULL, gb_months REAL NOT NULL, put_requests INTEGER NOT NULL);
        CREATE INDEX monthly_by_run ON monthly(run_id);
        CREATE TABLE kpis (
            run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE, kpi TEXT NOT NULL, subject TEXT NOT NULL,
            "limit" REAL, worst REAL, unit TEXT NOT NULL, status TEXT NOT NULL, first_failure TEXT);
        CREATE INDEX kpis_by_run ON kpis(run_id);
        CREATE TABLE warnings (run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE, message TEXT NOT NULL);
        CREATE INDEX warnings_by_run ON warnings(run_id);
        CREATE TABLE settings (
            run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE, path TEXT NOT NULL, value TEXT NOT NULL);
        CREATE INDEX settings_by_run ON settings(run_id);
        CREATE TABLE target_summary (
            run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE, target TEXT NOT NULL, kind TEXT NOT NULL,
            usable_bytes REAL, peak_used_bytes REAL NOT NULL, peak_date TEXT, alert_date TEXT, full_date TEXT,
            needed_bytes REAL);
        CREATE INDEX target_summary_by_run ON target_summary(run_id);
        CREATE TABLE job_summary (
            run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE, job TEXT NOT NULL, target TEXT NOT NULL,
            peak_stored_bytes REAL NOT NULL, mean_daily_upload_bytes REAL NOT NULL, final_restore_points INTEGER NOT NULL);
        CREATE INDEX job_summary_by_run ON job_summary(run_id);
        CREATE TABLE workload_summary (
            run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE, workload TEXT NOT NULL,
            peak_size_bytes REAL NOT NULL, volume_bytes REAL, alert_date TEXT, full_date TEXT);
        CREATE INDEX workload_summary_by_run ON workload_summary(run_id);

        INSERT INTO runs VALUES (1, '2026-11-20T09:30:00Z', 'tiny', 'scenarios/tiny.yaml', '0123456789abcdef',
            '["horizon=2d"]', '2026-01-01', 2, 'USD', '0.1.0', 'output/tiny/', 'output/plan.sqlite',
            '{"m":943718400}', 0.6451612903225806, 0.6451612903225806,
            '{"monthly_budget":{"total":"pass"},"efficiency":{"all":"info"},"capacity_alert":{"m":"fail"},"capacity_full":{"m":"pass"}}');
        INSERT INTO daily VALUES (1, '2026-01-01', 0, 'velero/res', 'velero', 'm', '', 1, 471859200, 471859200, 471859200, 10, 10);
        INSERT INTO daily VALUES (1, '2026-01-02', 1, 'velero/res', 'velero', 'm', '', 2, 943718400, 943718400, 471859200, 20, 10);
        INSERT INTO targets VALUES (1, '2026-01-01', 0, 'm', 'minio', 471859200, 1073741824, 0.439453125);
        INSERT INTO targets VALUES (1, '2026-01-02', 1, 'm', 'minio', 943718400, 1073741824, 0.87890625);
        INSERT INTO monthly VALUES (1, '2026-01', 'm', 2, 0.6451612903225806, 0, 0, 0.6451612903225806, 0.042527721774193547, 20);
        INSERT INTO monthly VALUES (1, '2026-01', 'total', 2, 0.6451612903225806, 0, 0, 0.6451612903225806, 0.042527721774193547, 20);
        INSERT INTO kpis VALUES (1, 'monthly_budget', 'total', 20, 10, 'money', 'pass', NULL);
        INSERT INTO kpis VALUES (1, 'efficiency', 'all', NULL, 0, 'share', 'info', NULL);
        INSERT INTO kpis VALUES (1, 'capacity_alert', 'm', 858993459.2, 943718400, 'bytes', 'fail', '2026-01-02');
        INSERT INTO kpis VALUES (1, 'capacity_full', 'm', 1073741824, 943718400, 'bytes', 'pass', NULL);
        INSERT INTO settings VALUES (1, 'name', 'tiny');
        INSERT INTO settings VALUES (1, 'horizon', '2d');
        INSERT INTO settings VALUES (1, 'backups.velero.res.resources', '450Mi');
        INSERT INTO settings VALUES (1, 'targets.m.capacity', '1Gi');
        INSERT INTO target_summary VALUES (1, 'm', 'minio', 1073741824, 943718400, '2026-01-02', '2026-01-02', NULL, 1179648000);
        INSERT INTO job_summary VALUES (1, 'velero/res', 'm', 943718400, 471859200, 2);
        """
}
