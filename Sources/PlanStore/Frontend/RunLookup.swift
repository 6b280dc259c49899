import PlanCore
import PlanIO

extension RunStore {
    /// Reads run `id` back from the store at `path`, for `plan show` and `plan compare`.
    /// - Returns: the store (to export from) and the run; `.unknownRun` when the store does
    ///   not exist or has no such run.
    public static func lookUp(_ id: Int64, in path: String) -> Result<(store: RunStore, record: RunRecord), CommandFailure> {
        let record: RunRecord?
        let store: RunStore?
        do {
            store = try RunStore.open(path: path, create: false)
            record = try store?.run(id)
        } catch {
            return .failure(.io(error))
        }
        guard let store, let record else {
            return .failure(.unknownRun("error: no run \(id) in '\(path)'; plan runs lists the recorded runs"))
        }
        return .success((store, record))
    }
}
