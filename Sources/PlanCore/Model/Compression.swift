/// A base-backup or WAL compression setting: the default ratio of a named algorithm or a
/// measured ratio (stored ÷ raw).
public enum Compression: Sendable, Hashable {
    case algorithm(CompressionAlgorithm)
    case ratio(Double)
}

public enum CompressionAlgorithm: String, Sendable, Hashable, CaseIterable {
    case none, lz4, snappy, gzip, zstd, bzip2, xz
}
