import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One writer per `--out`: an exclusive `flock` on `nianbao.lock`, held for the life of the import. The
/// kernel releases it when the process ends, however it ends, so a killed import never leaves a stale lock.
public final class OutputLock: Sendable {
    let descriptor: Int32
    public let path: String

    public init(outputDirectory: URL) throws(DatasetError) {
        do {
            try FileManager.default.createDirectory(at: outputDirectory, withIntermediateDirectories: true)
        } catch {
            throw .cannotCreateDirectory(path: outputDirectory.path, reason: DatasetWriter.reason(error))
        }
        path = outputDirectory.appendingPathComponent("nianbao.lock").path
        descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw .cannotWrite(path: path, reason: String(cString: strerror(errno))) }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let holder = (try? String(contentsOfFile: path, encoding: .utf8))?
                .trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            close(descriptor)
            throw .locked(path: outputDirectory.path, holder: holder)
        }
        // Who holds it, for the message another import prints.
        let note = "pid \(getpid())\n"
        _ = ftruncate(descriptor, 0)
        _ = note.withCString { write(descriptor, $0, strlen($0)) }
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
