import Core
import Model

/// The run's whole configuration, read from pipeline.yml. Every name the pipeline uses (sheets,
/// fields and their header aliases, indicators, targets) comes from here, so that a province with
/// another form changes the file, not the code.
///
/// Loading, strict checking (unknown keys, line and column of every mistake) and defaults live
/// in `PipelineConfigLoader`; this file holds the plain values.
public struct PipelineConfig: Sendable, Hashable, Codable {
    /// The report year: facts read from the input belong to it.
    public var year: Int
    public var report: ReportKind
    /// Who issues the report: the header of Nghị định 30/2020/NĐ-CP.
    public var agency: Agency
    public var paths: Paths
    /// Submissions received after this date (ISO "2024-11-30") are flagged.
    public var deadline: String?
    public var display: Display
    /// The sheets of the form and the fields each one carries.
    public var sheets: [SheetDefinition]
    public var indicators: [IndicatorDefinition]
    /// Which outputs to write: "docx", "pdf" (from the DOCX, with LibreOffice), "html", "csv",
    /// "json", "issues", "xlsx", "letters" (the letters back to each unit), "manifest".
    public var outputs: [String]
    /// The units a review proposes for commendation (`commendation:`); nil: no proposal.
    public var commendation: CommendationRule? = nil
    /// When a unit is asked to send its workbook again (`letters:`); seven days by default.
    public var resend: ResendDate = .standard

    public init(year: Int, report: ReportKind, agency: Agency, paths: Paths, deadline: String?, display: Display,
                sheets: [SheetDefinition], indicators: [IndicatorDefinition], outputs: [String]) {
        self.year = year
        self.report = report
        self.agency = agency
        self.paths = paths
        self.deadline = deadline
        self.display = display
        self.sheets = sheets
        self.indicators = indicators
        self.outputs = outputs
    }

    /// The level of the rows carrying each field: the level of the sheet that declares it (the
    /// first sheet, when two declare one field). Validate asks it to know which indicators a
    /// blank costs, the aggregation to know which rows to read.
    ///
    ///     config.fieldLevels["gia_dinh_dat"]   // .commune
    public var fieldLevels: [String: UnitLevel] {
        var out: [String: UnitLevel] = [:]
        for sheet in sheets {
            for field in sheet.fields where out[field.id] == nil { out[field.id] = sheet.level }
        }
        return out
    }

    /// Every field of every sheet, by id.
    public var fieldsByID: [String: FieldDefinition] {
        var out: [String: FieldDefinition] = [:]
        for sheet in sheets { for field in sheet.fields { out[field.id] = field } }
        return out
    }
}

/// Folders and files, relative to the folder of pipeline.yml unless absolute.
public struct Paths: Sendable, Hashable, Codable {
    public var input: String
    public var output: String
    /// The unit registry CSV (the format of shared/domain/units/*.csv).
    public var units: String
    /// Optional CSV of other names of units (`alias,code`).
    public var unitAliases: String?
    /// The lineage steps (old -> new units, each a CSV in the format of
    /// old-to-new-commune-2025-07-01.csv), as written; empty when none.
    public var lineage: [LineageFile]
    public var store: String
    public var templates: String

    public init(input: String = "Input", output: String = "Output", units: String, unitAliases: String? = nil, lineage: [LineageFile] = [],
                store: String = "Output/xhht.sqlite", templates: String = "Templates") {
        self.input = input
        self.output = output
        self.units = units
        self.unitAliases = unitAliases
        self.lineage = lineage
        self.store = store
        self.templates = templates
    }
}

/// One sheet of the form: which rows it holds and which columns (fields) it carries.
public struct SheetDefinition: Sendable, Hashable, Codable {
    /// The canonical sheet name ("Cấp xã"); `aliases` are other names it may carry.
    public var name: String
    public var aliases: [String]
    /// The level of the units its rows describe: commune rows or district rows.
    public var level: UnitLevel
    /// Headers of the column holding the official unit code ("Mã đơn vị", "Mã ĐVHC").
    public var codeAliases: [String]
    /// Headers of the column holding the unit name ("Tên đơn vị", "Đơn vị", "Xã, phường, thị trấn").
    public var nameAliases: [String]
    /// Headers of the ordinal column ("STT", "TT", "Số TT"): recognised, never a field.
    public var ordinalAliases: [String]
    public var fields: [FieldDefinition]

    public init(name: String, aliases: [String] = [], level: UnitLevel, codeAliases: [String] = [], nameAliases: [String] = [],
                ordinalAliases: [String] = ["STT", "TT", "Số TT", "Số thứ tự"], fields: [FieldDefinition]) {
        self.name = name
        self.aliases = aliases
        self.level = level
        self.codeAliases = codeAliases
        self.nameAliases = nameAliases
        self.ordinalAliases = ordinalAliases
        self.fields = fields
    }
}


