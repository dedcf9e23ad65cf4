"""Keeping the requester's identity out of what the public reads (docs/permissions.md)."""
