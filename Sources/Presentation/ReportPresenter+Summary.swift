import Core
import Model

extension ReportPresenter {
    /// "I. Tóm tắt kết quả": who reported, how many indicators reached their target, then one
    /// sentence per indicator.
    func summary(period: String) -> PresentedSummary {
        var paragraphs: [String] = []
        var missingNames: [String] = []
        var coverageParts: [String] = []
        for c in model.coverage {
            coverageParts.append("\(c.reporting.count)/\(c.expected) \(LevelWords.plural(c.level))")
        }
        // The missing units of the first level below the root (the districts); the communes of a
        // missing district are implied, and other missing communes are in the appendix.
        if let first = model.coverage.first {
            missingNames = first.missing.map { code in unitsByCode[code].map { name($0.name) } ?? code }
        }
        let first = model.coverage.first
        if let first {
            var sentence = "Đã nhận số liệu của " + coverageParts.joined(separator: " và ") + " thuộc \(name(model.root.name))"
            if first.missing.isEmpty {
                sentence += "; tất cả \(LevelWords.plural(first.level)) đều đã gửi báo cáo."
            } else {
                sentence += "; còn \(first.missing.count) \(LevelWords.plural(first.level)) chưa gửi báo cáo."
            }
            paragraphs.append(sentence)
        }
        let n = model.narrative
        let withTarget = n.indicatorCount - n.noTarget
        let reached = n.met + n.exceeded
        var overall = "Trong \(withTarget) chỉ tiêu có kế hoạch \(period), \(reached) chỉ tiêu đạt"
        overall += n.exceeded > 0 ? " (\(n.exceeded) chỉ tiêu vượt kế hoạch)" : ""
        overall += ", \(n.missed) chỉ tiêu chưa đạt"
        overall += n.noData > 0 ? ", \(n.noData) chỉ tiêu chưa có số liệu." : "."
        paragraphs.append(overall)
        for fact in n.facts { paragraphs.append(indicatorSentence(fact)) }
        return PresentedSummary(paragraphs: paragraphs,
                                reportingText: first.map { "\($0.reporting.count)/\($0.expected)" } ?? "",
                                missingUnitNames: missingNames,
                                indicatorsMetText: "\(reached)/\(withTarget)")
    }

    /// "Tỷ lệ hộ gia đình ... đạt 87,23% (9.735/11.160), vượt chỉ tiêu 12,23 điểm phần trăm
    /// (chỉ tiêu 75%); 6/9 quận, huyện đạt, thấp nhất là Huyện Cờ Đỏ (60,00%)."
    func indicatorSentence(_ fact: NarrativeFact) -> String {
        let title = name(fact.name)
        guard let rate = fact.rate, let n = fact.numerator, let d = fact.denominator else {
            return "\(title): chưa có số liệu."
        }
        var s = "\(title) đạt \(percent.percent(rate)) (\(VietnameseNumber.integer(n))/\(VietnameseNumber.integer(d)))"
        if let target = fact.target, let gap = fact.gap {
            s += ", \(GapPhrase.sentence(gap, percent)) (chỉ tiêu \(percent.percentTarget(target)))"
        }
        if let level = fact.childLevel, fact.target != nil, fact.childrenCounted > 0 {
            s += "; \(fact.childrenMet)/\(fact.childrenCounted) \(LevelWords.plural(level)) đạt"
            let rates = resultsByIndicator[fact.indicatorID] ?? [:]
            let below = (model.indicators.first { $0.id == fact.indicatorID }?.belowTarget ?? []).compactMap { rates[$0] }
            if below.allSatisfy({ $0.denominator == 1 }), !below.isEmpty {
                // A unit's own yes/no (a district's universalisation): name them, no rates.
                s += ", chưa đạt: " + below.map { name($0.unitName) }.joined(separator: ", ")
            } else {
                let worst = fact.worst.compactMap { code -> String? in
                    guard let r = rates[code], let rate = r.rate, r.met == false else { return nil }
                    return "\(name(r.unitName)) (\(percent.percent(rate)))"
                }
                if !worst.isEmpty, fact.childrenMet < fact.childrenCounted {
                    s += ", thấp nhất là " + worst.joined(separator: ", ")
                }
            }
            if fact.childrenNotReported > 0 {
                s += "; \(fact.childrenNotReported) \(LevelWords.plural(level)) chưa có số liệu"
            }
        }
        return s + "."
    }
}
