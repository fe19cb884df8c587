// Report model -> presented report: the words, vi-VN numbers, table cells and chart specifications
// that every renderer (HTML today; DOCX and XLSX next) prints. No markup of any format here.
