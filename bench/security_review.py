"""The attacker's review, repeatable: the doors of docs/security.md tried under production settings.
(One script on purpose, over ~500 lines: a reviewer reads every probe and its verdict in order.)

    .venv/bin/python bench/security_review.py                       # SQLite in a temporary folder
    .venv/bin/python bench/security_review.py --database postgres://postgres@127.0.0.1:5432/sorgu_review

It runs the portal in-process under ``config.settings.production`` (a random SECRET_KEY, staff
MFA required, the webhook secret set) on a throwaway database with the demo data, gives every
staff account of the demo an authenticator app, and then tries what an attacker would:

- every login URL that Django, Wagtail, allauth and the API expose, with a staff account's
  password and no code, and with an account whose e-mail is unconfirmed;
- password guessing on the token endpoint and the sign-in form, rotating ``X-Forwarded-For``;
- staff powers from an account that has not set up its authenticator;
- every public page, list, feed, export, API list and detail, and search, as a visitor, an
  unrelated citizen and another body's officer, looking for every private string the database
  holds (contact details, internal notes, parties-only messages, private and draft requests'
  subjects, unapproved files' names, pseudonymous requesters' real names);
- malformed numbers, dates, NUL bytes and control characters on every list and filter;
- markup in a request's subject and text, read back through every feed.

It prints what it tried, with counts, and each finding, and exits 1 when it found anything.
A PostgreSQL database given with ``--database`` must be named ``*_review``: it is dropped and
made anew. With ``--write`` the run's table replaces the section "security review" of
docs/security.md and is appended to bench/results/security_review-history.md (bench/record.py).
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import hmac
import io
import logging
import os
import re
import secrets
import struct
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from xml.etree import ElementTree

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

ATOM = "{http://www.w3.org/2005/Atom}"
BAD_VALUES = [
    "²",
    "١٢",
    "１２",
    "-1",
    "99999999999999999999",
    "0001-01-01",
    "9999-12-31",
    "\x00",
    "\x1b[31m",
]
FILTER_PARAMS = [
    "page",
    "year",
    "body",
    "state",
    "outcome",
    "q",
    "sort",
    "from",
    "to",
    "due_within",
]


class Review:
    def __init__(self):
        self.tried = Counter()
        self.found = Counter()
        self.examples: dict[str, list[str]] = {}
        self.scope = ""  # what the leak probe read: URLs, viewers, private strings

    def find(self, what: str, where: str = "") -> None:
        """One finding: ``what`` names its kind (counted), ``where`` says where it was seen."""
        self.found[what] += 1
        examples = self.examples.setdefault(what, [])
        if len(examples) < 5:
            examples.append(where)

    def table(self) -> str:
        lines = ["| what was tried | count |", "|---|---|"]
        lines += [f"| {what} | {count:,} |" for what, count in self.tried.items()]
        return "\n".join(lines)

    def findings(self) -> str:
        lines = []
        for what, count in self.found.most_common():
            lines.append(f" - {what}: {count}")
            lines += [f"     {where}" for where in self.examples[what] if where]
        return "\n".join(lines)


# -- set-up ------------------------------------------------------------------------------------


def configure(database: str | None) -> None:
    folder = tempfile.mkdtemp(prefix="sorgu-review-")
    if database:
        name = database.rsplit("/", 1)[-1]
        if not name.endswith("_review"):
            raise SystemExit("--database must name a database called *_review (it is recreated)")
        import psycopg

        with psycopg.connect(database.rsplit("/", 1)[0] + "/postgres", autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
            conn.execute(f'CREATE DATABASE "{name}"')
    os.environ.update(
        DJANGO_SETTINGS_MODULE="config.settings.production",
        SECRET_KEY=secrets.token_urlsafe(64),
        ALLOWED_HOSTS="testserver",
        ANYMAIL_WEBHOOK_SECRET="anymail:" + secrets.token_urlsafe(24),
        DATABASE_URL=database or f"sqlite:///{folder}/review.sqlite3",
        STATIC_ROOT=f"{folder}/static",
        MEDIA_ROOT=f"{folder}/media",
        FOI_REQUIRE_STAFF_MFA="true",
        REDIS_URL="",
        LOG_LEVEL="ERROR",
        EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
    )
    os.environ.pop("CACHE_URL", None)
    import django
    from django.core.management import call_command

    django.setup()
    # Every 5xx is counted from the responses; the server's own error log would bury the table.
    logging.disable(logging.CRITICAL)
    print("migrating, collecting static files, loading the demo data ...", flush=True)
    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)
    call_command("collectstatic", verbosity=0, interactive=False)
    call_command("load_demo_data", verbosity=0, stdout=io.StringIO(), stderr=io.StringIO())


def totp_code(secret: str) -> str:
    """RFC 6238 now, as an authenticator app computes it (allauth has no public helper)."""
    counter = struct.pack(">Q", int(time.time()) // 30)
    digest = hmac.new(base64.b32decode(secret), counter, hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    value = struct.unpack(">I", digest[offset : offset + 4])[0] & 0x7FFFFFFF
    return f"{value % 1_000_000:06d}"


def give_authenticators() -> dict[str, str]:
    """Every staff account of the demo gets a TOTP authenticator; returns e-mail -> secret."""
    from allauth.mfa.adapter import get_adapter
    from allauth.mfa.models import Authenticator

    from foi.auth.mfa import is_staff
    from foi.models import User

    secrets_by_email = {}
    for user in User.objects.filter(is_active=True):
        if is_staff(user):
            secret = base64.b32encode(secrets.token_bytes(20)).decode()
            Authenticator.objects.create(
                user=user,
                type=Authenticator.Type.TOTP,
                data={"secret": get_adapter().encrypt(secret)},
            )
            secrets_by_email[user.email] = secret
    return secrets_by_email


def password_of(email: str) -> str:
    """The demo's password for a demo account (the demo's own tables, not a copy)."""
    from demo.accounts import ACCOUNTS, PASSWORDS
    from demo.cms.build_roles import MODERATOR

    if email == MODERATOR["email"]:
        return MODERATOR["password"]
    roles = {account["email"]: account["role"] for account in ACCOUNTS}
    return PASSWORDS[roles.get(email, "citizen")]


def make_citizen(email: str) -> str:
    """A citizen with a confirmed e-mail and no requests of their own."""
    from allauth.account.models import EmailAddress

    from foi.models import User

    user = User.objects.create_user(email=email, password=password_of(""))
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    return email


def client(address: str = "203.0.113.7"):
    from django.test import Client

    # Behind the proxy that production expects: TLS is told by X-Forwarded-Proto.
    return Client(
        secure=True,
        REMOTE_ADDR=address,
        HTTP_X_FORWARDED_PROTO="https",
        raise_request_exception=False,
    )


def signed_in(browser) -> bool:
    return "_auth_user_id" in browser.session


def sign_in(email: str, secret: str | None, address: str):
    """Through the one way in: allauth's form, then its second step when the account has one."""
    browser = client(address)
    browser.post("/accounts/login/", {"login": email, "password": password_of(email)})
    if secret is not None and not signed_in(browser):
        browser.post("/accounts/2fa/authenticate/", {"code": totp_code(secret)})
    if not signed_in(browser):
        raise SystemExit(f"could not sign in as {email} through allauth")
    return browser


