/// Terminal colour for the text renderers: SGR codes when `enabled`, plain text otherwise.
public struct ANSIStyle: Sendable {
    public var enabled: Bool
    public init(enabled: Bool) { self.enabled = enabled }

    /// `s` in the SGR style `code` (`"31"` red, `"32"` green, `"33"` yellow, `"1"` bold).
    public func paint(_ s: String, _ code: String) -> String { enabled ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s }
    public func bold(_ s: String) -> String { paint(s, "1") }
}
