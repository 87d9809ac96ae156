import Dispatch

extension Array where Element: Sendable {
    /// `map(transform)`, spread over all cores in chunks when the array is long enough for that to pay
    /// (a long PDF's lines or blocks: the per-line and per-block work after the pages are read was the part
    /// of `nianbao extract` that ran on one thread). Results keep the array's order; short arrays are mapped
    /// in place, so the many small documents an import reads in parallel pay nothing.
    public func parallelMap<Result: Sendable>(minimumCount: Int = 4_000,
                                              _ transform: @Sendable (Element) -> Result) -> [Result] {
        guard count >= minimumCount else { return map(transform) }
        let chunkCount = Swift.min(count, 32)
        let chunkSize = (count + chunkCount - 1) / chunkCount
        var chunks = [[Result]](repeating: [], count: chunkCount)
        chunks.withUnsafeMutableBufferPointer { buffer in
            // Each iteration writes only its own slot.
            nonisolated(unsafe) let slots = buffer
            DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
                let lower = Swift.min(chunk * chunkSize, count), upper = Swift.min(lower + chunkSize, count)
                slots[chunk] = self[lower..<upper].map(transform)
            }
        }
        return chunks.flatMap { $0 }
    }
}
