"""Public statistics of how bodies handle requests: JSON-ready dicts for pages, downloads and the
API (``GET /api/v1/stats/bodies/`` and ``/api/v1/stats/bodies/{slug}/``).

They are ``foi.stats``' figures (read its docstring: what each figure means, exactly; its
``FIGURES`` define them, and the dicts below follow them, in their order), computed
only over what an anonymous visitor may see: the requests ``foi.selectors.foi_request_public_qs``
returns *now* (public, or private whose date has passed; never drafts). A private request is
left out of every figure, including transfers and appeals. Each function reads a fixed number of
queries whatever the number of bodies and requests, and caches its figures for
``CACHE_SECONDS`` (per period; with an explicit ``now`` nothing is cached).

``body_statistics()`` and ``overall_statistics()`` return (keys stable, snake_case; dates as ISO
strings; a share is a percentage with one decimal, or None when there is nothing to divide by)::

    {
      "body": {"slug", "name", "acronym", "law"},  # body_statistics only; law = the law's code
      "bodies": int,                                 # overall_statistics only: bodies counted
      "period": {"from": "2026-01-01", "to": "2026-12-31"},
      "generated_at": "2026-05-04T12:00:00+04:00",
      "received", "answered", "answered_on_time": int,
      "on_time_percent": float | None,          # answered_on_time / answered
      "median_working_days_to_first_response": float | None,
      "median_working_days_to_answer": float | None,
      "outcomes": {"full", "partial", "not_held", "refused", "rejected": int},
      "refusals_by_ground": [{"law", "code", "count"}],        # most invoked first
      "partial_answers_by_ground": [{"law", "code", "count"}],
      "withdrawn", "still_open", "overdue_now", "very_overdue_now": int,
      "appeals", "appeals_upheld", "appeals_overturned", "appeals_pending": int,
      "transferred_out": int,
      "appeals_overturned_percent": float | None,  # overturned / (upheld + overturned)
      "duties": {code: {"on_time", "late", "missed", "pending": int,   # foi.stats.duties
                        "on_time_percent": float | None}},  # on_time / (on_time+late+missed)
      "monthly": [{"month": "2026-01", "received", "answered", "answered_on_time": int,
                   "on_time_percent": float | None}],
    }

``monthly`` has one row per calendar month of the period (a month cut by the period's ends
counts only its days inside it). Each row is the period's figures restricted to the requests
received that month, so the rows add up to the totals.

``duties`` has a row per duty of ``foi.stats.DUTIES`` (forwarding, the clarification and
extension notices, the two urgent answers, appeal decisions; its docstring says how each is
counted), over the public requests received in the period, each duty at the body that owed it.

``league_table()`` returns one row per body that received a public request in the period,
transferred one away, or owed a duty on one: ``{"slug", "name", "acronym", "law"}`` and the
figures in ``LEAGUE_COLUMNS`` (with each duty's ``<code>_on_time_percent``), sorted by
``order`` (a column, or ``name``; ``-`` first for descending; None always last).
"""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime

from django.core.cache import cache
from django.utils import translation

from core import clock
from core.textfold import fold
from foi.selectors import fees as fee_selectors
from foi.selectors import stats as foi_stats
from publicstats import store

CACHE_SECONDS = 600
CACHE_VERSION = 6

# The league table's columns: figures, and "refused" (of the outcomes).
LEAGUE_COLUMNS = (
    *foi_stats.HEADLINE,
    "refused",
    "overdue_now",
    "very_overdue_now",
    "appeals",
    "appeals_overturned",
    "appeals_overturned_percent",
    "transferred_out",
    "withdrawn",
    "still_open",
    *(f"{code}_on_time_percent" for code in foi_stats.DUTY_CODES),
)
LEAGUE_ORDERS = ("name", *LEAGUE_COLUMNS)
DEFAULT_ORDER = "-received"


# The figures of a set of cases -----------------------------------------------------------------


def _percent(part: int, whole: int) -> float | None:
    return round(100 * part / whole, 1) if whole else None


def _grounds(counts: Counter) -> list[dict]:
    rows = [{"law": law, "code": code, "count": n} for (law, code), n in counts.items()]
    return sorted(rows, key=lambda row: (-row["count"], row["law"], row["code"]))


