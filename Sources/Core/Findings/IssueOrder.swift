/// The order findings are listed in, by the page's data quality section and issues.csv alike:
/// severity (errors first), then file, sheet, cell in sheet order (`ProvenanceOrder`), unit,
/// field, rule, message. A total order, so the lists never depend on the order stages ran in.
///
///     issues.sorted(by: IssueOrder.less)   // errors of a.xlsx "B9", "B10", then its warnings
public enum IssueOrder {
    public static func less(_ a: Issue, _ b: Issue) -> Bool {
        if a.severity != b.severity { return a.severity < b.severity }
        if a.provenance != b.provenance { return ProvenanceOrder.less(a.provenance, b.provenance) }
        return (a.unit, a.field, a.rule, a.message) < (b.unit, b.field, b.rule, b.message)
    }
}
