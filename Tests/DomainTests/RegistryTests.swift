@testable import Core
import Foundation
import Testing
@testable import Units

/// The unit registry: loading the official CSV lists, and resolving written codes and names.
@Suite struct RegistryLoadingTests {
    static let sample = SharedData.repositoryRoot.appendingPathComponent("units/can-tho-2024-02-01.csv").path

    @Test func loadsTheShippedCanThoList() throws {
        let registry = try UnitRegistry(contentsOf: Self.sample)
        #expect(registry.units(at: .province).map(\.code) == ["92"])
        #expect(registry.units(at: .district).map(\.code) == ["916", "917", "918", "919", "923", "924", "925", "926", "927"])
        #expect(registry.units(at: .commune).count == 83)
        #expect(registry.roots.map(\.code) == ["92"])
        let caiKhe = try #require(registry.unit(code: "31117"))
        #expect(caiKhe.name == "Phường Cái Khế")
        #expect(caiKhe.parentCode == "916")
        #expect(registry.ancestors(of: "31117").map(\.code) == ["916", "92"])
        #expect(registry.children(of: "916").first?.code == "31117")
    }

    @Test func keepsAndRestoresLeadingZeros() throws {
        // The second row is what Excel writes after opening the list: zeros lost, a float code.
        let csv = """
        province_code,province_name,district_code,district_name,commune_code,commune_name
        01,Thành phố Hà Nội,001,Quận Ba Đình,00001,Phường Phúc Xá
        1,Thành phố Hà Nội,1,Quận Ba Đình,4.0,Phường Trúc Bạch
        """
        let registry = try UnitRegistry(csv: csv, source: "t.csv")
        #expect(registry.units.map(\.code) == ["01", "001", "00001", "00004"])
        #expect(registry.unit(code: "00004")?.parentCode == "001")
    }

    @Test func readsThePostReformShape() throws {
        let csv = """
        province_code,province_name,commune_code,commune_name,commune_type,stt_in_list
        92,Thành phố Cần Thơ,31117,Phường Ninh Kiều,Phường,1
        92,Thành phố Cần Thơ,"31150",Phường Cái Khế,Phường,2
        """
        let registry = try UnitRegistry(csv: csv, source: "communes.csv")
        #expect(registry.units(at: .district).isEmpty)
        #expect(registry.children(of: "92").map(\.name) == ["Phường Ninh Kiều", "Phường Cái Khế"])
    }

    @Test func addsANationalRootWhenAsked() throws {
        let registry = try UnitRegistry(contentsOf: Self.sample, nationalRoot: true)
        #expect(registry.roots.map(\.code) == [UnitRegistry.nationCode])
        #expect(registry.unit(code: "92")?.parentCode == UnitRegistry.nationCode)
        #expect(registry.ancestors(of: "31117").map(\.level) == [.district, .province, .nation])
        #expect(registry.addingNationalRoot().units.count == registry.units.count)
    }

    @Test func quotedFieldsBomAndCRLF() throws {
        // A district row with no commune (an island district) adds the district alone.
        let csv = "\u{FEFF}province_code,province_name,district_code,district_name,commune_code,commune_name\r\n"
            + "92,\"Thành phố \"\"Cần Thơ\"\", TW\",916,Quận Ninh Kiều,,\r\n\r\n"
        let registry = try UnitRegistry(csv: csv, source: "q.csv")
        #expect(registry.unit(code: "92")?.name == "Thành phố \"Cần Thơ\", TW")
        #expect(registry.unit(code: "916")?.parentCode == "92")
    }