def _months(date_from: date, date_to: date) -> list[str]:
    months, year, month = [], date_from.year, date_from.month
    while (year, month) <= (date_to.year, date_to.month):
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def _scalars(total: store.Sums, *, overdue_now: int, very_overdue_now: int = 0) -> dict:
    """Every figure that is one number (``FIGURES`` order), from a body's (or all) sums."""
    values = {}
    for figure in foi_stats.FIGURES:
        if figure.kind in ("cases", "appeals", "transfers"):
            values[figure.name] = getattr(total, figure.name)
        elif figure.kind == "overdue":
            values[figure.name] = overdue_now
        elif figure.kind == "very_overdue":
            values[figure.name] = very_overdue_now
        elif figure.kind == "median":
            values[figure.name] = store.median(getattr(total, figure.tally))
    for figure in foi_stats.of_kind("share"):
        values[figure.name] = foi_stats.share(figure, values)
    return values


def _duties(per_duty: dict[str, dict[str, int]]) -> dict[str, dict]:
    """Every duty's counts by status and on-time rate (``foi.stats.duties``), in ``DUTIES``
    order, from a body's (or all) counts."""
    result = {}
    for code in foi_stats.DUTY_CODES:
        counts = {status: per_duty.get(code, {}).get(status, 0) for status in foi_stats.STATUSES}
        result[code] = {**counts, "on_time_percent": foi_stats.duty_rate(counts)}
    return result


def _summed_duties(per_body: dict[int, dict[str, dict[str, int]]]) -> dict[str, dict[str, int]]:
    total: dict[str, dict[str, int]] = {}
    for per_duty in per_body.values():
        for code, counts in per_duty.items():
            row = total.setdefault(code, dict.fromkeys(foi_stats.STATUSES, 0))
            for status, n in counts.items():
                row[status] += n
    return total


def _league_figures(
    total: store.Sums,
    *,
    overdue_now: int,
    very_overdue_now: int,
    duties: dict[str, dict[str, int]],
) -> dict:
    """A body's figures in ``LEAGUE_COLUMNS``, from its sums."""
    values = _scalars(total, overdue_now=overdue_now, very_overdue_now=very_overdue_now)
    values["refused"] = total.outcomes.get("refused", 0)
    for code, row in _duties(duties).items():
        values[f"{code}_on_time_percent"] = row["on_time_percent"]
    return {name: values[name] for name in LEAGUE_COLUMNS}


def _figures_dict(
    total: store.Sums,
    by_month: dict[date, list[int]],
    *,
    law_codes: dict[int, str],
    overdue_now: int,
    very_overdue_now: int,
    duties: dict[str, dict[str, int]],
    date_from: date,
    date_to: date,
    now: datetime,
) -> dict:
    """The figures of a body (or of all) from its sums, as a JSON-ready dict."""

    def grounds(counter: dict) -> list[dict]:
        return _grounds(Counter({(law_codes[law], code): n for (law, code), n in counter.items()}))

    monthly = []
    for month in _months(date_from, date_to):
        received, answered, on_time = by_month.get(date.fromisoformat(f"{month}-01"), (0, 0, 0))
        monthly.append(
            {
                "month": month,
                "received": received,
                "answered": answered,
                "answered_on_time": on_time,
                "on_time_percent": _percent(on_time, answered),
            }
        )
    scalars = _scalars(total, overdue_now=overdue_now, very_overdue_now=very_overdue_now)
    figures = {}
    for figure in foi_stats.FIGURES:
        if figure.kind == "outcomes":
            outcomes = foi_stats.OUTCOMES
            figures[figure.name] = {name: total.outcomes.get(name, 0) for name in outcomes}
        elif figure.kind == "grounds":
            figures[figure.name] = grounds(getattr(total, figure.tally))
        else:
            figures[figure.name] = scalars[figure.name]
    return {
        "period": {"from": date_from.isoformat(), "to": date_to.isoformat()},
        "generated_at": now.isoformat(),
        **figures,
        "duties": _duties(duties),
        "monthly": monthly,
    }


