import NianbaoModel
public struct TextCleaner: Sendable { public init() {} }
