import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A thread of its own whose refusal is told. Foundation's `Thread.start()` and
/// `Thread.detachNewThread` say nothing when the system refuses a thread (a pids cgroup
/// limit such as a container's `--pids-limit`, `RLIMIT_NPROC`, no room for its stack): the
/// body never runs, and whoever waits for it waits for ever. Every thread `plan` starts
/// beside its work goes through `start`, and each caller does the work itself when it is
/// refused.
public enum DetachedThread {
    /// Runs `body` on a new detached thread. Returns false, and `body` is not run, when the
    /// system refuses the thread.
    public static func start(_ body: @escaping @Sendable () -> Void) -> Bool {
        #if os(Linux)
            final class Box {
                let body: @Sendable () -> Void
                init(_ body: @escaping @Sendable () -> Void) { self.body = body }
            }
            var attributes = pthread_attr_t()
            pthread_attr_init(&attributes)
            defer { pthread_attr_destroy(&attributes) }
            pthread_attr_setdetachstate(&attributes, Int32(PTHREAD_CREATE_DETACHED))
            let context = Unmanaged.passRetained(Box(body)).toOpaque()
            var thread = pthread_t()
            let status = pthread_create(
                &thread, &attributes,
                { raw in
                    guard let raw else { return nil }
                    Unmanaged<Box>.fromOpaque(raw).takeRetainedValue().body()
                    return nil
                }, context)
            if status != 0 {
                Unmanaged<Box>.fromOpaque(context).release()
                return false
            }
            return true
        #else
            Thread.detachNewThread(body)
            return true
        #endif
    }
}
