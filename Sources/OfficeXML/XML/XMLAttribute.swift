/// An attribute with its qualified name as written and its decoded value.
public struct XMLAttribute: Sendable, Hashable {
    public var qualifiedName: String
    public var value: String
}