# -- the probes --------------------------------------------------------------------------------


def login_urls() -> list[str]:
    """Every URL pattern whose route or name speaks of logging in, plus the API's token."""
    from django.urls import get_resolver

    found = set()

    def walk(patterns, prefix=""):
        for pattern in patterns:
            route = prefix + str(pattern.pattern).lstrip("^").rstrip("$")
            if hasattr(pattern, "url_patterns"):
                walk(pattern.url_patterns, route)
            elif ("login" in route or "login" in (pattern.name or "")) and "<" not in route:
                found.add("/" + route.replace("\\", ""))

    walk(get_resolver().url_patterns)
    found |= {"/_util/login/", "/admin/login/", "/django-admin/login/", "/accounts/login/"}
    found |= {"/accounts/reauthenticate/", "/accounts/2fa/authenticate/", "/api/v1/auth/token/"}
    return sorted(found)


def probe_login_routes(review: Review, staff_email: str) -> None:
    from foi.models import User

    unverified = User.objects.create_user(
        email="unverified.review@example.org", password="review-unverified-2026"
    )
    from allauth.account.models import EmailAddress

    EmailAddress.objects.create(user=unverified, email=unverified.email, verified=False)
    people = [
        (staff_email, password_of(staff_email), "staff account with an authenticator, no code"),
        (unverified.email, "review-unverified-2026", "account with an unconfirmed e-mail"),
    ]
    for url in login_urls():
        for email, password, who in people:
            for fields in (
                {"login": email, "password": password},
                {"username": email, "password": password},
                {"email": email, "password": password},
            ):
                browser = client(f"198.51.100.{secrets.randbelow(250) + 1}")
                if url.startswith("/api/"):
                    response = browser.post(url, fields, content_type="application/json")
                else:
                    response = browser.post(url, fields)
                review.tried["login URLs × accounts × field names, POSTed"] += 1
                if signed_in(browser):
                    review.find(f"{who} got a session", f"{url} ({response.status_code})")
                if (
                    url.startswith("/api/")
                    and response.status_code == 200
                    and b"token" in (response.content or b"")
                ):
                    review.find(f"{who} got an API token", url)


