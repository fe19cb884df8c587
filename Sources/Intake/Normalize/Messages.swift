import Core
import Units
import Config

/// Small helpers for the Vietnamese messages of normalize and validate.
enum Messages {
    /// vi-VN grouping: 1234567 -> "1.234.567", -1234 -> "-1.234".
    static func number(_ n: Int64) -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(".") }
            out.append(ch)
        }
        return n < 0 ? "-" + out : out
    }

    /// How a field is named to the user: its first alias as the form writes it, else its id.
    static func column(_ field: FieldDefinition) -> String {
        field.aliases.first ?? field.id
    }

    /// "Phường Cái Khế (31117)"
    static func unit(_ u: AdministrativeUnit) -> String { "\(u.name) (\(u.code))" }

    static func value(_ v: FieldValue) -> String {
        switch v {
        case .count(let n): number(n)
        case .level(let n): "mức \(n)"
        case .yesNo(let b): b ? "Có" : "Không"
        case .text(let s): "\"\(s)\""
        }
    }

    static func level(_ l: UnitLevel) -> String {
        switch l {
        case .nation: "toàn quốc"
        case .province: "cấp tỉnh"
        case .district: "cấp huyện"
        case .commune: "cấp xã"
        }
    }
}
