/// Sizes fixed by the real tools (model.md "Defaults from the real systems"), in bytes.
let mib = 1_048_576.0
let walSegment = 16 * mib
/// Kopia's maximum pack size.
let kopiaPack = 20 * mib
/// Longhorn's backup block size.
let longhornBlock = 2 * mib
/// barman-cloud multipart part size, `max(5 MiB, 2 × ⌊100 GiB / 10000⌋)`.
let barmanPart = 21_474_836.0
/// barman-cloud's largest tar file.
let barmanTar = 100 * 1_073_741_824.0

/// What a job contributes to a workload's RTO at the day's end: the minimum is taken.
@inline(__always) func lower(_ rto: inout Double?, _ value: Double) {
    if let r = rto, r <= value { return }
    rto = value
}