def probe_guessing(review: Review, email: str) -> None:
    """Wrong passwords from a new X-Forwarded-For each time; then the right one."""
    limited = 0
    for attempt in range(30):
        browser = client()
        response = browser.post(
            "/api/v1/auth/token/",
            {"email": email, "password": f"wrong-{attempt}"},
            content_type="application/json",
            headers={"X-Forwarded-For": f"192.0.2.{attempt + 1}"},
        )
        review.tried["token guesses, rotating X-Forwarded-For"] += 1
        limited += response.status_code == 429
    if not limited:
        review.find("30 wrong passwords on /api/v1/auth/token/ were never throttled")
    form = client("203.0.113.99")
    for attempt in range(10):
        form.post("/accounts/login/", {"login": email, "password": f"wrong-form-{attempt}"})
        review.tried["sign-in form guesses"] += 1
    right = client("203.0.113.100").post(
        "/accounts/login/", {"login": email, "password": password_of(email)}
    )
    review.tried["right password after the guesses"] += 1
    if right.status_code == 302 and "2fa" not in right.get("Location", ""):
        review.find("the account was not locked after 40 wrong passwords")


def probe_staff_without_mfa(review: Review, email: str) -> None:
    """A staff account that never set up its authenticator: no token, no staff power."""
    from allauth.mfa.models import Authenticator

    from foi import permissions
    from foi.models import FOIRequest, PublicBody, User

    user = User.objects.get(email=email)
    Authenticator.objects.filter(user=user).delete()
    response = client("203.0.113.50").post(
        "/api/v1/auth/token/",
        {"email": email, "password": password_of(email)},
        content_type="application/json",
    )
    review.tried["token for staff without an authenticator"] += 1
    if response.status_code == 200:
        review.find("staff without an authenticator got an API token", email)
    browser = client("203.0.113.51")
    browser.post("/accounts/login/", {"login": email, "password": password_of(email)})
    bodies = list(PublicBody.objects.filter(pk__in=permissions.body_roles(user)))
    private = set(
        FOIRequest.objects.filter(body__in=bodies, visibility="private")
        .exclude(reference=None)
        .values_list("reference", flat=True)
    )
    for body in bodies:
        response = browser.get("/api/v1/requests/", {"body": body.slug, "page_size": 100})
        review.tried["staff pages and API without an authenticator"] += 1
        if response.status_code == 200:
            seen = {row.get("reference") for row in response.json().get("results", [])}
            if seen & private:
                review.find("staff without an authenticator listed private requests by API", email)
    submitted = FOIRequest.objects.filter(body__in=bodies, state="submitted").first()
    if submitted is not None:
        response = browser.post(
            f"/api/v1/requests/{submitted.reference}/actions/accept/",
            {},
            content_type="application/json",
        )
        review.tried["staff pages and API without an authenticator"] += 1
        if response.status_code == 200:
            review.find("staff without an authenticator acted through the API", email)
    for url in ("/admin/", "/admin/requests/queue/"):
        response = browser.get(url)
        review.tried["staff pages and API without an authenticator"] += 1
        if response.status_code == 200:
            review.find("staff without an authenticator opened a staff page", url)


