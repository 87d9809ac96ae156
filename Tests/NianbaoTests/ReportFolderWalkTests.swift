import Foundation
import Testing
@testable import NianbaoPipeline
import Extraction

/// Which files of a folder are reports: the folder's own notes (a list of sources, a README) are not.
@Suite struct ReportFolderWalkTests {
    @Test func folderNotesAreNotReports() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-walk-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for name in ["SOURCES.md", "README.txt", "Readme-2021.md", "license.txt", "r01.txt", "sources-2021.md", "2021年报告.html"] {
            try Data("x".utf8).write(to: folder.appendingPathComponent(name))
        }
        let found = ReportFolderWalk.reportFiles(in: folder.path).paths.map { ($0 as NSString).lastPathComponent }
        #expect(found == ["2021年报告.html", "r01.txt", "sources-2021.md"])
    }
}

/// The processing version a store compares documents with carries a digest of the reading stages' sources,
/// so a changed reader re-reads stored documents without a version raised by hand.
@Suite struct ProcessingVersionTests {
    @Test func theVersionCarriesTheReadingSourcesDigest() {
        let version = NianbaoVersion.processing(ReadOptions())
        let digest = version.split(separator: " ").first { $0.hasPrefix("sources:") }?.dropFirst("sources:".count)
        #expect(digest != nil)
        #expect(digest != "unknown" && (digest?.count ?? 0) >= 8, "\(version)")
    }
}
