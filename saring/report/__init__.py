"""Reports: the versioned JSON document (`build`), its JSON Schema, and the terminal rendering."""

from saring.report.build import SCHEMA_ID, Report, build_report, load_schema, validate_report

__all__ = ["SCHEMA_ID", "Report", "build_report", "load_schema", "validate_report"]
