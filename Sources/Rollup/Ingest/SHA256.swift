import Crypto
import Foundation

/// Lowercase hex SHA-256 fingerprints, computed by swift-crypto (BoringSSL on Linux,
/// CryptoKit on Apple platforms). They identify input workbooks: manifest.json's `sha256`
/// and the store's `submissions.sha256` recognise an unchanged file by this string, so its
/// form (64 lowercase hex digits, no prefix) must never change.
///
///     SHA256.hex(Array("abc".utf8))
///     // "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
///
/// Streaming (`AtomicFileStream`): `var h = SHA256()`, `h.update(bufferPointer:)` any number
/// of times, then `h.finalize().hex`.
extension SHA256 {
    /// The lowercase hex digest of some bytes.
    public static func hex<Bytes: DataProtocol>(_ bytes: Bytes) -> String {
        hash(data: bytes).hex
    }
}

extension SHA256.Digest {
    /// The 64 lowercase hex digits of this digest.
    public var hex: String {
        let digits = Array("0123456789abcdef")
        var out = ""
        out.reserveCapacity(Self.byteCount * 2)
        for b in self { out.append(digits[Int(b >> 4)]); out.append(digits[Int(b & 0xf)]) }
        return out
    }
}
