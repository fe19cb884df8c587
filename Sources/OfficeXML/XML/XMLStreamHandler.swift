/// Receives the events of `XMLPushParser`. Implement it with a final class whose hot state
/// lives behind an `UnsafeMutablePointer` (a class's stored `var`s pay a dynamic
/// exclusivity check on every access; a pointer's pointee does not).
///
/// Text arrives in pieces (split at chunk and entity boundaries): accumulate it.
///
///     final class Counter: XMLStreamHandler {
///         var cells = 0
///         func startElement(_ e: XMLStartElement) { if e.name == "c" { cells += 1 } }
///         func endElement(_ name: XMLName) {}
///         func characters(_ text: UnsafeBufferPointer<UInt8>) {}
///     }
public protocol XMLStreamHandler: AnyObject {
    func startElement(_ element: XMLStartElement)
    func endElement(_ name: XMLName)
    func characters(_ text: UnsafeBufferPointer<UInt8>)
}
