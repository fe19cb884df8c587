import CLibXML2

/// An element or attribute local name as libxml2 hands it over: a NUL-terminated UTF-8
/// string interned in the parser's dictionary. Valid only during the callback.
///
/// Compare by bytes, never by building a `String` (this runs once per cell):
///
///     if name == "c" { ... }        // StaticString comparison, no allocation
public struct XMLName {
    public let pointer: UnsafePointer<UInt8>

    @inlinable public init(_ pointer: UnsafePointer<UInt8>) { self.pointer = pointer }

    /// The first byte (0 for an empty name): a cheap first test before a full comparison.
    @inlinable public var first: UInt8 { pointer.pointee }

    /// Whether the name equals `literal` exactly (ASCII literals).
    @inlinable public static func == (lhs: XMLName, rhs: StaticString) -> Bool {
        let count = rhs.utf8CodeUnitCount
        let literal = rhs.utf8Start
        var i = 0
        while i < count {
            if lhs.pointer[i] != literal[i] { return false }
            i += 1
        }
        return lhs.pointer[count] == 0
    }

    /// The name as a String (slow path: messages, rare elements).
    public var string: String { String(cString: pointer) }
}

/// The attributes of one start tag, as libxml2's SAX2 array of 5 pointers per attribute
/// (localname, prefix, URI, value start, value end). Values are not NUL-terminated.
public struct XMLAttributes {
    @usableFromInline let base: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
    public let count: Int

    @inlinable init(base: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?, count: Int) {
        self.base = base
        self.count = count
    }

    /// The raw value of the first attribute whose local name is `name` (any namespace).
    @inlinable public func value(_ name: StaticString) -> UnsafeBufferPointer<UInt8>? {
        guard let base else { return nil }
        var i = 0
        while i < count {
            let at = base + i * 5
            if let local = at[0], XMLName(local) == name, let start = at[3], let end = at[4] {
                return UnsafeBufferPointer(start: start, count: end - start)
            }
            i += 1
        }
        return nil
    }

    /// Calls `body` with each attribute's local name and raw value, in document order
    /// (the hot path: one pass, no allocation).
    @inlinable public func forEach(_ body: (XMLName, UnsafeBufferPointer<UInt8>) -> Void) {
        guard let base else { return }
        var i = 0
        while i < count {
            let at = base + i * 5
            if let local = at[0], let start = at[3], let end = at[4] {
                body(XMLName(local), UnsafeBufferPointer(start: start, count: end - start))
            }
            i += 1
        }
    }

    /// The value of attribute `name` whose namespace URI ends with `uriSuffix` (e.g. r:id,
    /// whose URI is the transitional or the Strict relationships namespace).
    public func value(_ name: StaticString, namespaceSuffix uriSuffix: String) -> String? {
        guard let base else { return nil }
        for i in 0..<count {
            let at = base + i * 5
            guard let local = at[0], XMLName(local) == name, let uri = at[2] else { continue }
            if String(cString: uri).hasSuffix(uriSuffix), let start = at[3], let end = at[4] {
                return XMLText.attributeString(UnsafeBufferPointer(start: start, count: end - start))
            }
        }
        return nil
    }

    /// The value of attribute `name` decoded as a String (slow path).
    public func string(_ name: StaticString) -> String? {
        value(name).map(XMLText.attributeString)
    }
}

/// A start tag: local name, namespace and attributes. Valid only during the callback.
public struct XMLStartElement {
    public let name: XMLName
    public let namespaceURI: UnsafePointer<UInt8>?
    public let attributes: XMLAttributes
}

/// Text helpers for the raw bytes libxml2 passes.
public enum XMLText {
    /// An attribute value as a String. libxml2's SAX2 keeps `&` in attribute values as the
    /// character reference "&#38;" when entities are not substituted (and substitution stays
    /// off for safety): turn it back into "&".
    public static func attributeString(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        let s = String(decoding: bytes, as: UTF8.self)
        return s.contains("&#38;") ? s.replacingOccurrences(of: "&#38;", with: "&") : s
    }
}

import Foundation
