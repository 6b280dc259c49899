import PlanCore

/// A number on both sides, with `b − a` and `(b − a) / |a|`.
public struct NumberChange: Sendable, Hashable {
    public var a: Double?
    public var b: Double?

    public init(a: Double?, b: Double?) {
        self.a = a
        self.b = b
    }

    /// `b − a`; nil when a side is missing, or infinite (0 when both are the same infinity).
    public var delta: Double? {
        guard let a, let b else { return nil }
        if !a.isFinite || !b.isFinite { return a == b ? 0 : nil }
        return b - a
    }

    /// `(b − a) / |a|` as a share (0.25 is +25%); nil when `a` is 0 and `b` is not, or no delta.
    public var relative: Double? {
        guard let delta, let a else { return nil }
        if delta == 0 { return 0 }
        return a == 0 ? nil : delta / Swift.abs(a)
    }
}

/// A date on both sides (nil: never within the horizon), with `b − a` in days.
public struct DateChange: Sendable, Hashable {
    public var a: CivilDate?
    public var b: CivilDate?

    public init(a: CivilDate?, b: CivilDate?) {
        self.a = a
        self.b = b
    }

    /// Days from `a` to `b` (negative: B is earlier); nil unless both dates exist.
    public var days: Int? {
        guard let a, let b else { return nil }
        return b.daysSinceEpoch - a.daysSinceEpoch
    }
}