    @Test(arguments: [
        ("province_code,province_name,commune_code,commune_name\n92,Cần Thơ,31117,A\n92,Cần Thơ,3A117,B\n", 3, "3A117"),
        ("province_code,province_name,commune_code,commune_name\n92,Cần Thơ,31117,A\n92,Cần Thơ,31117,B\n", 3, "dòng 2"),
        ("province_code,province_name,commune_code,commune_name\n92,Cần Thơ,31117\n", 2, "cột"),
        ("province_code,province_name,commune_code,commune_name\n92,Cần Thơ,31117,\"A\n", 2, "ngoặc kép"),
        ("ma,ten\n92,Cần Thơ\n", 1, "province_code"),
    ])
    func badListsNameTheLine(csv: String, line: Int, fragment: String) {
        #expect {
            _ = try UnitRegistry(csv: csv, source: "bad.csv")
        } throws: { error in
            guard let error = error as? UnitRegistryError else { return false }
            return error.file == "bad.csv" && error.line == line && error.description.contains(fragment)
        }
    }

    /// A header that fits neither official shape is refused at its line, before any row is read:
    /// a list that lost its commune_name column used to load as a list of districts, and every
    /// commune of every workbook became "unknown". (header, column to blame, what is missing)
    @Test(arguments: [
        ("province_code,province_name,district_code,district_name,commune_code,commune_type", 5, "thiếu cột commune_name"),
        ("province_code,province_name,district_code,district_name,commune_name", 5, "thiếu cột commune_code"),
        ("province_code,province_name,district_code,commune_code,commune_name", 3, "thiếu cột district_name"),
        ("province_code,district_code,district_name,commune_code,commune_name", 1, "thiếu cột province_name"),
        ("province_code,province_name,district_code,district_name", 0, "thiếu cột commune_code và commune_name"),
        ("province_code,province_name,commune_code,commune_nam", 3, "có phải cột 4 \"commune_nam\" viết sai?"),
        ("province_code,province_name,commune_code,commune_name,commune_code", 5, "commune_code có hai lần (cột 3 và cột 5)"),
    ])
    func aHeaderOfNeitherShapeIsRefused(header: String, column: Int, fragment: String) {
        let csv = header + "\n92,Thành phố Cần Thơ,916,Quận Ninh Kiều,31117,Phường Cái Khế\n"
        #expect {
            _ = try UnitRegistry(csv: csv, source: "units.csv")
        } throws: { error in
            guard let error = error as? UnitRegistryError else { return false }
            let place = column > 0 ? "units.csv, dòng 1, cột \(column): " : "units.csv, dòng 1: "
            // Both accepted shapes are spelt out, so the user knows what to write.
            return error.line == 1 && error.column == column && error.description.hasPrefix(place)
                && error.message.contains(fragment)
                && error.message.contains("province_code,province_name,district_code,district_name,commune_code,commune_name")
                && error.message.contains("province_code,province_name,commune_code,commune_name (")
        }
    }

    @Test func aBadCodeNamesItsColumn() {
        let csv = "commune_name,commune_code,province_code,province_name\nPhường Cái Khế,31A17,92,Cần Thơ\n"
        #expect {
            _ = try UnitRegistry(csv: csv, source: "u.csv")
        } throws: { ($0 as? UnitRegistryError)?.description.hasPrefix("u.csv, dòng 2, cột 2: mã xã \"31A17\"") == true }
    }

    @Test func aliasesResolveAndBadAliasesAreErrors() throws {
        let aliases = "alias,code\nPhường Cái Khế cũ,31117\nTP.CT,92\n"
        let registry = try UnitRegistry(contentsOf: Self.sample)
        let csv = try String(contentsOfFile: Self.sample, encoding: .utf8)
        let withAliases = try UnitRegistry(csv: csv, source: "u.csv", aliasesCSV: aliases, aliasesSource: "a.csv")
        #expect(withAliases.resolve(code: nil, name: "phuong cai khe cu", level: .commune, under: nil) == .unit(registry.unit(code: "31117")!))
        #expect(withAliases.resolve(code: nil, name: "TP. CT", level: nil, under: nil) == .unit(registry.unit(code: "92")!))
        #expect(registry.resolve(code: nil, name: "TP.CT", level: nil, under: nil) == .unknown)
        #expect {
            _ = try UnitRegistry(csv: csv, source: "u.csv", aliasesCSV: "alias,code\nX,99999\n", aliasesSource: "a.csv")
        } throws: { ($0 as? UnitRegistryError)?.line == 2 && ($0 as? UnitRegistryError)?.file == "a.csv" }
    }

    @Test func missingFileSaysWhatToCheck() {
        #expect {
            _ = try UnitRegistry(contentsOf: "/nonexistent/units.csv")
        } throws: { ($0 as? UnitRegistryError)?.message.contains("paths.units") == true }
    }
}

