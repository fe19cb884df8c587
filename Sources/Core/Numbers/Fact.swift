/// One accepted value: a unit's field in a report year, with the cell it was read from.
/// Facts are what the store keeps and what aggregation sums.
public struct Fact: Sendable, Hashable, Codable {
    /// The official administrative code of the unit the row describes ("31117").
    public var unitCode: String
    public var year: Int
    /// The canonical field id of pipeline.yml ("gia_dinh_dat").
    public var field: String
    public var value: FieldValue
    public var provenance: Provenance

    public init(unitCode: String, year: Int, field: String, value: FieldValue, provenance: Provenance) {
        self.unitCode = unitCode
        self.year = year
        self.field = field
        self.value = value
        self.provenance = provenance
    }
}
