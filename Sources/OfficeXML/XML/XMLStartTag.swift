/// A start tag as written: the qualified name with its prefix, the namespace declarations
/// and the attributes each in document order, and the raw bytes (which keep the quotes,
/// the spacing, and the interleaving of `xmlns` declarations with attributes).
///
///     <w:t xml:space="preserve">
///     -> qualifiedName "w:t", prefix "w", localName "t",
///        attributes [("xml:space", "preserve")], raw "<w:t xml:space=\"preserve\">"
public struct XMLStartTag: Sendable, Hashable {
    public var qualifiedName: String
    public var prefix: String?
    public var localName: String
    public var namespaceURI: String?
    /// `(prefix, uri)` in document order; the prefix is nil for a default `xmlns="..."`.
    public var namespaceDeclarations: [XMLNamespaceDeclaration]
    /// `(qualified name, decoded value)` in document order, without the `xmlns` declarations.
    public var attributes: [XMLAttribute]
    public var selfClosing: Bool
    public var raw: [UInt8]

    /// The decoded value of the attribute written `qualifiedName` (e.g. `"w:val"`).
    public func attribute(_ qualifiedName: String) -> String? {
        attributes.first { $0.qualifiedName == qualifiedName }?.value
    }
}
