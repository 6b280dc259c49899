/// The warnings about a job (model.md "Warnings").
extension Checks {
    /// A schedule that never fires within the horizon (`fires`: its fire times).
    static func neverFires(_ fires: [Double], _ schedule: CronSchedule, path: String) -> [String] {
        if schedule.isNever { return ["\(path): 'never': the job takes no backup"] }
        return fires.isEmpty ? ["\(path): '\(schedule.text)' never fires within the horizon: the job takes no backup"] : []
    }

    /// A Longhorn job that never fires, or backs up no volume.
    static func longhornWarnings(_ j: LonghornJob, fires: [Double]) -> [String] {
        var out = neverFires(fires, j.schedule, path: "backups.longhorn.\(j.name).schedule")
        if j.volumes.isEmpty { out.append("backups.longhorn.\(j.name): volumes is empty: the job backs up nothing") }
        return out
    }

    /// A Velero job that never fires, or whose restore points can all expire between two
    /// runs: `ttl` not longer than the longest gap between runs (`horizon`, seconds, when it
    /// runs fewer than twice).
    static func veleroWarnings(_ j: VeleroJob, fires: [Double], horizon: Double) -> [String] {
        var out = neverFires(fires, j.schedule, path: "backups.velero.\(j.name).schedule")
        if let text = j.ttlWrittenWithDays {
            let goForm = Format.goDuration(j.ttl.value)
            out.append(
                "backups.velero.\(j.name).ttl: '\(text)' is read here, but Velero's ttl is a Go duration without days: in the Schedule write '\(goForm)'"
            )
        }
        let gap = JobSchedules.longestGap(fires, horizon: horizon)
        // At `ttl == gap` the old point expires at the instant of the next run (expiries
        // come first at equal times) and is gone at a day's end (`e > now` keeps it).
        if j.ttl.value <= gap {
            out.append(
                "backups.velero.\(j.name): ttl \(Format.duration(j.ttl.value)) is \(j.ttl.value < gap ? "shorter than" : "as long as") the longest gap between runs (\(Format.duration(gap))): all its restore points can expire before the next run"
            )
        }
        return out
    }

    /// A CNPG job that never fires, has a 5-field schedule (read seconds-first), or
    /// archives uncompressed WAL (every forced switch uploads a whole 16 MiB segment).
    static func cnpgWarnings(_ j: CNPGJob, fires: [Double]) -> [String] {
        var out =
            j.schedule.isNever
            ? [
                "backups.cnpg.\(j.name).schedule: 'never': no base backup is taken, only WAL is archived, and WAL alone cannot be restored: add a ScheduledBackup"
            ]
            : neverFires(fires, j.schedule, path: "backups.cnpg.\(j.name).schedule")
        if j.scheduleIsDefault {
            out.append(
                "backups.cnpg.\(j.name): no schedule, so plan assumes @daily; but a CNPG cluster without a ScheduledBackup takes no base backup at all: write its ScheduledBackup's schedule, or 'never' if it has none"
            )
        }
        if let warning = j.schedule.cnpgFiveFieldWarning {
            out.append("backups.cnpg.\(j.name).schedule: \(warning)")
        }
        if case .algorithm(.none) = j.walCompression {
            out.append(
                "backups.cnpg.\(j.name): wal_compression is none: every forced segment switch (archive_timeout \(Format.duration(j.archiveTimeout.value))) archives a whole 16 MiB file, up to \(Format.bytes(86_400 / max(j.archiveTimeout.value, 1) * walSegment)) a day however little the database writes"
            )
        }
        return out
    }
}
