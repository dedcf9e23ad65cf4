"""Redaction: blacking out parts of a PDF or an image so that what lay under the boxes is gone,
and proving it before anyone may publish the result (docs/redaction.md).

A library, like ``core``: pure functions over bytes, no models, no app of the project imported.
``foi.services.redactions`` stores what it produces and puts it on the case's audit trail.

- ``redaction.boxes``: a box (page, normalised rectangle, reason) and its checks.
- ``redaction.pdf``: pages rendered to images, text found with its character boxes, the text
  under a box, and the redacted PDF rebuilt from burnt images.
- ``redaction.images``: JPEG, PNG and TIFF redacted the same way, their metadata dropped.
- ``redaction.office``: Word and spreadsheets converted to PDF by LibreOffice, or refused.
- ``redaction.verify``: the checks a redacted file must pass before it may be approved.
- ``redaction.patterns``: the patterns offered for "find every occurrence" (data, not code).
"""
