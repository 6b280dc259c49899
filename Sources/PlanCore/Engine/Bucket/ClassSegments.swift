/// Where each storage class's bytes are in a row's stream on a given day: a lot of day `u`
/// is, at the end of day `x`, in the last class `Cᵢ` of the lifecycle with `Aᵢ ≤ x − u`
/// (none: the target's `storage_class`), so each class holds the lots of a contiguous
/// range of upload days (model.md "Storage classes and lifecycle transitions").
struct ClassSegments {
    /// The classes in waterfall order, each with the age at which lots enter it (the upload
    /// class at age 0).
    let steps: [(storageClass: StorageClass, age: Int)]

    init(_ bucket: BucketSettings) {
        steps = [(bucket.storageClass, 0)] + bucket.lifecycle.map { ($0.storageClass, $0.afterDays) }
    }

    /// True when every byte stays in the upload class.
    var isSingleClass: Bool { steps.count == 1 }

    /// The upload days of the lots in step `i`'s class at the end of day `x`: ages from
    /// `steps[i].age` to the next step's age − 1 (the last step: any older).
    func days(step i: Int, at x: Int) -> (first: Int, last: Int) {
        let youngest = x - steps[i].age
        let oldest = i + 1 < steps.count ? x - steps[i + 1].age + 1 : Int.min / 2
        return (oldest, youngest)
    }
}