extension UnitResolution {
    var isAmbiguous: Bool { if case .ambiguous = self { true } else { false } }
    var unit: AdministrativeUnit? { if case .unit(let u) = self { u } else { nil } }
}

@Suite struct RegistryResolutionTests {
    let registry: UnitRegistry
    init() throws { registry = try UnitRegistry(contentsOf: RegistryLoadingTests.sample) }

    func code(_ resolution: UnitResolution) -> String? {
        if case .unit(let u) = resolution { return u.code }
        return nil
    }

    @Test(arguments: [
        ("TP. Cần Thơ", "92"), ("Thành phố Cần Thơ", "92"), ("thanh pho can tho", "92"), ("TP Cần Thơ", "92"),
        ("Q. Ninh Kiều", "916"), ("quận Ninh Kiều", "916"), ("QUẬN  NINH KIỀU", "916"), ("Ninh Kiều", "916"),
        ("H. Phong Điền", "926"), ("Huyện Phong Điền", "926"), ("h.phong dien", "926"),
        ("P. Cái Khế", "31117"), ("phường cái khế", "31117"), ("Cái Khế", "31117"),
        ("TT. Cờ Đỏ", "31261"), ("Thị trấn Cờ Đỏ", "31261"), ("TT Thanh An", "31231"),
        ("X. Trường Long", "31309"), ("xã Trường Long", "31309"),
    ])
    func prefixesAndCaseFoldAway(name: String, expected: String) throws {
        let expectedUnit = try #require(registry.unit(code: expected))
        #expect(code(registry.resolve(code: nil, name: name, level: expectedUnit.level, under: nil)) == expected)
    }

    @Test func nfdAndNfcResolveAlike() {
        let nfd = "Phường An Hòa".decomposedStringWithCanonicalMapping
        let nfc = "Phường An Hoà".precomposedStringWithCanonicalMapping
        #expect(nfd.unicodeScalars.count > nfc.unicodeScalars.count)
        #expect(code(registry.resolve(code: nil, name: nfd, level: .commune, under: "916")) == "31120")
        #expect(code(registry.resolve(code: nil, name: nfc, level: .commune, under: "916")) == "31120")
    }

    @Test func codeWinsOverNameAndLostZerosComeBack() {
        #expect(code(registry.resolve(code: "31117", name: "Phường An Hòa", level: .commune, under: nil)) == "31117")
        #expect(code(registry.resolve(code: "31117.0", name: nil, level: nil, under: nil)) == "31117")
        #expect(code(registry.resolve(code: " 916 ", name: nil, level: .district, under: nil)) == "916")
        // An unknown code falls back to the name; the caller compares codes to report it.
        #expect(code(registry.resolve(code: "99999", name: "Cái Khế", level: .commune, under: nil)) == "31117")
        #expect(registry.resolve(code: "99999", name: nil, level: .commune, under: nil) == .unknown)
    }

    @Test func lostZerosUseTheLevelAndTheScope() throws {
        let csv = """
        province_code,province_name,district_code,district_name,commune_code,commune_name
        01,Thành phố Hà Nội,001,Quận Ba Đình,00001,Phường Phúc Xá
        02,Tỉnh Hà Giang,024,Thành phố Hà Giang,00688,Phường Quang Trung
        """
        let hanoi = try UnitRegistry(csv: csv, source: "t.csv")
        #expect(code(hanoi.resolve(code: "1", name: nil, level: .commune, under: nil)) == "00001")
        #expect(code(hanoi.resolve(code: "1", name: nil, level: .district, under: nil)) == "001")
        #expect(code(hanoi.resolve(code: "1", name: nil, level: .province, under: nil)) == "01")
        guard case .ambiguous(let all) = hanoi.resolve(code: "1", name: nil, level: nil, under: nil) else {
            Issue.record("a bare 1 with no level should be ambiguous"); return
        }
        #expect(all.map(\.code) == ["01", "001", "00001"])
        #expect(code(hanoi.resolve(code: "1", name: nil, level: nil, under: "001")) == "00001")
        #expect(code(hanoi.resolve(code: "2", name: nil, level: nil, under: nil)) == "02")
    }

