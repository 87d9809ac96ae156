import NianbaoModel
public struct Segmenter: Sendable { public init() {} }
