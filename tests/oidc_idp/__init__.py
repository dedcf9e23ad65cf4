"""A real OpenID Connect provider for the sign-in tests: django-oauth-toolkit with OIDC on, an
RSA key made by the test, served by pytest-django's live server (tests/foi/auth/test_oidc.py).

It never reaches production: nothing outside tests/ imports it, and its settings are applied
only inside the tests' fixture. Its people are ordinary users of the same database (the toolkit
stores each grant against one); what it says about them, the claims, is set per test in
``IDENTITIES``, so an identity's e-mail can be any address without clashing with Sorğu's own
account holding it.
"""