    @Test func numberedWardsAndAmbiguityUnderAParent() throws {
        let csv = """
        province_code,province_name,district_code,district_name,commune_code,commune_name
        79,Thành phố Hồ Chí Minh,774,Quận 5,27301,Phường 1
        79,Thành phố Hồ Chí Minh,774,Quận 5,27304,Phường 2
        79,Thành phố Hồ Chí Minh,775,Quận 6,27343,Phường 1
        79,Thành phố Hồ Chí Minh,775,Quận 6,27346,Phường 10
        """
        let hcm = try UnitRegistry(csv: csv, source: "hcm.csv")
        for written in ["Phường 1", "P.1", "P. 01", "p1", "PHƯỜNG 01", "1"] {
            #expect(code(hcm.resolve(code: nil, name: written, level: .commune, under: "774")) == "27301", "\(written)")
            #expect(code(hcm.resolve(code: nil, name: written, level: .commune, under: "775")) == "27343", "\(written)")
            #expect(hcm.resolve(code: nil, name: written, level: .commune, under: nil)
                    == .ambiguous([hcm.unit(code: "27301")!, hcm.unit(code: "27343")!]), "\(written)")
        }
        #expect(code(hcm.resolve(code: nil, name: "P.10", level: .commune, under: "79")) == "27346")
        #expect(code(hcm.resolve(code: nil, name: "Quận 5", level: .district, under: nil)) == "774")
        #expect(code(hcm.resolve(code: nil, name: "Q.6", level: nil, under: "79")) == "775")
        #expect(hcm.resolve(code: nil, name: "Phường 2", level: .commune, under: "775") == .unknown)
    }

    @Test func theWrittenTypeSeparatesNamesakes() throws {
        let csv = """
        province_code,province_name,district_code,district_name,commune_code,commune_name
        93,Tỉnh Hậu Giang,936,Thị xã Long Mỹ,,
        93,Tỉnh Hậu Giang,937,Huyện Long Mỹ,,
        """
        let hauGiang = try UnitRegistry(csv: csv, source: "hg.csv")
        #expect(code(hauGiang.resolve(code: nil, name: "TX. Long Mỹ", level: .district, under: nil)) == "936")
        #expect(code(hauGiang.resolve(code: nil, name: "huyện Long Mỹ", level: .district, under: nil)) == "937")
        guard case .ambiguous(let both) = hauGiang.resolve(code: nil, name: "Long Mỹ", level: .district, under: "93") else {
            Issue.record("Long Mỹ without a type must be ambiguous"); return
        }
        #expect(both.map(\.code) == ["936", "937"])
    }

    @Test func levelSeparatesAWardFromItsDistrict() {
        // Cần Thơ has Quận Thốt Nốt (923) and, under it, Phường Thốt Nốt (31207).
        #expect(code(registry.resolve(code: nil, name: "Thốt Nốt", level: .district, under: nil)) == "923")
        let ward = registry.resolve(code: nil, name: "Thốt Nốt", level: .commune, under: "923")
        #expect(code(ward).map { registry.unit(code: $0)?.name } == "Phường Thốt Nốt")
        guard case .ambiguous(let both) = registry.resolve(code: nil, name: "Thốt Nốt", level: nil, under: nil) else {
            Issue.record("Thốt Nốt without a level must be ambiguous"); return
        }
        #expect(Set(both.map(\.level)) == [.district, .commune])
    }

    @Test func diacriticsBreakTiesBetweenNamesakes() throws {
        let csv = """
        province_code,province_name,district_code,district_name,commune_code,commune_name
        10,Tỉnh Lào Cai,088,Thị xã Sa Pa,03001,Phường Sa Pa
        10,Tỉnh Lào Cai,088,Thị xã Sa Pa,03002,Phường Sa Pả
        """
        let laoCai = try UnitRegistry(csv: csv, source: "lc.csv")
        #expect(code(laoCai.resolve(code: nil, name: "P. Sa Pả", level: .commune, under: "088")) == "03002")
        #expect(code(laoCai.resolve(code: nil, name: "Sa Pa", level: .commune, under: "088")) == "03001")
        #expect(laoCai.resolve(code: nil, name: "SA PÀ", level: .commune, under: "088").isAmbiguous)
    }

    @Test func unknownAndEmptyNames() {
        #expect(registry.resolve(code: nil, name: "Phường Bến Nghé", level: .commune, under: nil) == .unknown)
        #expect(registry.resolve(code: nil, name: "  ", level: nil, under: nil) == .unknown)
        #expect(registry.resolve(code: "", name: nil, level: nil, under: nil) == .unknown)
        #expect(registry.resolve(code: nil, name: "Cái Khế", level: .commune, under: "917") == .unknown)
    }
}

