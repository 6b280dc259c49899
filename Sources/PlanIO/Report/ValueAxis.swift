import PlanCore

/// A chart's vertical axis from 0: "nice" ticks (1, 2 or 5 × 10ⁿ of a unit people read)
/// and their labels.
///
/// Bytes use binary units (B, KiB, … ZiB: the unit in which the largest value is at least
/// 1 and below 1024), money the currency's symbol and thousands separators, seconds
/// s, min, h or d.
public struct ValueAxis: Sendable, Equatable {
    /// What an axis measures.
    public enum Unit: Sendable, Equatable {
        case bytes
        /// An ISO currency code (`USD`).
        case money(currency: String)
        case seconds
    }

    public struct Tick: Sendable, Equatable {
        public var value: Double
        public var label: String
    }

    public var unit: Unit
    /// The value at the top of the axis: the last tick, at or above the largest value shown.
    public var top: Double
    /// The distance between two ticks, in the axis's values (bytes, money, seconds).
    public var step: Double
    /// From 0 to `top`, every `step`.
    public var ticks: [Tick]

    /// An axis from 0 that shows `maximum` (a value of 0 or less gets the axis of the
    /// smallest unit step); about `targetTicks` steps.
    public init(unit: Unit, maximum: Double, targetTicks: Int = 5) {
        self.unit = unit
        // Beyond 1e300 the nice top (up to 10 steps above) would overflow to infinity.
        let largest = maximum.isFinite ? min(max(0, maximum), 1e300) : 0
        // The scale of one unit (1024^k bytes, 1 money, 60 s …) and its name.
        var scale = ValueAxis.scale(unit, for: largest)
        var (step, top) = ValueAxis.niceStep(largest / scale.size, targetTicks: targetTicks, minimum: scale.minimumStep)
        if case .bytes = unit, top >= 1024, let i = ValueAxis.byteUnits.firstIndex(where: { $0.name == scale.name }),
            i + 1 < ValueAxis.byteUnits.count
        {
            // 1023 GiB reads better as 0 … 1 TiB than as 0 … 1200 GiB.
            scale = ValueAxis.byteUnits[i + 1]
            (step, top) = ValueAxis.niceStep(largest / scale.size, targetTicks: targetTicks, minimum: scale.minimumStep)
        }
        self.step = step * scale.size
        self.top = top * scale.size
        let decimals = ValueAxis.decimals(step)
        let count = Int(min(1_000, max(1, (top / step).rounded())))
        ticks = (0...count).map { i in
            let v = Double(i) * step
            return Tick(value: v * scale.size, label: ValueAxis.label(v, decimals: decimals, scale: scale, unit: unit))
        }
    }

    /// The unit name shown in an axis title (`GiB`, `USD`, `hours`).
    public var unitName: String {
        switch unit {
        case .bytes: return ValueAxis.scale(unit, for: top).name
        case .money(let currency): return currency
        case .seconds:
            switch ValueAxis.scale(unit, for: top).name {
            case "s": return "seconds"
            case "min": return "minutes"
            case "h": return "hours"
            default: return "days"
            }
        }
    }

    // MARK: Units

    struct Scale {
        var size: Double
        var name: String
        /// The smallest step worth a tick in this unit (1 byte, 1 second).
        var minimumStep: Double
    }

    static let byteUnits: [Scale] = ["B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB", "ZiB"].enumerated().map { i, name in
        var size = 1.0
        for _ in 0..<i { size *= 1024 }
        return Scale(size: size, name: name, minimumStep: i == 0 ? 1 : 0)
    }

    static func scale(_ unit: Unit, for value: Double) -> Scale {
        switch unit {
        case .bytes:
            return byteUnits.last { value >= $0.size } ?? byteUnits[0]
        case .money(let currency):
            return Scale(size: 1, name: currency, minimumStep: 0)
        case .seconds:
            if value < 120 { return Scale(size: 1, name: "s", minimumStep: 1) }
            if value < 7_200 { return Scale(size: 60, name: "min", minimumStep: 0) }
            if value < 172_800 { return Scale(size: 3_600, name: "h", minimumStep: 0) }
            return Scale(size: 86_400, name: "d", minimumStep: 0)
        }
    }

    /// A step of 1, 2 or 5 × 10ⁿ that cuts `[0, value]` into about `targetTicks` parts, and
    /// the first multiple of it at or above `value`.
    static func niceStep(_ value: Double, targetTicks: Int, minimum: Double) -> (step: Double, top: Double) {
        let v = value > 0 ? value : 1
        let raw = v / Double(max(1, targetTicks))
        var magnitude = 1.0
        while magnitude * 10 <= raw { magnitude *= 10 }
        while magnitude > raw { magnitude /= 10 }
        let f = raw / magnitude
        var step = (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * magnitude
        step = max(step, minimum)
        // Guard against v / step landing a hair above a whole number.
        let n = (v / step * (1 - 1e-12)).rounded(.up)
        return (step, max(1, n) * step)
    }

    /// Decimals that write every multiple of `step` exactly (at most 6).
    static func decimals(_ step: Double) -> Int {
        var d = 0
        var scaled = step
        while d < 6 && abs(scaled - scaled.rounded()) > 1e-9 * max(1, scaled) {
            scaled *= 10
            d += 1
        }
        return d
    }

    static func label(_ v: Double, decimals: Int, scale: Scale, unit: Unit) -> String {
        // Zero needs no decimals: `0 GiB`, `$0`.
        let decimals = v == 0 ? 0 : decimals
        switch unit {
        case .bytes, .seconds:
            return Format.fixed(v, decimals) + " " + scale.name
        case .money(let currency):
            // Cents are written in full: $0.50, not $0.5.
            return ValueAxis.money(v, decimals: decimals == 0 ? 0 : max(2, decimals), currency: currency)
        }
    }

    /// `$1,250`, `€0.50`, `CHF 12`: a currency symbol where one is common, else the code.
    public static func money(_ amount: Double, decimals: Int, currency: String) -> String {
        let symbols = ["USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥"]
        let digits = Format.grouped(Format.fixed(abs(amount), decimals))
        let sign = amount < 0 && Format.fixed(abs(amount), decimals) != Format.fixed(0, decimals) ? "−" : ""
        if let symbol = symbols[currency] { return sign + symbol + digits }
        return sign + currency + " " + digits
    }
}
