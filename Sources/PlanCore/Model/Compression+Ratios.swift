/// Default compression ratios of model.md "Compression" (stored share of raw bytes).
extension CompressionAlgorithm {
    /// Ratio for base-backup and volume data.
    public var dataRatio: Double {
        switch self {
        case .none: return 1.00
        case .lz4: return 0.40
        case .snappy: return 0.42
        case .gzip: return 0.25
        case .zstd: return 0.22
        case .bzip2: return 0.20
        case .xz: return 0.18
        }
    }

    /// Ratio for WAL segments.
    public var walRatio: Double {
        switch self {
        case .none: return 1.00
        case .lz4: return 0.35
        case .snappy: return 0.37
        case .gzip: return 0.22
        case .zstd: return 0.20
        case .bzip2: return 0.18
        case .xz: return 0.16
        }
    }
}

extension Compression {
    /// Stored ÷ raw for data (base backups, volume images).
    public var dataRatio: Double {
        switch self {
        case .algorithm(let a): return a.dataRatio
        case .ratio(let r): return r
        }
    }

    /// Stored ÷ raw for WAL.
    public var walRatio: Double {
        switch self {
        case .algorithm(let a): return a.walRatio
        case .ratio(let r): return r
        }
    }
}
