import Core

/// Reads the facts of `fact_chunks` rows (2024-v5, `PackedFactsWriter`) through SQLite's
/// json_tree, never with a parser of its own.
///
/// json_tree yields the nodes of a text in document order, each with its atom (NULL for an
/// array, an object or a JSON null), its type, its id and its parent's id: the root array;
/// the descriptors' array, each descriptor's array and its three strings; then each unit row's
/// array, its code, its row and its values (JSON nulls included: a value's position among its
/// row's children is its descriptor index plus 2, so keys need not be asked). The parent tells
/// a descriptor (a child of the descriptors' array) from a unit row (a child of the root) and
/// a value of the open row from anything else. Anything of another shape is refused
/// (`DatabaseError` 11): a missing, extra or nested element, a value beyond the descriptors or
/// of the wrong JSON type for its descriptor (true/false included), an unknown type name, a
/// negative row, a unit row without values.
///
/// Each node costs a step and a few `sqlite3_column_*` calls, and every one counts: a dense
/// fact is one node (2024-v4's were five: its array and four values).
struct PackedFactsReader {
    /// Columns: 0 atom, 1 parent, 2 type, 3 id.
    private let unpack: Statement
    private var descriptors: [(field: String, kind: FieldType, column: String)] = []

    init(database: Database) throws {
        unpack = try database.cachedStatement("SELECT atom, parent, type, id FROM json_tree(?)")
    }

    /// Appends the facts of the chunk `json` (read from `file`, `sheet`, of `year`) to `facts`.
    mutating func read(_ json: UnsafeBufferPointer<UInt8>, year: Int, file: String, sheet: String, into facts: inout [Fact]) throws {
        descriptors.removeAll(keepingCapacity: true)
        var unitCode: String? = nil
        func unreadable() -> DatabaseError {
            DatabaseError(code: 11, message: "dữ kiện của đơn vị \(unitCode ?? "?") (\(file), \(sheet)) không đọc được "
                          + "(fact_chunks.facts không đúng dạng); cơ sở dữ liệu có thể bị sửa tay.")
        }
        let unpack = self.unpack
        /// json_tree's type name, told by its length: null 4, array 5, object 6, integer 7
        /// (true 4 and false 5 have an integer atom; real 4 and text 4 an atom of their own).
        func typeLength() -> Int32 { unpack.byteCount(at: 2) }
        /// Steps to the next node, which must be a child of `parent` with an atom of `storageClass`.
        func next(_ storageClass: Statement.StorageClass, of parent: Int64) throws {
            guard try unpack.step(), unpack.storageClass(at: 0) == storageClass, unpack.integer(at: 1) == parent,
                  storageClass != .integer || typeLength() == 7 else { throw unreadable() }
        }
        try unpack.withBound(utf8: json, at: 1) {
            defer { unpack.reset() }
            guard try unpack.step(), unpack.storageClass(at: 0) == .null, typeLength() == 5 else { throw unreadable() }
            let root = unpack.integer(at: 3)
            guard try unpack.step(), unpack.storageClass(at: 0) == .null, typeLength() == 5, unpack.integer(at: 1) == root else {
                throw unreadable()
            }
            let container = unpack.integer(at: 3)
            var row: Int64 = -1  // the id of the open unit row's array
            var rowDigits = ""  // its row's digits, "" for 0
            var position = 0  // of the next value in the row: its descriptor index
            var values = 0
            while try unpack.step() {
                let parent = unpack.integer(at: 1)
                switch unpack.storageClass(at: 0) {
                case .null:
                    switch typeLength() {
                    case 4:  // JSON null: no value for this descriptor
                        guard parent == row else { throw unreadable() }
                        position += 1
                        continue
                    case 5:
                        let id = unpack.integer(at: 3)
                        if parent == container {
                            try next(.text, of: id)
                            let field = unpack.text(at: 0)
                            try next(.text, of: id)
                            guard let kind = unpack.withText(at: 0, FieldType.init(name:)) else {
                                throw DatabaseError(code: 11, message: "dữ kiện có kiểu \"\(unpack.text(at: 0))\" không đọc được; cơ sở dữ liệu có thể bị sửa tay.")
                            }
                            try next(.text, of: id)
                            descriptors.append((field, kind, unpack.text(at: 0)))
                        } else if parent == root {
                            guard row < 0 || values > 0 else { throw unreadable() }
                            row = id
                            try next(.text, of: id)
                            unitCode = unpack.text(at: 0)
                            try next(.integer, of: id)
                            let n = unpack.integer(at: 0)
                            guard n >= 0 else { throw unreadable() }
                            rowDigits = n == 0 ? "" : String(n)
                            position = 0
                            values = 0
                        } else {
                            throw unreadable()
                        }
                        continue
                    default:
                        throw unreadable()
                    }
                case .integer:
                    guard parent == row, position < descriptors.count, typeLength() == 7 else { throw unreadable() }
                    let n = unpack.integer(at: 0)
                    let value: FieldValue
                    switch descriptors[position].kind {
                    case .count: value = .count(n)
                    case .level: value = .level(Int(n))
                    case .yesNo:
                        guard n == 0 || n == 1 else { throw unreadable() }
                        value = .yesNo(n == 1)
                    case .text: throw unreadable()
                    }
                    let d = descriptors[position]
                    facts.append(Fact(unitCode: unitCode!, year: year, field: d.field, value: value,
                                      provenance: Provenance(file: file, sheet: sheet, cell: d.column + rowDigits)))
                case .text:
                    guard parent == row, position < descriptors.count, descriptors[position].kind == .text else { throw unreadable() }
                    let d = descriptors[position]
                    facts.append(Fact(unitCode: unitCode!, year: year, field: d.field, value: .text(unpack.text(at: 0)),
                                      provenance: Provenance(file: file, sheet: sheet, cell: d.column + rowDigits)))
                default:
                    throw unreadable()
                }
                position += 1
                values += 1
            }
            guard row >= 0, values > 0 else { throw unreadable() }
        }
    }
}
