"""Figures on how a body handles requests, per body and per officer, for a period.

Independent of any page: the workspace's reports and the public statistics (``publicstats``,
through ``foi.selectors.stats``) use them. ``figures``: ``FIGURES`` defines the figures once
(name, label, how each is counted; ``Figures``, the CSV columns, and the public statistics'
sums and tables derive from it), and ``figures()`` computes them over plain ``CaseFacts``
(tests build them by hand); ``facts``: ``case_facts()`` reads those from the database in a
fixed number of queries; ``report``: ``body_report()`` puts the two together, per officer too,
and as CSV rows. Every name is here.

What each figure means, exactly:

- **The period** is ``date_from`` to ``date_to``, both included, as days in the law's time zone.
- **Cohort**: every figure except ``transferred_out`` is about the requests the body *received*
  in the period and still holds (``FOIRequest.received_at``: the moment the body now holding a
  request received it, so a transferred request counts at the body it went to, from its arrival
  there). Drafts never count.
- ``received``: the size of the cohort.
- ``answered``: requests the body decided: answered (in full, in part, "not held"), refused, or
  rejected as not a valid request. Only the body's *first* decision on a request counts; a new
  decision after an appeal was overturned shows in ``appeals_overturned``, not here.
- ``answered_on_time``: decisions made at or before the due moment in force at that moment
  (``due_at`` with every extension, clarification and transfer that happened before it).
  ``on_time_percent`` is ``answered_on_time / answered`` (None when nothing was decided); open
  requests past their due date are counted by ``overdue_now`` instead.
- ``median_working_days_to_first_response``: the median, over requests the body has written
  to, of working days from receipt to its first letter to the requester (a clarification
  request, an extension or transfer notice, an answer, a refusal or a rejection). Working days
  are counted as ``foi.deadlines`` counts them for the body's law: the working days after the
  day of receipt up to and including the day of the letter (same day: 0).
- ``median_working_days_to_answer``: the same, to the first decision.
- ``outcomes``: first decisions by outcome: ``full``, ``partial``, ``not_held``, ``refused``,
  ``rejected``.
- ``refusals_by_ground`` / ``partial_answers_by_ground``: per exemption code, how many refusals
  (partial answers) invoked it; a decision invoking two grounds counts once for each.
- ``withdrawn``: withdrawn by the requester. ``still_open``: submitted, in progress, or awaiting
  the requester's clarification now.
- ``overdue_now``: submitted or in progress now, past the due moment (what the queue marks late).
- ``very_overdue_now``: of those, the ones past their law's very-overdue tier now: more than
  ``Law.very_overdue_after_working_days`` working days after the due day (the project's policy;
  ``foi.conditions.is_very_overdue``).
- ``appeals``: appeals lodged on these requests; ``appeals_upheld``, ``appeals_overturned``
  (overturned or partly overturned) and ``appeals_pending`` (not decided yet) split them.
- ``transferred_out``: requests the body forwarded to another body during the period (they are
  no longer in its cohort, so they are counted by the transfer's date).

Per officer, a request belongs to whoever made the body's first decision on it, or, while
undecided, to its assignee (None: nobody). A transfer belongs to whoever made it.

``duties``: every other duty the law sets a time for (forwarding, the clarification and
extension notices, urgent answers, appeal decisions), one ``DutyFact`` each, and whether each
was met (its docstring says exactly how each is counted).
"""

from foi.stats.duties import (
    DUTIES,
    DUTY_BY_CODE,
    DUTY_CODES,
    STATUS_LABELS,
    STATUSES,
    Duty,
    DutyFact,
    duty_facts,
    duty_table,
)
from foi.stats.duties import rate as duty_rate
from foi.stats.facts import (
    case_facts,
    cohort_facts,
    facts_of,
    period_bounds,
    transfers_out,
)
from foi.stats.figures import (
    BY_NAME,
    CLOCK_RUNNING,
    DECISION_KINDS,
    FIGURES,
    HEADLINE,
    OPEN,
    OUTCOME_LABELS,
    OUTCOMES,
    OVERTURNED,
    RESPONSE_KINDS,
    CaseFacts,
    Figure,
    Figures,
    figures,
    of_kind,
    share,
    working_days_between,
)
from foi.stats.report import COLUMNS, Report, body_report, figures_row, header_row

__all__ = [
    "BY_NAME",
    "CLOCK_RUNNING",
    "COLUMNS",
    "DECISION_KINDS",
    "DUTIES",
    "DUTY_BY_CODE",
    "DUTY_CODES",
    "FIGURES",
    "HEADLINE",
    "OPEN",
    "OUTCOMES",
    "OUTCOME_LABELS",
    "OVERTURNED",
    "RESPONSE_KINDS",
    "STATUSES",
    "STATUS_LABELS",
    "CaseFacts",
    "Duty",
    "DutyFact",
    "Figure",
    "Figures",
    "Report",
    "body_report",
    "case_facts",
    "cohort_facts",
    "duty_facts",
    "duty_rate",
    "duty_table",
    "facts_of",
    "figures",
    "figures_row",
    "header_row",
    "of_kind",
    "period_bounds",
    "share",
    "transfers_out",
    "working_days_between",
]
