"""The open case format: its JSON Schema (``schema``) and a case written in it (``document``).
docs/case-format.md describes it; the API serves both (/api/schema/case/v1.json and
/api/v1/requests/{reference}/case/)."""

from foi.case_format.document import case_document
from foi.case_format.schema import MAJOR, PATH, VERSION, case_schema, schema_url

__all__ = ["MAJOR", "PATH", "VERSION", "case_document", "case_schema", "schema_url"]