/// A column of the form. Aliases are matched after folding case, spacing, Unicode form and
/// diacritics; an alias may be a header path "Gia đình học tập > Số hộ đạt" for a child header
/// under a merged parent.
public struct FieldDefinition: Sendable, Hashable, Codable {
    /// The canonical id used by indicators and the store ("gia_dinh_dat").
    public var id: String
    public var type: FieldType
    public var aliases: [String]
    public var required: Bool
    /// For `.level`: the highest level (levels run 0...max).
    public var maxLevel: Int?
    /// For a count that is part of another ("Số hộ đạt" of "Tổng số hộ"): the id of the whole,
    /// so validation can check part <= whole.
    public var partOf: String?
    /// A column of one era of the form only: the field is looked for only when the run's unit
    /// registry has no unit at this level (`onlyWithout: district`: the communes' own PCGD and
    /// XMC columns, which a registry since 1 July 2025 asks for and one with districts does not).
    /// See `PipelineConfig.fitted(toLevels:)`.
    public var onlyWithout: UnitLevel?

    public init(id: String, type: FieldType, aliases: [String], required: Bool = false, maxLevel: Int? = nil, partOf: String? = nil,
                onlyWithout: UnitLevel? = nil) {
        self.id = id
        self.type = type
        self.aliases = aliases
        self.required = required
        self.maxLevel = maxLevel
        self.partOf = partOf
        self.onlyWithout = onlyWithout
    }
}

/// An indicator of the catalogue: a ratio of two summed counts, or the share of units meeting a
/// condition.
public struct IndicatorDefinition: Sendable, Hashable, Codable {
    /// The kind lives in the report model (`IndicatorKind`), which carries it without the config.
    public typealias Kind = IndicatorKind

    /// "gia_dinh"
    public var id: String
    /// The Vietnamese name shown in reports ("Tỷ lệ gia đình được công nhận Gia đình học tập").
    public var name: String
    public var kind: Kind
    /// For `.ratio`: the field ids summed above and below. A list sums several fields
    /// (commune and district "Đơn vị học tập" rows).
    public var numerator: [String]
    public var denominator: [String]
    /// For `.share`: the condition a unit must meet, and optionally which units count at all
    /// ("of the communes that have a learning centre").
    public var condition: Condition?
    public var among: Condition?
    /// The level whose units are counted by a share, or whose rows carry the fields of a ratio.
    public var level: UnitLevel
    /// Targets by year, exact ("55,55" is 5555/10000 of one).
    public var targets: [Int: Fraction]

    public init(id: String, name: String, kind: Kind, numerator: [String] = [], denominator: [String] = [],
                condition: Condition? = nil, among: Condition? = nil, level: UnitLevel, targets: [Int: Fraction] = [:]) {
        self.id = id
        self.name = name
        self.kind = kind
        self.numerator = numerator
        self.denominator = denominator
        self.condition = condition
        self.among = among
        self.level = level
        self.targets = targets
    }

    /// The target of a year, or the latest earlier one (a plan's target holds until replaced).
    public func target(for year: Int) -> Fraction? {
        if let t = targets[year] { return t }
        return targets.keys.filter { $0 <= year }.max().flatMap { targets[$0] }
    }
}

/// A test on one field of one unit: `field op value` ("cdht_xa_muc >= 1", "tthtcd_co == yes").
public struct Condition: Sendable, Hashable, Codable {
    public enum Operator: String, Sendable, Hashable, Codable { case eq = "==", ne = "!=", ge = ">=", gt = ">", le = "<=", lt = "<" }
    /// How the value was written: a number (`>= 1`) or a yes/no word (`== yes`). The word and
    /// the number compare alike (yes is 1), but only a yes-no field takes a word and only a
    /// count or a level takes a number, so pipeline.yml's checks need to know which it was.
    public enum Literal: String, Sendable, Hashable, Codable { case number, yesNo = "yes-no" }

    public var field: String
    public var op: Operator
    /// Compared with `FieldValue.integer` (yes = 1, no = 0).
    public var value: Int64
    public var literal: Literal

    public init(field: String, op: Operator, value: Int64, literal: Literal = .number) {
        self.field = field
        self.op = op
        self.value = value
        self.literal = literal
    }

    /// A condition on a yes-no field: `Condition(field: "tthtcd_co", op: .eq, yes: true)` is
    /// "tthtcd_co == yes".
    public init(field: String, op: Operator, yes: Bool) {
        self.init(field: field, op: op, value: yes ? 1 : 0, literal: .yesNo)
    }

    /// nil when the field is missing: a missing value neither meets nor fails a condition.
    public func evaluate(_ value: FieldValue?) -> Bool? {
        guard let v = value?.integer else { return nil }
        switch op {
        case .eq: return v == self.value
        case .ne: return v != self.value
        case .ge: return v >= self.value
        case .gt: return v > self.value
        case .le: return v <= self.value
        case .lt: return v < self.value
        }
    }
}
