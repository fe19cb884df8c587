/// The part of a run `--from`, `--to` and `--only` ask for, among the stages of the manifest
/// and the log: read (list, ingest, normalize, validate), store, model (aggregate, the report
/// model), outputs (render, manifest).
///
///     try StageSelection(from: nil, to: .store, only: nil)      // read and store: `xhht import`
///     try StageSelection(from: .model, to: nil, only: nil)      // model and outputs: `xhht report`
///     try StageSelection(from: .store, to: nil, only: nil)      // refused: store needs this run's reading
///
/// A selection runs a contiguous range of stages, beginning with read or model: the store keeps
/// what a reading gave, so it cannot run without one, and the outputs are rendered from a
/// model. The refusals are the command line's mistakes (exit 64), in Vietnamese.
public struct StageSelection: Sendable, Hashable {
    public enum Stage: String, Sendable, Hashable, CaseIterable, Comparable {
        case read, store, model, outputs

        public static func < (a: Stage, b: Stage) -> Bool {
            allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
        }
    }

    public var first: Stage
    public var last: Stage

    /// Every stage: a whole run.
    public static let all = StageSelection(uncheckedFirst: .read, last: .outputs)

    private init(uncheckedFirst first: Stage, last: Stage) {
        self.first = first
        self.last = last
    }

    /// The stages from `from` (default read) to `to` (default outputs), or `only` alone.
    public init(from: Stage?, to: Stage?, only: Stage?) throws(CommandFailure) {
        if let only {
            guard from == nil, to == nil else {
                throw CommandFailure(status: .usage, message:
                    "--only \(only.rawValue) không dùng cùng --from hoặc --to: --only chạy đúng một giai đoạn; muốn chạy một đoạn thì dùng --from và --to.")
            }
        }
        let first = only ?? from ?? .read
        let last = only ?? to ?? .outputs
        guard first <= last else {
            throw CommandFailure(status: .usage, message:
                "--from \(first.rawValue) đứng sau --to \(last.rawValue): các giai đoạn chạy theo thứ tự read, store, model, outputs.")
        }
        switch first {
        case .store:
            throw CommandFailure(status: .usage, message:
                "Không thể bắt đầu từ giai đoạn store: giai đoạn này lưu kết quả đọc của chính lần chạy, nên phải đọc trước. "
                + "Dùng --from read (tệp không đổi không bị đọc lại), hoặc --from model để lập báo cáo từ số liệu đã lưu.")
        case .outputs:
            throw CommandFailure(status: .usage, message:
                "Không thể chạy riêng giai đoạn outputs: báo cáo được viết từ mô hình báo cáo, mà mô hình không được lưu giữa các lần chạy. "
                + "Dùng --from model (lập mô hình từ số liệu đã lưu rồi viết báo cáo).")
        case .read, .model:
            break
        }
        self.init(uncheckedFirst: first, last: last)
    }

    public func runs(_ stage: Stage) -> Bool { first <= stage && stage <= last }

    /// Whether this is the whole run (`xhht run` without these options).
    public var isAll: Bool { self == .all }
}
