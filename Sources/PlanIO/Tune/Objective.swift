import PlanCore

/// What a tuning run minimises (`--objective`).
public enum Objective: Sendable, Hashable {
    case totalCost
    case peakMonthlyCost
    case peakUsed(target: String)

    public static func parse(_ text: String) -> Objective? {
        switch text {
        case "total-cost": return .totalCost
        case "peak-monthly-cost": return .peakMonthlyCost
        default:
            if text.hasPrefix("peak-used:"), text.count > 10 { return .peakUsed(target: String(text.dropFirst(10))) }
            return nil
        }
    }

    public var name: String {
        switch self {
        case .totalCost: return "total-cost"
        case .peakMonthlyCost: return "peak-monthly-cost"
        case .peakUsed(let t): return "peak-used:" + t
        }
    }

    public var unit: KPIUnit {
        if case .peakUsed = self { return .bytes }
        return .money
    }
}
