/// `xmlns:w="..."` (prefix "w") or `xmlns="..."` (prefix nil).
public struct XMLNamespaceDeclaration: Sendable, Hashable {
    public var prefix: String?
    public var uri: String
}
