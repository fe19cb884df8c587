// Report model -> HTML, CSV, JSON; vi-VN formatting; SVG charts.
