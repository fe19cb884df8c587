#!/usr/bin/env python3
"""The pipeline benchmark's input: one workbook of the default form (docs/default-form.md,
sheet "Cấp xã") holding the first 10,000 communes of the 2023 national list, with a merged
title row, a two-row merged header, text numbers ("3.003") and text levels ("Mức độ 2").

    python3 scripts/make-bench-districts.py /tmp/bench10k.xlsx [communes] [units.csv]

Values are those of the normalize benchmark test (Tests/DomainTests/NormalizePerformanceTests):
row i has n = 1000 + i. Written with xlsxwriter in constant_memory mode (rows stream to disk).
"""
import csv
import os
import sys

import xlsxwriter

out = sys.argv[1] if len(sys.argv) > 1 else "/tmp/bench10k.xlsx"
count = int(sys.argv[2]) if len(sys.argv) > 2 else 10_000
units = sys.argv[3] if len(sys.argv) > 3 else next(
    (p for p in ("/work/shared/domain/units/units-2023-04-10.csv",
                 os.path.join(os.path.dirname(__file__), "../../shared/domain/units/units-2023-04-10.csv"))
     if os.path.exists(p)), None)
if units is None:
    sys.exit("make-bench-districts: units-2023-04-10.csv not found; pass its path")

rows = list(csv.DictReader(open(units, encoding="utf-8")))[:count]

wb = xlsxwriter.Workbook(out, {"constant_memory": True, "strings_to_numbers": False})
ws = wb.add_worksheet("Cấp xã")
top = ["STT", "Mã đơn vị", "Tên đơn vị", "Cộng đồng học tập cấp xã", "Gia đình học tập", None, "Dòng họ học tập", None,
       "Cộng đồng học tập cấp thôn", None, "Đơn vị học tập", None, "Công dân học tập", None,
       "Trung tâm học tập cộng đồng", None, "Người trong độ tuổi lao động", None, None]
sub = [None, None, None, "Mức độ công nhận", "Tổng số hộ", "Số hộ đạt", "Tổng số dòng họ", "Số dòng họ đạt",
       "Tổng số thôn, ấp, tổ dân phố", "Số được công nhận", "Tổng số đơn vị", "Số được công nhận",
       "Số người được đánh giá", "Số đạt", "Có trung tâm", "Ứng dụng CNTT", "Tổng số", "Có năng lực CNTT", "Có kỹ năng sống"]
# constant_memory writes row by row: each merged range is written with its first row (with no
# format, xlsxwriter writes no blank cells into the rows below it).
ws.merge_range("A1:S1", "BIỂU TỔNG HỢP KẾT QUẢ XÂY DỰNG XÃ HỘI HỌC TẬP NĂM 2024")
merges = {0: "A2:A3", 1: "B2:B3", 2: "C2:C3", 4: "E2:F2", 6: "G2:H2", 8: "I2:J2", 10: "K2:L2", 12: "M2:N2", 14: "O2:P2", 16: "Q2:S2"}
for c, v in enumerate(top):
    if c in merges:
        ws.merge_range(merges[c], v)
    elif v is not None:
        ws.write_string(1, c, v)
for c, v in enumerate(sub):
    if v is not None:
        ws.write_string(2, c, v)
for i, u in enumerate(rows):
    n = 1000 + i
    values = [i + 1, u["commune_code"], u["commune_name"], "Mức độ 2" if i % 3 else 1, f"{n*3:,}".replace(",", "."), n, 20, 10,
              12, 8, 15, 9, n * 4, n * 2, "Có", "Có" if i % 2 else "Không", n * 5, n * 4, n * 4]
    for c, v in enumerate(values):
        if isinstance(v, str):
            ws.write_string(3 + i, c, v)
        else:
            ws.write_number(3 + i, c, v)
wb.close()
print(f"{out}: {len(rows)} communes")