def _fees(totals: list[store.Sums]) -> dict:
    """``{"by_class": {"free", "discounted", "paid", "unclassed": int}, "estimated", "paid",
    "waived", "closed_unpaid", "awaiting_payment": int}`` over these sums (of bodies under laws
    with fees): requests received in the period per fee class, and what became of the
    estimates sent for them. The requests not classed are the rest of those received."""
    by_class = {
        name: sum(getattr(total, f"fees_class_{name}") for total in totals)
        for name in fee_selectors.CLASSES
    }
    received = sum(total.received for total in totals)
    by_class["unclassed"] = received - sum(by_class.values())
    result = {"by_class": by_class}
    for name in ("estimated", "paid", "waived", "closed_unpaid", "awaiting_payment"):
        result[name] = sum(getattr(total, f"fees_{name}") for total in totals)
    return result


# Reading, with the cache -----------------------------------------------------------------------


def _cached(key: str, now: datetime | None, compute):
    """``compute(now)`` through the cache; an explicit ``now`` (tests, reports for a given
    moment) bypasses it."""
    if now is not None:
        return compute(now)
    key = f"publicstats:{CACHE_VERSION}:{key}"
    value = cache.get(key)
    if value is None:
        value = compute(clock.now())
        cache.set(key, value, CACHE_SECONDS)
    return value


def _body_identity(body, law_code: str) -> dict:
    return {"slug": body.slug, "name": body.name, "acronym": body.acronym, "law": law_code}


def _body_figures(body, date_from: date, date_to: date, now: datetime | None) -> dict:
    """One body's figures for the period, with its fees (``"fees"``), in at most nine queries,
    cached."""

    def compute(now):
        laws = foi_stats.laws()
        sums = store.period_sums(
            date_from=date_from,
            date_to=date_to,
            now=now,
            body_id=body.pk,
            very_overdue=foi_stats.very_overdue_before(laws=laws, now=now),
        )
        total = store.Sums().add(sums.totals.get(body.pk, store.Sums())).add(sums.grounds)
        figures = _figures_dict(
            total,
            sums.months,
            law_codes={law.pk: law.code for law in laws},
            overdue_now=sums.overdue_now.get(body.pk, 0),
            very_overdue_now=sums.very_overdue_now.get(body.pk, 0),
            duties=sums.duties.get(body.pk, {}),
            date_from=date_from,
            date_to=date_to,
            now=now,
        )
        charged = any(law.pk == body.law_id and law.fees_apply for law in laws)
        figures["fees"] = _fees([total] if charged else [])
        return figures

    return _cached(f"body:{body.pk}:{date_from}:{date_to}", now, compute)


def body_statistics(*, body, date_from: date, date_to: date, now: datetime | None = None) -> dict:
    """One body's figures for the period (see the module docstring), in at most nine
    queries."""
    figures = _body_figures(body, date_from, date_to, now)
    shown = {name: value for name, value in figures.items() if name != "fees"}
    return {"body": _body_identity(body, body.law.code), **shown}


def _all_bodies(date_from: date, date_to: date, now: datetime | None) -> dict:
    """Every body's league figures and the overall figures, for the period: ten queries,
    cached."""

    def compute(now):
        laws = foi_stats.laws()
        sums = store.period_sums(
            date_from=date_from,
            date_to=date_to,
            now=now,
            very_overdue=foi_stats.very_overdue_before(laws=laws, now=now),
        )
        body_ids = {body for body, total in sums.totals.items() if total.received}
        body_ids |= {body for body, total in sums.totals.items() if total.transferred_out}
        body_ids |= set(sums.duties)
        per_body = {}
        overall_total = store.Sums().add(sums.grounds)
        charging = {law.code for law in laws if law.fees_apply}
        charged = []  # the sums of the bodies whose law lets them charge fees
        for body, identity in foi_stats.public_body_identities(body_ids).items():
            total = sums.totals.get(body, store.Sums())
            overall_total.add(total)
            if identity["law"] in charging:
                charged.append(total)
            per_body[body] = {
                "identity": identity,
                "figures": _league_figures(
                    total,
                    overdue_now=sums.overdue_now.get(body, 0),
                    very_overdue_now=sums.very_overdue_now.get(body, 0),
                    duties=sums.duties.get(body, {}),
                ),
            }
        overall = _figures_dict(
            overall_total,
            sums.months,
            law_codes={law.pk: law.code for law in laws},
            overdue_now=sum(sums.overdue_now.values()),
            very_overdue_now=sum(sums.very_overdue_now.values()),
            duties=_summed_duties(
                {body: sums.duties[body] for body in per_body if body in sums.duties}
            ),
            date_from=date_from,
            date_to=date_to,
            now=now,
        )
        overall["bodies"] = len(per_body)
        return {"bodies": per_body, "overall": overall, "fees": _fees(charged)}

    return _cached(f"all:{date_from}:{date_to}", now, compute)


