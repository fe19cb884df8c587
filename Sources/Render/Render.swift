// Presented report -> HTML (Mustache templates, SVG charts from the chart specifications);
// report model -> CSV, JSON, manifest. The words and numbers come from module Presentation.
