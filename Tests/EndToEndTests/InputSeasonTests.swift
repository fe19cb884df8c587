import Foundation
import Testing

/// `xhht run` and `xhht report` as a user meets issue 14: every entry of Input/ accounted for,
/// and Input/ as the season's truth, from the command line.
@Suite(.serialized) struct InputSeasonTests {
    typealias E = SampleRunTests
    static let coDo = "mau-2024-925-co-do.xlsx"

    /// The rows of indicators.csv for one unit code: (indicator, numerator).
    static func figures(_ project: URL, unit: String) throws -> [(String, String)] {
        try E.csvRows(project.appendingPathComponent("Output/2024/indicators.csv")).filter { $0.first == unit }.map { ($0[3], $0[4]) }
    }

    @Test func everyEntryIsAccountedForAndTheReportAgreesWithTheRun() throws {
        let fm = FileManager.default
        let project = try E.sampleProject()
        defer { try? fm.removeItem(at: project) }
        let input = project.appendingPathComponent("Input")
        var result = try E.run(E.binary, ["run", "--date", "2024-12-05", "-q"], in: project)
        #expect(result.status == 2, "stderr: \(result.stderr)")
        #expect(try Self.figures(project, unit: "925").contains { !$0.1.isEmpty })
        let before916 = try Self.figures(project, unit: "916").map(\.1)

        // Co Do's workbook leaves; Ninh Kieu's becomes a link; a FIFO, a dangling link and an old folder appear.
        let away = project.appendingPathComponent("away")
        try fm.createDirectory(at: away, withIntermediateDirectories: true)
        try fm.moveItem(at: input.appendingPathComponent(Self.coDo), to: away.appendingPathComponent(Self.coDo))
        let ninhKieu = "mau-2024-916-ninh-kieu.xlsx"
        try fm.moveItem(at: input.appendingPathComponent(ninhKieu), to: away.appendingPathComponent(ninhKieu))
        try fm.createSymbolicLink(atPath: input.appendingPathComponent(ninhKieu).path, withDestinationPath: "../away/\(ninhKieu)")
        #expect(mkfifo(input.appendingPathComponent("ong.xlsx").path, 0o644) == 0)
        try fm.createSymbolicLink(atPath: input.appendingPathComponent("mat.xlsx").path, withDestinationPath: "khong-co.xlsx")
        try fm.createDirectory(at: input.appendingPathComponent("cu"), withIntermediateDirectories: true)

        result = try E.run(E.binary, ["run", "--date", "2024-12-05", "-q"], in: project)
        #expect(result.status == 2, "stderr: \(result.stderr)")
        // Co Do has no figures; the link was read like the file it points at.
        #expect(try Self.figures(project, unit: "925").allSatisfy { $0.1.isEmpty })
        #expect(try Self.figures(project, unit: "916").map(\.1) == before916)
        let issues = try String(contentsOf: project.appendingPathComponent("Output/2024/issues.csv"), encoding: .utf8)
        let byFile = Dictionary(grouping: issues.components(separatedBy: "\r\n").dropFirst().filter { !$0.isEmpty }) {
            $0.split(separator: ",", maxSplits: 2, omittingEmptySubsequences: false)[1]
        }
        #expect(byFile["ong.xlsx"]?.first?.hasPrefix("error,ong.xlsx,") == true)
        #expect(byFile["ong.xlsx"]?.first?.contains("FIFO") == true)
        #expect(byFile["mat.xlsx"]?.first?.hasPrefix("error,mat.xlsx,") == true)
        #expect(byFile["cu"]?.first?.hasPrefix("info,cu,") == true)
        #expect(byFile[Substring(ninhKieu)]?.contains { $0.contains("symlink") || $0.contains("FIFO") } != true)
        #expect(byFile[Substring(Self.coDo)]?.contains { $0.hasPrefix("warning,\(Self.coDo),,,925,") && $0.contains("không còn trong thư mục đầu vào") } == true)

        // `xhht report`, from the store alone, says what the run said.
        let ranCSV = try Data(contentsOf: project.appendingPathComponent("Output/2024/indicators.csv"))
        let ranIssues = try Data(contentsOf: project.appendingPathComponent("Output/2024/issues.csv"))
        result = try E.run(E.binary, ["report", "--date", "2024-12-05", "-q"], in: project)
        #expect(result.status == 2, "stderr: \(result.stderr)")
        #expect(try Data(contentsOf: project.appendingPathComponent("Output/2024/indicators.csv")) == ranCSV)
        #expect(try Data(contentsOf: project.appendingPathComponent("Output/2024/issues.csv")) == ranIssues)

        // The file comes back: so do its figures.
        try fm.moveItem(at: away.appendingPathComponent(Self.coDo), to: input.appendingPathComponent(Self.coDo))
        result = try E.run(E.binary, ["run", "--date", "2024-12-05", "-q"], in: project)
        #expect(result.status == 2, "stderr: \(result.stderr)")
        #expect(try Self.figures(project, unit: "925").contains { !$0.1.isEmpty })
    }
}
