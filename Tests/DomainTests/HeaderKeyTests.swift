@testable import Core
@testable import Intake
import Testing
@testable import Units

/// `HeaderKey.make` reads folded ASCII text on its bytes; it must give what the Character by
/// Character algorithm gives, on every kind of header and label.
@Suite struct HeaderKeyTests {
    @Test func bytesAgreeWithCharacters() {
        let pieces = ["", " ", "(", ")", "[", "]", "\r\n", "\n", "\t", ",", ".", ":", "-", "=", ">", "1", "(2)", "x", "Mức độ",
                      "Tổng số hộ", "TP.", "Đ", "\u{0301}", "٣", "１", "😀", "a b", "Q1"]
        var texts: [String] = []
        for a in pieces { for b in pieces { for c in pieces { texts.append(a + b + c) } } }
        texts += ["Mức độ công nhận\n(0 = chưa, 1 = Khá, 2 = Tốt)", "Tổng số thôn,\nấp, tổ dân phố", "(1)", "[ghi chú]", "STT",
                  "Gia đình học tập > Số hộ đạt", "NGƯỜI LẬP BIỂU", "((a)b)c", "a)b(c", "Cộng huyện Phong Điền"]
        let differing = texts.filter { HeaderKey.make($0) != HeaderKey.key(ofFolded: Folding.fold($0)) }
        #expect(differing.isEmpty, "\(differing.prefix(5))")
        #expect(HeaderKey.make("Tổng số thôn,\nấp, tổ dân phố") == "tong so thon ap to dan pho")
        #expect(HeaderKey.make("(1)") == "1")
    }
}

@Suite struct ArrayMovingTests {
    @Test func appendMovingKeepsTheOrderAndEmptiesTheSource() {
        for (a, b) in [([Int](), [1, 2]), ([1], [2, 3, 4]), ([1, 2, 3], [4]), ([1, 2], [Int]()), ([], [])] {
            var all = a, rest = b
            all.append(moving: &rest)
            #expect(all == a + b && rest.isEmpty)
        }
    }
}
