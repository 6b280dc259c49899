/// How an object-store target keeps and bills bytes in version 2 (model.md "Version 2: the
/// object store as billed"). The defaults are version 1's store: unversioned, one class,
/// no lifecycle; only the Longhorn poll is on by default (and only counted in version 2).
public struct BucketSettings: Sendable, Hashable {
    /// `versioning`: deleted bytes stay as noncurrent versions.
    public var versioning: Bool
    /// `noncurrent_expiry` in whole days; nil keeps noncurrent versions for ever.
    public var noncurrentExpiryDays: Int?
    /// `object_lock` in whole days (compliance mode): no version removed before upload + L.
    public var objectLockDays: Int?
    /// `storage_class` (s3): the class objects are written in.
    public var storageClass: StorageClass
    /// `lifecycle` (s3): transitions by age, strictly increasing, each colder.
    public var lifecycle: [LifecycleRule]
    /// `poll_interval`: Longhorn's `backupstore-poll-interval`; 0 turns polling off.
    public var pollInterval: Seconds

    public init(
        versioning: Bool = false, noncurrentExpiryDays: Int? = nil, objectLockDays: Int? = nil,
        storageClass: StorageClass = ScenarioDefaults.storageClass, lifecycle: [LifecycleRule] = [],
        pollInterval: Seconds = ScenarioDefaults.pollInterval
    ) {
        self.versioning = versioning
        self.noncurrentExpiryDays = noncurrentExpiryDays
        self.objectLockDays = objectLockDays
        self.storageClass = storageClass
        self.lifecycle = lifecycle
        self.pollInterval = pollInterval
    }
}