def private_strings() -> list[tuple[str, str, set]]:
    """What must never reach a public page: (text, where it comes from, the bodies whose
    members may see it)."""
    from foi.auth.mfa import is_staff
    from foi.models import Attachment, FOIRequest, Message, User

    strings: list[tuple[str, str, set]] = []
    bodies_of_requester: dict[int, set] = {}
    for requester_id, body_id in FOIRequest.objects.values_list("requester_id", "body_id"):
        bodies_of_requester.setdefault(requester_id, set()).add(body_id)
    for user in User.objects.all():
        if is_staff(user):
            continue
        bodies = bodies_of_requester.get(user.pk, set())
        strings.append((user.email, "a requester's e-mail", bodies))
        if len(user.phone) >= 7:
            strings.append((user.phone, "a requester's phone", bodies))
        if len(user.postal_address) >= 8:
            strings.append((user.postal_address.splitlines()[0], "a requester's address", bodies))
    for message in Message.objects.exclude(audience="public").exclude(text=""):
        line = message.text.strip().splitlines()[0][:60]
        if len(line) >= 20:
            body = message.foi_request.body_id
            strings.append((line, f"a {message.audience} message", {body}))
    named_publicly = set(
        FOIRequest.objects.filter(public_name_choice="name").values_list("requester_id", flat=True)
    )
    for foi_request in FOIRequest.objects.select_related("requester"):
        bodies = {foi_request.body_id}
        hidden = foi_request.visibility == "private" or foi_request.reference is None
        if hidden and len(foi_request.subject) >= 12:
            strings.append((foi_request.subject, "a private or draft request's subject", bodies))
        if (
            foi_request.public_name_choice != "name"
            and foi_request.requester_id not in named_publicly
        ):
            for part in (foi_request.requester.first_name, foi_request.requester.last_name):
                if len(part) >= 4:
                    strings.append((part, "a pseudonymous requester's real name", bodies))
    for attachment in Attachment.objects.filter(approved=False).select_related("message"):
        if len(attachment.original_name) >= 8:
            body = attachment.message.foi_request.body_id
            strings.append((attachment.original_name, "an unapproved file's name", {body}))
    return strings


def public_urls() -> list[str]:
    from foi.models import FOIRequest, PublicBody

    urls = ["/", "/requests/", "/requests/feed/", "/bodies/", "/statistics/", "/search/?q=a"]
    urls += ["/requests/export.csv", "/requests/export.json", "/disclosure-log/", "/sitemap.xml"]
    urls += ["/api/v1/requests/?page_size=100", "/api/v1/bodies/", "/api/v1/search/?q=a"]
    urls += ["/api/v1/stats/bodies/", "/statistics/bodies.csv", "/statistics/bodies.json"]
    for state in ("draft", "submitted", "withdrawn", "answered", "refused", "closed"):
        urls += [f"/requests/?state={state}", f"/api/v1/requests/?state={state}"]
        urls += [f"/requests/export.csv?state={state}"]
    for word in ("su", "budget", "büdcə", "məlumat", "report"):
        urls += [f"/search/?q={word}", f"/api/v1/search/?q={word}", f"/api/v1/requests/?q={word}"]
    for body in PublicBody.objects.filter(requests__isnull=False).distinct():
        urls += [f"/bodies/{body.slug}/", f"/bodies/{body.slug}/feed/"]
        urls += [f"/statistics/bodies/{body.slug}/"]
    for foi_request in FOIRequest.objects.exclude(reference=None):
        reference = foi_request.reference
        urls += [f"/requests/{reference}/", f"/requests/{reference}/feed/"]
        urls += [f"/requests/{reference}/case-file.zip", f"/api/v1/requests/{reference}/"]
        for attachment_id in foi_request.messages.values_list("attachments__id", flat=True):
            if attachment_id:
                urls.append(f"/requests/{reference}/files/{attachment_id}/")
    return urls


