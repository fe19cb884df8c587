import Core
import Units

/// One workbook after normalize: which sheets were recognised, which unit sent it, one record
/// per unit row, and every finding. A pure value; `facts(year:)` turns it into what the store
/// keeps.
public struct NormalizedSubmission: Sendable, Hashable {
    /// The file name (not a path), as in every provenance.
    public var file: String
    public var sheets: [SheetMatch]
    /// The unit that sent the workbook (a district before the 2025 reform): the single row of
    /// the district sheet, else the title ("Phòng GDĐT huyện Phong Điền"), else the group row,
    /// else the district most of the communes belong to. nil when none of these says.
    public var reportingUnit: AdministrativeUnit?
    public var records: [NormalizedRecord]
    public var issues: [Issue]

    public init(file: String, sheets: [SheetMatch] = [], reportingUnit: AdministrativeUnit? = nil,
                records: [NormalizedRecord] = [], issues: [Issue] = []) {
        self.file = file
        self.sheets = sheets
        self.reportingUnit = reportingUnit
        self.records = records
        self.issues = issues
    }

    /// Every value of every record as a fact of `year`, in record order.
    public func facts(year: Int) -> [Fact] {
        records.flatMap { $0.facts(year: year) }
    }
}

/// How a sheet definition of the config was found in a workbook.
public struct SheetMatch: Sendable, Hashable, Codable {
    public enum Method: String, Sendable, Hashable, Codable { case name, content }

    /// The canonical name of the definition ("Cấp xã") and the sheet's own name ("Xa").
    public var definition: String
    public var sheet: String
    public var method: Method
    public var layout: HeaderLayout
    /// Field ids of the definition with no column in the sheet.
    public var missingFields: [String]

    public init(definition: String, sheet: String, method: Method, layout: HeaderLayout, missingFields: [String]) {
        self.definition = definition
        self.sheet = sheet
        self.method = method
        self.layout = layout
        self.missingFields = missingFields
    }
}
