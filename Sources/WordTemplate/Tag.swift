/// One `{{ ... }}` found in a paragraph's text, with where it stands in that text.
///
///     "Huyện {{ ten }} có {{#xa}}"  ->  Tag(kind: .variable, name: "ten", typed: "{{ ten }}", start: 10, end: 19), ...
///
/// Offsets are in UTF-8 bytes of the paragraph's joined `w:t` text (the delimiters are ASCII,
/// so cutting there never splits a character). `typed` is the tag as the user typed it, for
/// messages; `mustache` is what the compiled template holds.
struct Tag: Sendable, Hashable {
    enum Kind: Sendable, Hashable {
        /// `{{x}}`, and `{{{x}}}` / `{{&x}}`, which are escaped all the same: in Word there is no
        /// markup a value could legitimately carry, and an unescaped `<` would break the file.
        case variable
        /// `{{#x}}`
        case section
        /// `{{^x}}`
        case invertedSection
        /// `{{/x}}`
        case close
        /// `{{! ...}}`: dropped from the compiled template.
        case comment
    }

    var kind: Kind
    var name: String
    var typed: String
    var start: Int
    var end: Int

    /// Opens or closes a section: these are the tags that may move (rows, paragraphs).
    var isStructural: Bool { kind == .section || kind == .invertedSection || kind == .close }

    var isOpening: Bool { kind == .section || kind == .invertedSection }

    /// The tag as it goes into the Mustache template.
    var mustache: String {
        switch kind {
        case .variable: "{{\(name)}}"
        case .section: "{{#\(name)}}"
        case .invertedSection: "{{^\(name)}}"
        case .close: "{{/\(name)}}"
        case .comment: ""
        }
    }
}
