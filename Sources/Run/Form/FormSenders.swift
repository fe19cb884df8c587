import Config
import Core
import Units

/// Who sends a workbook, in a registry: the districts of the agency's province before the
/// 1 July 2025 reform (a district sends its communes' rows and its own), its communes after
/// it (each commune its own row). A code that is not a sender is refused with who sends
/// instead, so `xhht form --unit` never writes a form nobody will be asked to fill.
///
///     let senders = FormSenders(registry: registry, root: "92")
///     senders.level                                  // .district (can-tho-2024-02-01.csv)
///     try senders.sender("917", registryFile: "units/can-tho-2024-02-01.csv").name   // "Quận Ô Môn"
///     try senders.sender("31153", registryFile: ...) // throws: "... Quận Ô Môn (917) gửi số liệu của đơn vị này"
public struct FormSenders: Sendable {
    public let registry: UnitRegistry
    /// The agency's unit (the province): the root of what is asked for.
    public let root: String
    /// The level that sends: districts when the province has any, communes otherwise.
    public let level: UnitLevel
    /// Every sending unit, in the registry's order.
    public let units: [AdministrativeUnit]

    public init(registry: UnitRegistry, root: String) {
        self.registry = registry
        self.root = root
        let below = registry.descendants(of: root)
        let level: UnitLevel = below.contains { $0.level == .district } ? .district : .commune
        self.level = level
        units = below.filter { $0.level == level }
    }

    /// The sending unit `code`, or a failure (exit 64) in Vietnamese: an unknown code names
    /// the registry file and the nearest codes; a unit that does not send names who does.
    public func sender(_ code: String, registryFile: String) throws -> AdministrativeUnit {
        let code = code.trimmingCharacters(in: .whitespaces)
        if let unit = units.first(where: { $0.code == code }) { return unit }
        if let unit = registry.unit(code: code) {
            let rootName = registry.unit(code: root)?.name ?? root
            if let parent = registry.ancestors(of: code).first(where: { $0.level == level }) {
                throw CommandFailure(status: .usage, message:
                    "\(unit.name) (mã \(code)) không tự gửi biểu: \(parent.name) (mã \(parent.code)) gửi số liệu của đơn vị này "
                    + "trên trang \"Cấp xã\" của biểu mẫu của mình. Hãy chạy: xhht form --unit \(parent.code)")
            }
            let who = level == .district ? "các quận, huyện" : "các xã, phường, đặc khu"
            let inside = registry.descendants(of: root).contains { $0.code == code }
            throw CommandFailure(status: .usage, message: inside
                ? "\(unit.name) (mã \(code)) không gửi biểu: \(who) của \(rootName) gửi. Dùng --all để lập biểu mẫu cho mọi đơn vị gửi, hoặc --unit với mã một đơn vị gửi, ví dụ --unit \(units.first?.code ?? "")."
                : "\(unit.name) (mã \(code)) không thuộc \(rootName) (agency.unitCode \(root)): chỉ \(who) của \(rootName) gửi biểu cho cơ quan này.")
        }
        let nearest = Self.nearest(code, among: units).map { "\($0.code) \($0.name)" }
        throw CommandFailure(status: .usage, message:
            "Không có đơn vị mã \"\(code)\" trong danh mục \(registryFile)."
            + (nearest.isEmpty ? "" : " Mã gần nhất của các đơn vị gửi biểu: \(nearest.joined(separator: "; ")).")
            + " Mã đơn vị là mã hành chính chính thức (cột mã trong danh mục).")
    }

    /// Up to three senders whose code is nearest to `code`: the longest common prefix, then the
    /// nearest number (a mistyped or shortened code); by name for a code that is a name.
    static func nearest(_ code: String, among units: [AdministrativeUnit]) -> [AdministrativeUnit] {
        let key = Folding.fold(code)
        let named = units.filter { Folding.fold($0.name).contains(key) }
        if Int(code) == nil, !named.isEmpty { return Array(named.prefix(3)) }
        if let name = NearestWord.closest(key, in: units.map { Folding.fold($0.name) }) {
            return units.filter { Folding.fold($0.name) == name }
        }
        func prefix(_ a: String) -> Int { zip(a, code).prefix { $0 == $1 }.count }
        let number = Int(code) ?? 0
        return Array(units.sorted {
            (-prefix($0.code), abs((Int($0.code) ?? 0) - number), $0.code) < (-prefix($1.code), abs((Int($1.code) ?? 0) - number), $1.code)
        }.prefix(3))
    }
}
