import Mustache

/// Finds the Mustache tags in the joined text of one paragraph.
///
///     try TagScanner.scan(Array("Huyện {{ten}}: {{#xa}}".utf8))
///     // [variable "ten" at 10..<17, section "xa" at 19..<26]
///
/// Every `{{` starts a tag (`{{{` a triple one): a statistician's text has no other use for
/// it, and a `{{` that Mustache would read later but this scanner skipped could not be placed.
/// A tag must close in its paragraph: Word never lets a paragraph mark sit inside a word the
/// user typed, so a tag without its `}}` is a mistake, reported, never dropped.
/// Kept to what a Word template needs: partials, delimiter changes, pragmas and inheritance
/// are refused with a reason (they belong to the HTML templates' folder of files).
enum TagScanner {
    struct Failure: Error, Sendable {
        enum Kind: Sendable { case unclosed, unsupported, invalidName, emptyName }
        var kind: Kind
        var typed: String
        var offset: Int
    }

    private static let brace = UInt8(ascii: "{")
    private static let closingBrace = UInt8(ascii: "}")

    static func scan(_ text: [UInt8]) throws(Failure) -> [Tag] {
        var tags: [Tag] = []
        var i = 0
        while i + 1 < text.count {
            guard text[i] == brace, text[i + 1] == brace else { i += 1; continue }
            let triple = i + 2 < text.count && text[i + 2] == brace
            let delimiter = triple ? 3 : 2
            let contentStart = i + delimiter
            // The end: "}}" (or "}}}"); a "{{" first means this tag was never closed.
            var j = contentStart
            var contentEnd: Int?
            var stop = text.count
            while j < text.count {
                if j + delimiter <= text.count, text[j] == closingBrace, text[j + 1] == closingBrace,
                   !triple || text[j + 2] == closingBrace {
                    contentEnd = j
                    break
                }
                if text[j] == brace, j + 1 < text.count, text[j + 1] == brace { stop = j; break }
                j += 1
            }
            guard let end = contentEnd else {
                throw Failure(kind: .unclosed, typed: String(decoding: text[i..<stop], as: UTF8.self).trimmingWhitespace(), offset: i)
            }
            let typed = String(decoding: text[i..<(end + delimiter)], as: UTF8.self)
            let content = String(decoding: text[contentStart..<end], as: UTF8.self)
            tags.append(try tag(content: content, triple: triple, typed: typed, start: i, end: end + delimiter))
            i = end + delimiter
        }
        return tags
    }

    private static func tag(content: String, triple: Bool, typed: String, start: Int, end: Int) throws(Failure) -> Tag {
        let trimmed = content.trimmingWhitespace()
        if triple { return try named(.variable, trimmed, typed: typed, start: start, end: end) }
        guard let sigil = trimmed.first else { throw Failure(kind: .emptyName, typed: typed, offset: start) }
        let rest = String(trimmed.dropFirst()).trimmingWhitespace()
        switch sigil {
        case "#": return try named(.section, rest, typed: typed, start: start, end: end)
        case "^": return try named(.invertedSection, rest, typed: typed, start: start, end: end)
        case "/": return try named(.close, rest, typed: typed, start: start, end: end)
        case "&": return try named(.variable, rest, typed: typed, start: start, end: end)
        case "!": return Tag(kind: .comment, name: "", typed: typed, start: start, end: end)
        case ">", "<", "$", "=", "%": throw Failure(kind: .unsupported, typed: typed, offset: start)
        default: return try named(.variable, trimmed, typed: typed, start: start, end: end)
        }
    }

    /// The characters swift-mustache reads in a name (letters without diacritics, digits,
    /// `. - _ ? *`, and parentheses for transforms such as `uppercased(ten)`): checked here so
    /// that `{{tên}}` is refused with its place rather than by the Mustache parser without one.
    static let nameCharacters = Set<Character>("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?()*")

    private static func named(_ kind: Tag.Kind, _ name: String, typed: String, start: Int, end: Int) throws(Failure) -> Tag {
        guard !name.isEmpty else { throw Failure(kind: .emptyName, typed: typed, offset: start) }
        guard name.allSatisfy(nameCharacters.contains) else {
            throw Failure(kind: .invalidName, typed: typed, offset: start)
        }
        // A transform's parentheses must pair up: ask the parser that will read it.
        if name.contains("("), (try? MustacheTemplate(string: "{{\(name)}}")) == nil {
            throw Failure(kind: .invalidName, typed: typed, offset: start)
        }
        return Tag(kind: kind, name: name, typed: typed, start: start, end: end)
    }
}

extension String {
    /// Without leading and trailing spaces, tabs and no-break spaces (Word's AutoCorrect puts
    /// U+00A0 next to some punctuation).
    func trimmingWhitespace() -> String {
        let isSpace: (Character) -> Bool = { $0.isWhitespace }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[first...last])
    }
}
