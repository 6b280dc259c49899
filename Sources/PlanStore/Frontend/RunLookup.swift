import PlanCore
import PlanIO

extension RunStore {
    /// Reads run `id` back from the store at `path`, for `plan show` and `plan compare`.
    /// - Returns: the store (to export from) and the run; `.unknownRun` when the store does
    ///   not exist (said so) or has no such run.
    public static func lookUp(_ id: Int64, in path: String) -> Result<(store: RunStore, record: RunRecord), CommandFailure> {
        let record: RunRecord?
        let store: RunStore?
        do {
            store = try RunStore.open(path: path, create: false)
            record = try store?.run(id)
        } catch {
            return .failure(.io(error))
        }
        guard let store else {
            return .failure(
                .unknownRun(
                    "error: there is no run store at '\(path)', so no run \(id): plan simulate records its runs there; give another store with --db PATH or PLAN_DB"
                ))
        }
        guard let record else {
            return .failure(.unknownRun("error: no run \(id) in '\(path)'; plan runs lists the recorded runs"))
        }
        return .success((store, record))
    }
}