def probe_leaks(review: Review, viewers: dict) -> None:
    """Each viewer reads every public URL; nothing private of a body they are not a member of,
    and nothing of a requester they are not, may appear."""
    from foi import permissions
    from foi.models import User

    strings = private_strings()
    urls = public_urls()
    review.scope = (
        f"{len(urls)} public URLs × {len(viewers)} viewers, {len(strings)} private strings"
    )
    print(f"  {review.scope}", flush=True)
    for who, browser in viewers.items():
        user_id = browser.session.get("_auth_user_id")
        user = User.objects.get(pk=user_id) if user_id else None
        own_bodies = set(permissions.body_roles(user)) if user else set()
        own = {value.casefold() for value in (user.email, user.phone) if value} if user else set()
        watch = [
            (text.casefold(), where)
            for text, where, bodies in strings
            if not bodies & own_bodies and text.casefold() not in own
        ]
        for url in urls:
            response = browser.get(url)
            review.tried[
                "public URLs read as visitor, unrelated citizen, other body's officer"
            ] += 1
            if response.status_code >= 500:
                review.find(f"{response.status_code} on a public URL", f"{url} as {who}")
                continue
            if response.status_code != 200:
                continue
            text = b"".join(response.streaming_content) if response.streaming else response.content
            if url.endswith(".zip"):
                if not own_bodies:
                    review.find("a case file served to a non-party", f"{url} as {who}")
                continue
            page = text.decode("utf-8", "replace").casefold()
            for secret, where in watch:
                if secret in page:
                    review.find(f"{where} on a public URL", f"{url} as {who}: {secret[:30]!r}")


def probe_bad_input(review: Review, viewers: dict) -> None:
    from foi.models import FOIRequest

    reference = FOIRequest.objects.exclude(reference=None).values_list("reference", flat=True)[0]
    pages = ["/requests/", "/requests/export.csv", "/requests/export.json", "/search/"]
    pages += ["/api/v1/requests/", "/api/v1/search/", "/statistics/", "/bodies/"]
    pages += ["/admin/requests/queue/", "/admin/requests/reports/"]
    for who, browser in viewers.items():
        for page in pages:
            for param in FILTER_PARAMS:
                for value in BAD_VALUES:
                    response = browser.get(page, {param: value})
                    review.tried["malformed filters (page × parameter × value × viewer)"] += 1
                    if response.status_code >= 500:
                        review.find(
                            f"{response.status_code} on a malformed filter",
                            f"{page}?{param}={value!r} as {who}",
                        )
        for suffix in ("", "feed/", "case-file.zip", "files/1/", "appeal/"):
            response = browser.get(f"/requests/{reference}%00/{suffix}")
            review.tried["NUL bytes in references"] += 1
            if response.status_code >= 500:
                review.find(
                    f"{response.status_code} on a NUL byte in a reference",
                    f"/requests/…%00/{suffix} as {who}",
                )


