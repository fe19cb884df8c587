import ArgumentParser
import Core
import Run
import Storage

/// Runs a command body and turns its outcome into the documented exit status: failures print
/// one message in Vietnamese on standard error (the technical English detail only with
/// `verbose`); a store locked by another process is "try later" (4); anything unexpected is an
/// internal failure (70).
func runReportingFailures(verbose: Bool = false, _ body: () throws -> ExitStatus) throws {
    let status: ExitStatus
    let failure: CommandFailure
    do {
        status = try body()
        if status != .success { throw ExitCode(status.rawValue) }
        return
    } catch let error as ExitCode {
        throw error
    } catch let error as CommandFailure {
        failure = error
    } catch let error as DatabaseError where error.isBusy {
        let seconds = Database.defaultBusyTimeout / 1000
        failure = CommandFailure(status: .locked, message:
            "Cơ sở dữ liệu \(error.file ?? "") đang bị một chương trình khác giữ để ghi; đã chờ \(seconds) giây mà chưa được. "
            + "Lần chạy này dừng lại (những gì đã ghi trước đó vẫn nguyên vẹn); hãy chạy lại sau. "
            + "Nếu đang mở tệp này bằng sqlite3 hay một công cụ khác, hãy đóng lại.", detail: error.description)
    } catch let error as DatabaseError {
        failure = CommandFailure(status: .internalFailure, message: "Lỗi cơ sở dữ liệu: \(error.userMessage).", detail: error.description)
    } catch let error as AtomicFileError {
        failure = CommandFailure(status: .internalFailure, message:
            "Không \(error.operation) được tệp \(error.path): \(SystemErrorText.vietnamese(error.code)).", detail: error.description)
    } catch {
        failure = CommandFailure(status: .internalFailure, message:
            "Lỗi nội bộ (lỗi của chương trình hoặc một lỗi hệ thống bất ngờ). Chạy lại với -v để xem chi tiết kỹ thuật và gửi cho người bảo trì.",
            detail: String(reflecting: error))
    }
    Terminal.printError("xhht: \(failure.message)", level: .error)
    if verbose, let detail = failure.detail { Terminal.printError("xhht: chi tiết kỹ thuật: \(detail)", level: .error) }
    throw ExitCode(failure.status.rawValue)
}
