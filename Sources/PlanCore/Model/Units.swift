/// Units as types: the compiler keeps bytes, money, shares and seconds apart.
///
/// Every unit wraps a `Double`: model.md computes sizes, counts and money in floating
/// point and never rounds inside; renderers round each cell.

/// A number of bytes (may be fractional inside the model).
public struct ByteCount: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var bytes: Double
    @inlinable public init(_ bytes: Double) { self.bytes = bytes }
    public static let zero = ByteCount(0)
    public static let kiB = 1024.0
    public static let miB = 1_048_576.0
    public static let giB = 1_073_741_824.0
    public static let tiB = 1_099_511_627_776.0
    /// The largest size the model accepts: 2^70 bytes (1 ZiB), model.md "Workloads".
    public static let modelLimit = ByteCount(1_180_591_620_717_411_303_424.0)
    @inlinable public static func < (a: ByteCount, b: ByteCount) -> Bool { a.bytes < b.bytes }
    @inlinable public static func + (a: ByteCount, b: ByteCount) -> ByteCount { ByteCount(a.bytes + b.bytes) }
    @inlinable public static func - (a: ByteCount, b: ByteCount) -> ByteCount { ByteCount(a.bytes - b.bytes) }
    @inlinable public static func * (a: ByteCount, k: Double) -> ByteCount { ByteCount(a.bytes * k) }
    public var description: String { "\(bytes) B" }
}

/// An amount of money in the scenario's currency (no conversion).
public struct Money: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var amount: Double
    @inlinable public init(_ amount: Double) { self.amount = amount }
    public static let zero = Money(0)
    /// The largest amount a scenario may write: 2^53 / 10^4 = 900,719,925,474.0992. Money is
    /// printed to 4 decimals, and a `Double` counts every unit of the fourth decimal exactly
    /// only below it; a larger amount printed digits nobody wrote (issue 11).
    public static let largestExact = 9_007_199_254_740_992.0 / 10_000
    @inlinable public static func < (a: Money, b: Money) -> Bool { a.amount < b.amount }
    @inlinable public static func + (a: Money, b: Money) -> Money { Money(a.amount + b.amount) }
    @inlinable public static func * (a: Money, k: Double) -> Money { Money(a.amount * k) }
    public var description: String { "\(amount)" }
}

/// A share of a whole, as a fraction (0.8 is 80%).
public struct Share: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var fraction: Double
    @inlinable public init(_ fraction: Double) { self.fraction = fraction }
    @inlinable public static func < (a: Share, b: Share) -> Bool { a.fraction < b.fraction }
    public var description: String { "\(fraction * 100)%" }
}

/// A length of time in seconds (may be infinite for an RPO or RTO that cannot be met).
public struct Seconds: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var value: Double
    @inlinable public init(_ value: Double) { self.value = value }
    public static let day = Seconds(86_400)
    public static let infinity = Seconds(.infinity)
    @inlinable public static func < (a: Seconds, b: Seconds) -> Bool { a.value < b.value }
    @inlinable public var days: Double { value / 86_400 }
    public var description: String { "\(value) s" }
}

/// A rate of change of bytes: absolute (bytes per day) or relative (a share of the current
/// size per period), scenario.md "rate".
public enum Rate: Hashable, Sendable {
    /// Bytes per day (may be negative for shrinking growth).
    case absolute(bytesPerDay: Double)
    /// `fraction` of the current size per `periodDays` days (0.03 per 30.4375 for `3%/month`).
    case relative(fraction: Double, periodDays: Double)

    public static let zero = Rate.absolute(bytesPerDay: 0)
}