def fee_statistics(
    *, date_from: date, date_to: date, body=None, now: datetime | None = None
) -> dict:
    """The fee figures of the period (``_fees``), of ``body`` if given, else of every body:
    read with the other figures, from the same cached sums."""
    if body is not None:
        return _body_figures(body, date_from, date_to, now)["fees"]
    return _all_bodies(date_from, date_to, now)["fees"]


def overall_statistics(*, date_from: date, date_to: date, now: datetime | None = None) -> dict:
    """The figures across all bodies, each request's working days counted by its own law."""
    return dict(_all_bodies(date_from, date_to, now)["overall"])


def _name(names: dict) -> str:
    """The name in the reader's language, with ``foi.models.i18n``'s fallback."""
    language = (translation.get_language() or "en")[:2]
    for code in (language, *foi_stats.FALLBACK_ORDER):
        if names.get(code):
            return names[code]
    return ""


def normalise_order(order: str | None) -> str:
    """``order`` if it names a column (``-`` for descending), else the default."""
    order = (order or "").strip()
    return order if order.lstrip("-") in LEAGUE_ORDERS else DEFAULT_ORDER


def league_table(
    *, date_from: date, date_to: date, now: datetime | None = None, order: str = DEFAULT_ORDER
) -> list[dict]:
    """One row per body (see the module docstring), sorted by ``order``."""
    return _league_rows(_all_bodies(date_from, date_to, now), order)


def overall_and_league(
    *, date_from: date, date_to: date, now: datetime | None = None, order: str = DEFAULT_ORDER
) -> tuple[dict, list[dict]]:
    """``overall_statistics`` and ``league_table`` from one computation (one read of the
    cache, or one computation when it is cold)."""
    data = _all_bodies(date_from, date_to, now)
    return dict(data["overall"]), _league_rows(data, order)


def _league_rows(data: dict, order: str) -> list[dict]:
    rows = []
    for item in data["bodies"].values():
        identity, figures = item["identity"], item["figures"]
        row = {
            "slug": identity["slug"],
            "name": _name(identity["names"]),
            "acronym": identity["acronym"],
            "law": identity["law"],
        }
        row.update(figures)
        rows.append(row)
    return sort_rows(rows, order)


def sort_rows(rows: list[dict], order: str) -> list[dict]:
    order = normalise_order(order)
    column, descending = order.lstrip("-"), order.startswith("-")
    by_name = sorted(rows, key=lambda row: fold(row["name"]))
    if column == "name":
        return list(reversed(by_name)) if descending else by_name
    present = [row for row in by_name if row[column] is not None]
    missing = [row for row in by_name if row[column] is None]
    present.sort(key=lambda row: row[column], reverse=descending)
    return present + missing


def recording(*, now: datetime | None = None) -> dict:
    """How the public requests' answers and refusals were recorded (issue 19: bodies that
    answer by e-mail), for the methodology page and its JSON:

    ``{"recorded_by": {"officer": int, "reply_link": int, "requester": int, "moderator": int},
    "decisions": int, "by_requester_share": float | None, "unclassified_replies": int}``.
    Two queries, cached like the figures; all time, not per period."""

    def compute(_now):
        counts = foi_stats.decisions_recorded_by()
        total = sum(counts.values())
        return {
            "recorded_by": counts,
            "decisions": total,
            "by_requester_share": round(100 * counts["requester"] / total, 1) if total else None,
            "unclassified_replies": foi_stats.unclassified_reply_count(),
        }

    return _cached("recording", now, compute)
