import Testing
import Foundation
import NianbaoModel
@testable import Extraction
@testable import Indicators
@testable import NianbaoPipeline

/// The web address a document was saved from: what it says of region and year (`SourceAddress`), how an
/// analyst's source list gives it (`SourceList`), and how a saved page states its own.
@Suite struct SourceAddressTests {
    static let rules = EntityResolutionTests.rules

    /// A text file of its own in a temporary folder (the pipeline reads files).
    static func textFile(_ text: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-address-\(UUID().uuidString).txt").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    static func region(_ address: String) -> (name: String, how: String)? {
        SourceAddress(address)?.region(gazetteer: rules.gazetteer, webSites: rules.webAddresses.sites)
    }

    @Test func governmentSitesNameTheirRegion() {
        // The pinyin of the region's name, under any department's label.
        #expect(Self.region("https://tjj.fujian.gov.cn/tongjinianjian/dz99/njhtml/d1323.html")?.name == "福建省")
        #expect(Self.region("http://custom.huzhou.gov.cn/hzgov/front/s29/hustats/html/tjnj2008/10/10-15.htm")?.name == "湖州市")
        #expect(Self.region("https://jyj.wuhan.gov.cn/zfxxgk/a.shtml")?.name == "武汉市")
        #expect(Self.region("https://www.beijing.gov.cn/")?.name == "北京市")
        // An official abbreviation is data (`web_addresses.sites`), and so is the portal of two provinces spelt alike.
        #expect(Self.region("https://tjj.gz.gov.cn/datav/admin/home/www_nj/2022/directory/18/html/18-01.htm")?.name == "广州市")
        #expect(Self.region("http://www.shanxi.gov.cn/")?.name == "山西省")
        #expect(Self.region("http://www.shaanxi.gov.cn/")?.name == "陕西省")
        #expect(Self.region("http://www.moe.gov.cn/jyb_sjzl/")?.name == "全国")
        #expect(Self.region("https://tjj.fujian.gov.cn/x")?.how == "address_site")
    }

    @Test func aLabelUnderAProvinceNamesOneOfItsDivisions() {
        // 抚州 (江西) and 福州 (福建) are both `fuzhou`; under jiangxi only 抚州 fits.
        #expect(Self.region("http://www.fuzhou.jiangxi.gov.cn/")?.name == "抚州市")
        #expect(Self.region("http://www.fuzhou.gov.cn/")?.name == "福州市")
    }

    @Test func otherSitesNameOnlyTheCountryOrAProvinceInTheirPath() {
        let mirror = "http://m.bjwenjie.com/jyb_sjzl/moe_560/2020/quanguo/202108/t20210831_556365.html"
        #expect(Self.region(mirror)?.name == "全国")
        #expect(Self.region(mirror)?.how == "address_path")
        // A commercial host's labels are not places; nor is a path of words and numbers.
        #expect(Self.region("https://www.xizexiao.com/school/news/10071/705") == nil)
        #expect(Self.region("https://huzhou.example.com/news/1.html") == nil)
        #expect(Self.region("not an address") == nil)
    }

    @Test func yearsAndDatesOfThePath() throws {
        let mirror = try #require(SourceAddress("http://m.bjwenjie.com/jyb_sjzl/moe_560/2020/quanguo/202108/t20210831_556365.html"))
        #expect(mirror.namedYear == 2020)
        #expect(mirror.date?.year == 2021 && mirror.date?.month == 8)
        let news = try #require(SourceAddress("https://edu.hsw.cn/system/2024/0304/149996.shtml"))
        #expect(news.namedYear == nil)   // 2024 starts a date
        #expect(news.date?.year == 2024 && news.date?.month == 3)
        let art = try #require(SourceAddress("https://www.example.gov.cn/art/2025/2/7/art_1229785320_4211464.html"))
        #expect(art.namedYear == nil && art.date?.year == 2025 && art.date?.month == 2)
        let dated = try #require(SourceAddress("https://china.example.com/m/2016-02-26/100912941.html"))
        #expect(dated.date?.year == 2016 && dated.date?.month == 2)
        let plain = try #require(SourceAddress("http://m.example.com/news/view-208700"))
        #expect(plain.namedYear == nil && plain.date == nil)
    }

