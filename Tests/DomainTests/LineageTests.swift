import Foundation
import Testing
@testable import Units

@Suite struct LineageTests {
    /// 2024: A becomes X (new code). 2025-07-01: X and B merge into B; C splits into D and E.
    let lineage = UnitLineage(steps: [
        LineageStep(effective: "2025-07-01", successors: ["X": ["B"], "C": ["D", "E"]]),
        LineageStep(effective: "2024-11-01", successors: ["A": ["X"]]),
    ])

    @Test func walksTheChainInDateOrder() {
        #expect(lineage.steps.map(\.effective) == ["2024-11-01", "2025-07-01"])
        let a = lineage.resolve("A", fromYear: 2023, toYear: 2025)
        #expect(a == LineageResolution(codes: ["B"], split: false, changed: true))
        // Facts of 2024 are already in the units of 31/12/2024: only the 2025 step applies.
        #expect(lineage.resolve("X", fromYear: 2024, toYear: 2025).codes == ["B"])
        #expect(lineage.resolve("A", fromYear: 2023, toYear: 2024).codes == ["X"])
        #expect(lineage.resolve("B", fromYear: 2023, toYear: 2025) == LineageResolution(codes: ["B"], split: false, changed: false))
        #expect(lineage.resolve("C", fromYear: 2023, toYear: 2025) == LineageResolution(codes: ["D", "E"], split: true, changed: true))
        #expect(lineage.resolve("C", fromYear: 2023, toYear: 2024).split == false)
        #expect(lineage.steps(fromYear: 2025, toYear: 2025).isEmpty)
    }

    @Test func readsTheOldToNewFormatAndChecksDeclaredSplits() throws {
        let csv = """
        old_province_code,old_province_name,old_commune_code,old_commune_name,new_province_code,new_commune_code,new_commune_name,n_targets_for_old_commune
        92,Cần Thơ,31117,Phường Cái Khế,92,31120,Phường Ninh Kiều,1
        92,Cần Thơ,31120,Phường An Hòa,92,31120,Phường Ninh Kiều,1
        94,Sóc Trăng,31500,Xã A,92,31510,Xã B,2
        94,Sóc Trăng,31500,Xã A,92,31520,Xã C,2
        93,Hậu Giang,1,Xã Số Một,92,31530,Xã D,3
        """
        let (step, diagnostics) = try LineageStep.parseOldToNewCSV(csv, effective: "2025-07-01", source: "t.csv")
        #expect(step.successors["31117"] == ["31120"])
        #expect(step.successors["31500"] == ["31510", "31520"])
        #expect(step.successors["00001"] == ["31530"])  // leading zeros restored
        // Provinces derived from their communes: Sóc Trăng and Hậu Giang merge into Cần Thơ.
        #expect(step.successors["94"] == ["92"])
        #expect(step.successors["93"] == ["92"])
        #expect(step.predecessors(of: "31120") == ["31117", "31120"])
        // Declared 3 targets, 1 listed: reported, not trusted.
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.contains("00001") == true)
    }

    @Test func missingProvinceColumnsAreAnErrorWhenProvincesAreMapped() throws {
        let communesOnly = "old_commune_code,new_commune_code\n31117,31120\n"
        #expect(throws: LineageCSVError.missingColumn(source: "t.csv", column: "old_province_code")) {
            try LineageStep.parseOldToNewCSV(communesOnly, effective: "2025-07-01", source: "t.csv")
        }
        let error = LineageCSVError.missingColumn(source: "t.csv", column: "old_province_code")
        #expect(error.description.hasPrefix("t.csv, dòng 1: "))
        #expect(error.description.contains("old_province_code,old_commune_code,new_province_code,new_commune_code"))
        // Without province mapping the communes alone are enough.
        let step = try LineageStep.parseOldToNewCSV(communesOnly, effective: "2025-07-01", source: "t.csv", provinces: false).step
        #expect(step.successors["31117"] == ["31120"])
    }

    @Test func missingColumnIsAnError() {
        #expect(throws: LineageCSVError.missingColumn(source: "t.csv", column: "new_commune_code")) {
            try LineageStep.parseOldToNewCSV("old_commune_code,x\n1,2\n", effective: "2025-07-01", source: "t.csv")
        }
    }

    /// The official 2025 mapping: every listed split is consistent with its declared count, and
    /// Cần Thơ's old wards all land in the new Cần Thơ (92) with Sóc Trăng and Hậu Giang.
    @Test(.enabled(if: SharedData.units("old-to-new-commune-2025-07-01.csv") != nil, Comment(rawValue: SharedData.skipMessage)))
    func officialMappingOf2025() throws {
        let path = try #require(SharedData.units("old-to-new-commune-2025-07-01.csv"))
        var diagnostics: [String] = []
        let step = try LineageStep(oldToNewCSVAt: path, effective: "2025-07-01", diagnostics: &diagnostics)
        #expect(diagnostics.isEmpty, "\(diagnostics.prefix(5))")
        let communes = step.successors.filter { $0.key.count == 5 }
        #expect(communes.count > 10_000)
        #expect(communes.values.contains { $0.count > 1 })  // splits exist
        #expect(step.successors["94"] == ["92"])
        #expect(step.successors["93"] == ["92"])
        #expect(step.successors["92"] == ["92"])
    }
}
