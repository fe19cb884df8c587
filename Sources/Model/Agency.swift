/// The issuing agency and the signature block (Nghị định 30/2020/NĐ-CP, Phụ lục I).
public struct Agency: Sendable, Hashable, Codable {
    /// "UBND THÀNH PHỐ CẦN THƠ"
    public var parent: String
    /// "SỞ GIÁO DỤC VÀ ĐÀO TẠO"
    public var name: String
    /// The abbreviation used in "Số: .../BC-SGDĐT".
    public var abbreviation: String
    /// "Cần Thơ", for the place and date line.
    public var place: String
    /// The official code of the unit the report covers ("92"): the root of the roll-up.
    public var unitCode: String
    /// "KT. GIÁM ĐỐC" / "PHÓ GIÁM ĐỐC" and the signer's name; empty leaves room to sign.
    public var signerAuthority: String
    public var signerTitle: String
    public var signerName: String
    /// "Nơi nhận:" lines, without the leading "- ".
    public var recipients: [String]

    public init(parent: String, name: String, abbreviation: String, place: String, unitCode: String,
                signerAuthority: String = "", signerTitle: String = "", signerName: String = "", recipients: [String] = []) {
        self.parent = parent
        self.name = name
        self.abbreviation = abbreviation
        self.place = place
        self.unitCode = unitCode
        self.signerAuthority = signerAuthority
        self.signerTitle = signerTitle
        self.signerName = signerName
        self.recipients = recipients
    }
}
