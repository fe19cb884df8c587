// Workbooks: sheets, shared strings, styles and dates, streaming cells, merged ranges.
import OfficeXML
