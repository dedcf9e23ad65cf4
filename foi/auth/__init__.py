"""Signing in: one way in (allauth's), the client's address, and rate limits shared by every
route that checks a password (the API's token endpoint included)."""