    @Test func aYearbookInThePathGivesTheYearBefore() throws {
        let words = Self.rules.webAddresses.yearbookWords
        let glued = try #require(SourceAddress("http://custom.huzhou.gov.cn/hzgov/front/s29/hustats/html/tjnj2008/10/10-15.htm"))
        #expect(glued.yearbookYear(words: words) == 2008)
        let apart = try #require(SourceAddress("https://tjj.gz.gov.cn/datav/admin/home/www_nj/2022/directory/18/html/18-01.htm"))
        #expect(apart.yearbookYear(words: words) == 2022)
        // A word only counts whole: `nanjing2020` is no yearbook.
        let other = try #require(SourceAddress("http://www.example.cn/nanjing2020/njxx/1.html"))
        #expect(other.yearbookYear(words: words) == nil)
    }

    /// A prefecture yearbook's `市区` table is the city's urban districts, its yearbook's year the year before.
    @Test func anUrbanAreaTableOfAYearbook() throws {
        let path = try Self.textFile("""
            10-15  市区教育事业基本情况

            项目\t学校数(所)\t在校学生数(人)
            中等职业学校\t10\t14609
            """)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let report = Pipeline().process(path: path, docId: "t", stated: StatedFacts(
            address: "http://custom.huzhou.gov.cn/hzgov/front/s29/hustats/html/tjnj2008/10/10-15.htm"))
        let result = IndicatorExtractor(rules: Self.rules).extract(from: try #require(report.segmented))
        let record = report.record.described(by: result)
        #expect(record.subject == "湖州市" && record.reportYear == 2007 && record.reportYearSource == "address_yearbook")
        let enrollment = try #require(result.observations.first { $0.indicator == "enrollment" })
        #expect(enrollment.entity == "湖州市区" && enrollment.year == 2007 && enrollment.value == 14609)
    }

    // MARK: The source list

    @Test func aSourceListIsReadWithItsColumns() throws {
        let list = try SourceList.parse("""
            # where the files came from
            file\turl\tsubject\tyear
            a.txt\thttps://tjj.fujian.gov.cn/x.html\t\t
            b/c.txt\t\t宁海县第一职业中学\t2020
            """, path: "/data/sources.tsv")
        #expect(list.entries.count == 2)
        #expect(list.entries[0].facts == StatedFacts(address: "https://tjj.fujian.gov.cn/x.html"))
        #expect(list.entries[1].facts == StatedFacts(subject: "宁海县第一职业中学", year: 2020))
        #expect(list.entries[1].line == 4)
        let csv = try SourceList.parse("File,URL\nd.txt,http://www.moe.gov.cn/\n", path: "s.csv")
        #expect(csv.entries.first?.facts.address == "http://www.moe.gov.cn/")
    }

    @Test func aBadSourceListSaysWhereAndWhy() {
        func error(_ text: String) -> String? {
            do { _ = try SourceList.parse(text, path: "s.tsv"); return nil } catch { return error.description }
        }
        #expect(error("url\nhttp://x.cn/\n") == "s.tsv:1: header has no “file” column")
        #expect(error("file\tlink\na\tb\n")?.hasPrefix("s.tsv:1: unknown column “link”") == true)
        #expect(error("file\tyear\na.txt\t20x0\n") == "s.tsv:2: year “20x0” is not a year from 1949 to 2100")
        #expect(error("file\turl\na.txt\twww.x.cn\n") == "s.tsv:2: url “www.x.cn” does not start with http:// or https://")
        #expect(error("# nothing\n") == "s.tsv: has no header row")
    }

    @Test func entriesFindTheirFilesByPathOrName() throws {
        let files = [InputFile(path: "/data/in/a.txt", docId: "a"), InputFile(path: "/data/in/x/b.txt", docId: "x/b"),
                     InputFile(path: "/data/in/y/b.txt", docId: "y/b")]
        let list = try SourceList.parse("""
            file\turl
            a.txt\thttp://www.moe.gov.cn/1
            in/x/b.txt\thttp://www.moe.gov.cn/2
            b.txt\thttp://www.moe.gov.cn/3
            gone.txt\thttp://www.moe.gov.cn/4
            """, path: "/data/sources.tsv")
        let (applied, problems) = list.apply(to: files, roots: ["/data/in"])
        #expect(applied[0].stated.address == "http://www.moe.gov.cn/1")   // bare name, one file has it
        #expect(applied[1].stated.address == "http://www.moe.gov.cn/2")   // relative to the list's folder
        #expect(applied[2].stated.address == nil)
        #expect(problems.count == 2)
        #expect(problems.contains { $0.hasPrefix("/data/sources.tsv:4: “b.txt” names 2 imported files") })
        #expect(problems.contains { $0.hasPrefix("/data/sources.tsv:5: “gone.txt” is not among the files imported") })
    }

    @Test func aFolderMayHoldItsOwnSourceList() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-list-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(SourceList.folderLists([folder.path]).isEmpty)
        try "file\turl\n".write(to: folder.appendingPathComponent("sources.tsv"), atomically: true, encoding: .utf8)
        #expect(SourceList.folderLists([folder.path, folder.appendingPathComponent("sources.tsv").path])
                == [folder.appendingPathComponent("sources.tsv").path])
    }

    @Test func statedFactsArePartOfTheStoredVersion() {
        let plain = DocumentImport.version("v1", stated: StatedFacts())
        let one = DocumentImport.version("v1", stated: StatedFacts(address: "http://www.moe.gov.cn/"))
        let other = DocumentImport.version("v1", stated: StatedFacts(address: "http://www.moe.gov.cn/", year: 2020))
        #expect(plain == "v1")
        #expect(one != plain && other != one)
    }

    // MARK: Through the pipeline

    /// A yearbook table names neither region nor year: the address gives both, and says so.
    @Test func anAddressGivesATableItsSubjectAndYear() throws {
        let path = try Self.textFile("""
            教育事业基本情况
            项目\t学校数(所)\t在校学生数(人)
            中等职业学校\t77\t50321
            """)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let extractor = IndicatorExtractor(rules: Self.rules)
        let bare = Pipeline().process(path: path, docId: "t")
        let bareRecord = bare.record.described(by: extractor.extract(from: try #require(bare.segmented)))
        #expect(bareRecord.subject == nil && bareRecord.sourceAddress == nil)
        let address = "http://m.example.com/jyb_sjzl/2020/quanguo/202108/t20210831_1.html"
        let report = Pipeline().process(path: path, docId: "t", stated: StatedFacts(address: address))
        let result = extractor.extract(from: try #require(report.segmented))
        let record = report.record.described(by: result)
        #expect(record.sourceAddress == address)
        #expect(record.subject == "全国" && record.subjectSource == "address_path")
        #expect(record.reportYear == 2020 && record.reportYearSource == "address_year")
        let schools = try #require(result.observations.first { $0.indicator == "schools" })
        #expect(schools.entity == "全国" && schools.year == 2020 && schools.value == 77)
        // What the analyst states wins over the address.
        let stated = Pipeline().process(path: path, docId: "t",
                                        stated: StatedFacts(address: address, subject: "湖州市", year: 2007))
        let statedRecord = stated.record.described(by: extractor.extract(from: try #require(stated.segmented)))
        #expect(statedRecord.subject == "湖州市" && statedRecord.subjectSource == "stated")
        #expect(statedRecord.reportYear == 2007 && statedRecord.reportYearSource == "stated")
    }

    @Test func aSavedPageStatesItsOwnAddress() throws {
        let body = "<body><h1>某市职业教育发展情况</h1><p>" + String(repeating: "全市中等职业学校办学条件持续改善。", count: 4) + "</p></body></html>"
        func read(_ html: String) throws -> SourceDocument {
            try HTMLReader().read(path: "p.html", data: Data(html.utf8), options: ReadOptions())
        }
        let saved = try read("<!DOCTYPE html>\n<!-- saved from url=(0035)https://jyj.wuhan.gov.cn/a/1.shtml -->\n<html><head></head>" + body)
        #expect(saved.stated.address == "https://jyj.wuhan.gov.cn/a/1.shtml")
        let canonical = try read("<html><head><link rel=\"canonical\" href=\"https://tjj.fujian.gov.cn/b.html\"></head>" + body)
        #expect(canonical.stated.address == "https://tjj.fujian.gov.cn/b.html")
        let og = try read("<html><head><meta property=\"og:url\" content=\"http://www.moe.gov.cn/c.html\"></head>" + body)
        #expect(og.stated.address == "http://www.moe.gov.cn/c.html")
        let relative = try read("<html><head><link rel=\"canonical\" href=\"/b.html\"></head>" + body)
        #expect(relative.stated.address == nil)
    }
}
