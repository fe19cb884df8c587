/// What kind of value a column holds, and so how a cell is parsed; its raw value is the name
/// pipeline.yml and the store's `value_type` use ("yes-no").
public enum FieldType: String, Sendable, Hashable, Codable, CaseIterable {
    case count, level
    case yesNo = "yes-no"
    case text

    /// The type named by the UTF-8 bytes `utf8` ("count"), without making a String; nil for
    /// any other name.
    public init?(name utf8: UnsafeBufferPointer<UInt8>) {
        guard let type = FieldType.allCases.first(where: { $0.rawValue.utf8.elementsEqual(utf8) }) else { return nil }
        self = type
    }
}

extension FieldValue {
    /// The type of field the value is of.
    public var type: FieldType {
        switch self {
        case .count: .count
        case .level: .level
        case .yesNo: .yesNo
        case .text: .text
        }
    }
}
