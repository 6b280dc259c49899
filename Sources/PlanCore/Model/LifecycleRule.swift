/// One transition of a target's `lifecycle`: a lot moves into `storageClass` at the end of
/// day `upload day + afterDays` (model.md "Storage classes and lifecycle transitions").
public struct LifecycleRule: Sendable, Hashable {
    /// Whole days after the upload day.
    public var afterDays: Int
    public var storageClass: StorageClass

    public init(afterDays: Int, storageClass: StorageClass) {
        self.afterDays = afterDays
        self.storageClass = storageClass
    }
}