/// The national lists of shared/ (not shipped with the product): every official name must
/// resolve back to its own unit when the parent is known.
@Suite(.enabled(if: SharedData.root != nil, Comment(rawValue: SharedData.skipMessage)))
struct RegistryNationalListTests {
    @Test func preReformListResolvesEveryCommuneUnderItsDistrict() throws {
        let path = try #require(SharedData.units("units-2023-04-10.csv"))
        let registry = try UnitRegistry(contentsOf: path)
        #expect(registry.units(at: .province).count == 63)
        // domain/README.md counts 705 districts; the file lists 700 (districts without communes
        // have no row in a one-row-per-commune list).
        #expect(registry.units(at: .district).count == 700)
        #expect(registry.units(at: .commune).count == 10_598)
        var wrong: [String] = []
        for unit in registry.units where unit.level != .province {
            let byName = registry.resolve(code: nil, name: unit.name, level: unit.level, under: unit.parentCode)
            if byName != .unit(unit) { wrong.append("\(unit.code) \(unit.name): \(byName)") }
            let byCode = registry.resolve(code: String(Int(unit.code)!), name: nil, level: unit.level, under: nil)
            if byCode != .unit(unit) { wrong.append("code \(unit.code): \(byCode)") }
        }
        #expect(wrong.isEmpty, "\(wrong.prefix(10))")
    }

    @Test func numberedWardsOfHoChiMinhCity() throws {
        let path = try #require(SharedData.units("units-2023-04-10.csv"))
        let registry = try UnitRegistry(contentsOf: path)
        let district3 = try #require(registry.resolve(code: nil, name: "Q.3", level: .district, under: "79").unit)
        #expect(district3.name == "Quận 3")
        // The official list writes "Phường 01".
        let ward1 = try #require(registry.children(of: district3.code).first { $0.name == "Phường 01" })
        for written in ["P.1", "P. 01", "phường 1", "P1", "Phường 01"] {
            #expect(registry.resolve(code: nil, name: written, level: .commune, under: district3.code) == .unit(ward1), "\(written)")
        }
        guard case .ambiguous(let many) = registry.resolve(code: nil, name: "Phường 1", level: .commune, under: "79") else {
            Issue.record("Phường 1 of Hồ Chí Minh City without a district must be ambiguous"); return
        }
        #expect(many.count > 5 && many.contains(ward1))
    }

    @Test func postReformListHangsCommunesUnderProvinces() throws {
        let path = try #require(SharedData.units("communes-2025-07-01.csv"))
        let registry = try UnitRegistry(contentsOf: path, nationalRoot: true)
        #expect(registry.units(at: .province).count == 34)
        #expect(registry.units(at: .commune).count == 3_321)
        #expect(registry.units(at: .district).isEmpty)
        #expect(registry.descendants(of: "92").count == 103)
        #expect(registry.children(of: UnitRegistry.nationCode).count == 34)
        // "Tp Hải Phòng" is how this list writes the province; "Đặc khu" is a commune-level type.
        #expect(registry.resolve(code: nil, name: "Thành phố Hải Phòng", level: .province, under: nil).unit?.code == "31")
        #expect(registry.resolve(code: nil, name: "Cô Tô", level: .commune, under: "22").unit?.name == "Đặc khu Cô Tô")
        #expect(registry.resolve(code: "7192", name: nil, level: .commune, under: nil).unit?.code == "07192")
    }
}
