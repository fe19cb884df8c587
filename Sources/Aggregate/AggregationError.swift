/// Why a report cannot be aggregated at all (anything smaller becomes an `Issue`).
public enum AggregationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The root unit of the report (pipeline.yml `agency.unitCode`) is not in the registry.
    case unknownRoot(String)

    public var description: String {
        switch self {
        case .unknownRoot(let code):
            "mã đơn vị báo cáo \"\(code)\" (agency.unitCode) không có trong danh mục đơn vị hành chính."
        }
    }
}
