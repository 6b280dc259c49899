/// An S3 storage class (model.md "Storage classes"), coldest last: the order of S3's
/// lifecycle waterfall.
public enum StorageClass: String, Sendable, Hashable, CaseIterable, Comparable {
    case standard
    case standardIA = "standard-ia"
    case onezoneIA = "onezone-ia"
    case glacierIR = "glacier-ir"
    case glacierFlexible = "glacier-flexible"
    case deepArchive = "deep-archive"

    /// Coldness: the index in the waterfall.
    public var rank: Int { StorageClass.allCases.firstIndex(of: self) ?? 0 }

    public static func < (a: StorageClass, b: StorageClass) -> Bool { a.rank < b.rank }

    /// The minimum storage duration in days: bytes leaving the class earlier are billed the
    /// rest (30 IA and One Zone-IA, 90 Glacier IR and Flexible, 180 Deep Archive).
    public var minimumDays: Int {
        switch self {
        case .standard: return 0
        case .standardIA, .onezoneIA: return 30
        case .glacierIR, .glacierFlexible: return 90
        case .deepArchive: return 180
        }
    }

    /// True for the classes that bill a 128 KiB minimum object size.
    public var hasMinimumObjectSize: Bool { self == .standardIA || self == .onezoneIA || self == .glacierIR }

    /// True for the archive classes: 8 KiB at Standard plus 32 KiB in the class per object,
    /// a retrieval delay, and restore requests.
    public var isArchive: Bool { self == .glacierFlexible || self == .deepArchive }

    /// The delay of a Standard retrieval before a restore can read, in seconds: 5 h for
    /// Glacier Flexible, 12 h for Deep Archive, 0 otherwise.
    public var retrievalDelay: Seconds {
        switch self {
        case .glacierFlexible: return Seconds(5 * 3600)
        case .deepArchive: return Seconds(12 * 3600)
        default: return Seconds(0)
        }
    }

    /// The least `after` of a lifecycle transition into the class: 30 days for IA and One
    /// Zone-IA (S3's `Transition` rule), otherwise 1.
    public var minimumTransitionDays: Int { self == .standardIA || self == .onezoneIA ? 30 : 1 }
}
