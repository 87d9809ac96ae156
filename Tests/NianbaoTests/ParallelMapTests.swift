import Testing
import Cleaning

/// `parallelMap` is `map` spread over cores: the same results in the same order, whatever the length.
@Suite struct ParallelMapTests {
    @Test(arguments: [0, 1, 3_999, 4_000, 4_001, 100_003])
    func sameAsMap(count: Int) {
        let items = (0..<count).map { "line \($0) 第\($0 % 97)条" }
        let transform: @Sendable (String) -> Int = { $0.unicodeScalars.reduce(0) { $0 &* 31 &+ Int($1.value) } }
        #expect(items.parallelMap(transform) == items.map(transform))
        #expect(items.parallelMap(minimumCount: 1, transform) == items.map(transform))
    }
}