def probe_feeds(review: Review) -> None:
    """Markup and control characters stored in a public request, read back through feeds."""
    from foi.models import FOIRequest

    foi_request = FOIRequest.objects.filter(visibility="public").exclude(reference=None).first()
    FOIRequest.objects.filter(pk=foi_request.pk).update(
        subject='<img src=x onerror="alert(1)"> \x1b\x07 Budget',
        text='<a href="javascript:alert(2)">click</a> \x1b',
    )
    feeds = ["/requests/feed/", f"/bodies/{foi_request.body.slug}/feed/"]
    feeds += [f"/requests/{foi_request.reference}/feed/", "/disclosures/feed/"]
    for url in feeds:
        response = client().get(url)
        review.tried["feeds with markup and control characters stored"] += 1
        if response.status_code != 200:
            review.find(
                "a feed fails with control characters stored", f"{url}: {response.status_code}"
            )
            continue
        try:
            tree = ElementTree.fromstring(response.content)
        except ElementTree.ParseError as error:
            review.find("a feed is not well-formed XML", f"{url}: {error}")
            continue
        for element in tree.iter():
            # Escaped markup is text to a reader; only a real tag or a javascript: link runs.
            if element.get("type") == "html" and re.search(
                r"<(img|script|iframe|svg)\b|<a\b[^>]*href\s*=\s*[\"']?\s*javascript:",
                element.text or "",
                re.I,
            ):
                review.find(
                    "live markup in a feed", f"{url}: <{element.tag.removeprefix(ATOM)} type=html>"
                )


LABEL = "security review"


def section(review: Review, database: str, seconds: float) -> str:
    """The run for docs/security.md: what was tried, with counts, and every finding."""
    import datetime

    from django.db import connection

    from bench.record import marked

    probes, findings = sum(review.tried.values()), sum(review.found.values())
    vendor = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}.get(connection.vendor)
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    lines = [
        f"### {LABEL}",
        "",
        f"Run {datetime.date.today().isoformat()} on {vendor or connection.vendor} "
        f"({'`' + database.rsplit('/', 1)[-1] + '`' if database else 'a temporary file'}), "
        f"the demo data under `config.settings.production`; {review.scope}: "
        f"**{probes:,} probes, {findings:,} findings** in {seconds:.0f} s (load average at the "
        f"end {load}: the machine is shared).",
        "",
        review.table(),
    ]
    if findings:
        lines += ["", "Findings (with up to five places each):", "", "```", review.findings()]
        lines += ["```"]
    return marked(LABEL, "\n".join(lines))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--database", help="postgres://…/*_review (recreated); default SQLite")
    parser.add_argument(
        "--write",
        action="store_true",
        help="write the run to docs/security.md and bench/results/security_review-history.md",
    )
    arguments = parser.parse_args()
    started = time.monotonic()
    configure(arguments.database)
    review = Review()
    authenticators = give_authenticators()
    if client().get("/").status_code != 200:
        raise SystemExit("the home page does not answer 200: the review would prove nothing")
    staff = "finance.officer@demo.example"
    print("login routes:", ", ".join(login_urls()), flush=True)
    probe_login_routes(review, staff)
    print("password guessing ...", flush=True)
    probe_guessing(review, "kamran@demo.example")
    print("staff without an authenticator ...", flush=True)
    probe_staff_without_mfa(review, "ecology.coordinator@demo.example")
    outsider = make_citizen("outsider.review@example.org")
    viewers = {
        "visitor": client("203.0.113.10"),
        "unrelated citizen": sign_in(outsider, None, "203.0.113.11"),
        "other body's officer": sign_in(
            "ecology.officer@demo.example",
            authenticators["ecology.officer@demo.example"],
            "203.0.113.12",
        ),
    }
    print("private strings on public URLs ...", flush=True)
    probe_leaks(review, viewers)
    print("malformed input ...", flush=True)
    probe_bad_input(review, viewers)
    print("feeds ...", flush=True)
    probe_feeds(review)
    print()
    print(review.table())
    print(
        f"\n{sum(review.tried.values()):,} probes in {time.monotonic() - started:.0f} s; "
        f"{sum(review.found.values()):,} findings"
    )
    print(review.findings())
    if arguments.write:
        from bench.record import record

        text = section(review, arguments.database or "", time.monotonic() - started)
        record("security_review", LABEL, text, docs=ROOT / "docs" / "security.md")
    return 1 if review.found else 0


if __name__ == "__main__":
    sys.exit(main())
