"""Wagtail finds hooks in each app's ``wagtail_hooks``; the workspace keeps its own."""

from foi.workspace import wagtail_hooks  # noqa: F401
