"""The public REST API (issue 8): thin views over foi.selectors and foi.services.

Every answer is JSON; every error is ``{"detail": "<one sentence>"}`` (plus ``errors`` by field
where useful), see ``errors.py``. Who may see and do what is docs/permissions.md, asked of the
selectors and services exactly as the pages ask them.
"""
