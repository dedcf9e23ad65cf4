"""The request and its lifecycle.

The state changes only through the transitions below, and a transition only through its service
in ``foi.services`` (which locks, checks, saves and audits). Conditions live in
``foi.conditions``; permissions in ``foi.permissions``.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_fsm import GET_STATE, FSMField, FSMModelMixin, transition

from foi import conditions, permissions


class State(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    IN_PROGRESS = "in_progress", _("In progress")
    AWAITING_CLARIFICATION = "awaiting_clarification", _("Awaiting clarification")
    ANSWERED = "answered", _("Answered")
    REFUSED = "refused", _("Refused")
    REJECTED = "rejected", _("Rejected as not a valid request")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    UNDER_APPEAL = "under_appeal", _("Under appeal")
    CLOSED = "closed", _("Closed")


OPEN_STATES = (State.SUBMITTED, State.IN_PROGRESS)
"""States in which the body's clock runs and the request may become overdue."""


class Urgency(models.TextChoices):
    NORMAL = "normal", _("Normal")
    RELEVANCE = "relevance", _("Urgent: the information would lose its value")
    LIFE = "life", _("Urgent: a threat to life, health or liberty")


class AccessForm(models.TextChoices):
    ELECTRONIC = "electronic", _("Electronic copy by e-mail")
    PAPER = "paper", _("Paper copy by post")
    INSPECTION = "inspection", _("Inspection in person")
    ORAL = "oral", _("Oral answer")


class Visibility(models.TextChoices):
    PUBLIC = "public", _("Public")
    PRIVATE = "private", _("Private until a date")


class PublicNameChoice(models.TextChoices):
    NAME = "name", _("My real name")
    PSEUDONYM = "pseudonym", _("A pseudonym")
    WITHHELD = "withheld", _("Name withheld")


class Channel(models.TextChoices):
    WEB = "web", _("Web")
    EMAIL = "email", _("E-mail")
    POST = "post", _("Post")
    IN_PERSON = "in_person", _("In person")
    PHONE = "phone", _("Phone")
    FAX = "fax", _("Fax")


class Outcome(models.TextChoices):
    FULL = "full", _("Information given in full")
    PARTIAL = "partial", _("Information given in part")
    NOT_HELD = "not_held", _("Information not held")
    REFUSED = "refused", _("Refused")


class AppealDecision(models.TextChoices):
    UPHELD = "upheld", _("The body's decision was upheld")
    OVERTURNED = "overturned", _("The body's decision was overturned")
    PARTLY_OVERTURNED = "partly_overturned", _("The body's decision was partly overturned")


def _state_after_assign(instance, *args, **kwargs):
    return State.IN_PROGRESS if instance.state == State.SUBMITTED else instance.state


def _state_after_decision(instance, *args, decision=None, **kwargs):
    return State.CLOSED if decision == AppealDecision.UPHELD else State.IN_PROGRESS


class FOIRequest(FSMModelMixin, models.Model):
    reference = models.CharField(max_length=32, unique=True, null=True, blank=True)
    law = models.ForeignKey("foi.Law", on_delete=models.PROTECT, related_name="requests")
    body = models.ForeignKey("foi.PublicBody", on_delete=models.PROTECT, related_name="requests")
    requester = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="foi_requests"
    )
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="registered_requests",
        help_text=_("The officer who registered an oral or postal request for the requester."),
    )
    channel = models.CharField(max_length=16, choices=Channel.choices, default=Channel.WEB)

    subject = models.CharField(max_length=250)
    text = models.TextField()
    urgency = models.CharField(max_length=16, choices=Urgency.choices, default=Urgency.NORMAL)
    urgency_justification = models.TextField(blank=True)
    access_form = models.CharField(
        max_length=16, choices=AccessForm.choices, default=AccessForm.ELECTRONIC
    )
    visibility = models.CharField(
        max_length=16, choices=Visibility.choices, default=Visibility.PUBLIC
    )
    private_until = models.DateField(null=True, blank=True)
    public_name_choice = models.CharField(
        max_length=16, choices=PublicNameChoice.choices, default=PublicNameChoice.NAME
    )
    pseudonym = models.CharField(max_length=100, blank=True)
    public_name = models.CharField(
        max_length=200, blank=True, help_text=_("How the requester is shown in public.")
    )

    state = FSMField(
        max_length=32, choices=State.choices, default=State.DRAFT, protected=True, db_index=True
    )
    outcome = models.CharField(max_length=16, choices=Outcome.choices, blank=True)
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="assigned_requests",
    )
    rejection_reason = models.TextField(blank=True)

    # The clock. ``due_at`` is always what ``foi.deadlines`` computes from these inputs.
    first_received_at = models.DateTimeField(null=True, blank=True)
    received_at = models.DateTimeField(
        null=True, blank=True, help_text=_("When the body now holding the request received it.")
    )
    clock_history = models.JSONField(default=list, blank=True)
    extensions_count = models.PositiveSmallIntegerField(
        default=0, help_text=_("Extensions granted in the period now running.")
    )
    due_at = models.DateTimeField(null=True, blank=True, db_index=True)
    due_explanation = models.JSONField(default=list, blank=True)
    clarification_lapses_at = models.DateTimeField(null=True, blank=True)

    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    accepted_at = models.DateTimeField(null=True, blank=True)
    first_response_at = models.DateTimeField(null=True, blank=True)
    clarification_requested_at = models.DateTimeField(null=True, blank=True)
    clarified_at = models.DateTimeField(null=True, blank=True)
    transferred_at = models.DateTimeField(null=True, blank=True)
    answered_at = models.DateTimeField(null=True, blank=True)
    refused_at = models.DateTimeField(null=True, blank=True)
    rejected_at = models.DateTimeField(null=True, blank=True)
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    appealed_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)

    # Bumped by every save; a transition from an older copy is refused (see ``save``).
    version = models.PositiveIntegerField(default=0)
    # Head of the audit chain, so that removing the last event is noticed too.
    audit_length = models.PositiveIntegerField(default=0)
    audit_head = models.CharField(max_length=64, blank=True)

    class Meta:
        ordering = ["-submitted_at", "-created_at"]
        verbose_name = _("request")
        verbose_name_plural = _("requests")
        indexes = [
            models.Index(fields=["body", "state"], name="foirequest_body_state"),
            models.Index(fields=["state", "due_at"], name="foirequest_state_due"),
            # The request list, newest first (or oldest: read backwards), whole or by year; by
            # state; a body's latest. Each carries the public rule's two columns, so that the
            # count can be read from the index alone (docs/benchmarks.md, "plans").
            models.Index(
                fields=["-submitted_at", "-id"],
                name="foirequest_listed",
                include=["visibility", "private_until"],
                condition=~models.Q(state="draft"),
            ),
            models.Index(
                fields=["state", "-submitted_at", "-id"],
                name="foirequest_state_listed",
                include=["visibility", "private_until"],
            ),
            models.Index(
                fields=["body", "-submitted_at", "-id"],
                name="foirequest_body_listed",
                include=["visibility", "private_until", "state"],
            ),
        ]

    def __str__(self) -> str:
        return f"{self.reference or _('draft')}: {self.subject}"

    # -- the version -------------------------------------------------------------------------

    def save(self, *args, **kwargs):
        """Every save is a new version of the request. ``foi.services.base.lock_request``
        refuses a caller whose copy (or form, or API call) carries an older one."""
        self.version = (self.version or 0) + 1
        update_fields = kwargs.get("update_fields")
        if update_fields:
            kwargs["update_fields"] = {*update_fields, "version"}
        super().save(*args, **kwargs)

    # -- derived facts -----------------------------------------------------------------------

    @property
    def is_public(self) -> bool:
        return conditions.is_public(self)

    @property
    def is_overdue(self) -> bool:
        return conditions.is_overdue(self)

    # -- transitions -----------------------------------------------------------------------
    # The bodies only record what the transition itself means; services do the rest.

    @transition(
        field=state,
        source=State.DRAFT,
        target=State.SUBMITTED,
        conditions=[conditions.is_complete, conditions.has_valid_privacy],
        permission=permissions.can_submit,
    )
    def submit(self, *, at):
        self.submitted_at = at

    @transition(
        field=state,
        source=State.SUBMITTED,
        target=State.IN_PROGRESS,
        permission=permissions.can_accept,
    )
    def accept(self, *, at, assignee=None):
        self.accepted_at = at
        if assignee is not None:
            self.assignee = assignee

    @transition(
        field=state,
        source=[State.SUBMITTED, State.IN_PROGRESS, State.AWAITING_CLARIFICATION],
        target=GET_STATE(
            _state_after_assign,
            states=[State.IN_PROGRESS, State.AWAITING_CLARIFICATION],
        ),
        permission=permissions.can_assign,
        custom={
            "target_by_source": {
                State.SUBMITTED: State.IN_PROGRESS,
                State.IN_PROGRESS: State.IN_PROGRESS,
                State.AWAITING_CLARIFICATION: State.AWAITING_CLARIFICATION,
            }
        },
    )
    def assign(self, *, at, assignee):
        if self.accepted_at is None:
            self.accepted_at = at
        self.assignee = assignee

    @transition(
        field=state,
        source=[State.SUBMITTED, State.IN_PROGRESS],
        target=State.AWAITING_CLARIFICATION,
        permission=permissions.can_ask_clarification,
    )
    def ask_clarification(self, *, at):
        self.clarification_requested_at = at

    @transition(
        field=state,
        source=State.AWAITING_CLARIFICATION,
        target=State.IN_PROGRESS,
        permission=permissions.can_clarify,
    )
    def clarify(self, *, at):
        self.clarified_at = at
        self.clarification_lapses_at = None

    @transition(
        field=state,
        source=[State.SUBMITTED, State.IN_PROGRESS],
        target=None,
        conditions=[conditions.has_extensions_left, conditions.is_not_urgent],
        permission=permissions.can_extend,
    )
    def extend(self, *, at):
        """The new due date and the extension count follow from the clock (the service)."""

    @transition(
        field=state,
        source=[State.SUBMITTED, State.IN_PROGRESS],
        target=State.SUBMITTED,
        permission=permissions.can_transfer,
    )
    def transfer(self, *, at, body):
        self.body = body
        self.assignee = None
        self.accepted_at = None
        self.transferred_at = at
        self.received_at = at

    @transition(
        field=state,
        source=[State.SUBMITTED, State.IN_PROGRESS],
        target=State.ANSWERED,
        permission=permissions.can_answer,
    )
    def answer(self, *, at, outcome):
        self.outcome = outcome
        self.answered_at = at

    @transition(
        field=state,
        source=[State.SUBMITTED, State.IN_PROGRESS],
        target=State.REFUSED,
        permission=permissions.can_refuse,
    )
    def refuse(self, *, at):
        self.outcome = Outcome.REFUSED
        self.refused_at = at

    @transition(
        field=state,
        source=State.SUBMITTED,
        target=State.REJECTED,
        permission=permissions.can_reject,
    )
    def reject(self, *, at, reason):
        self.rejection_reason = reason
        self.rejected_at = at

    # Not from a draft: a draft was never sent, so it is discarded (deleted), never withdrawn
    # (a withdrawn request is on the public record).
    @transition(
        field=state,
        source=[
            State.SUBMITTED,
            State.IN_PROGRESS,
            State.AWAITING_CLARIFICATION,
        ],
        target=State.WITHDRAWN,
        permission=permissions.can_withdraw,
    )
    def withdraw(self, *, at):
        self.withdrawn_at = at

    @transition(
        field=state,
        source=State.AWAITING_CLARIFICATION,
        target=State.CLOSED,
        conditions=[conditions.is_clarification_lapsed],
        permission=permissions.can_lapse,
    )
    def lapse(self, *, at):
        self.closed_at = at

    @transition(
        field=state,
        source=[
            State.SUBMITTED,
            State.IN_PROGRESS,
            State.ANSWERED,
            State.REFUSED,
            State.REJECTED,
            State.UNDER_APPEAL,
            State.CLOSED,
        ],
        target=State.UNDER_APPEAL,
        conditions=[conditions.is_appealable],
        permission=permissions.can_appeal,
    )
    def appeal(self, *, at):
        self.appealed_at = at

    @transition(
        field=state,
        source=State.UNDER_APPEAL,
        target=GET_STATE(_state_after_decision, states=[State.CLOSED, State.IN_PROGRESS]),
        permission=permissions.can_decide_appeal,
        custom={"edge_labels": {State.CLOSED: "upheld", State.IN_PROGRESS: "overturned"}},
    )
    def decide_appeal(self, *, at, decision):
        if decision == AppealDecision.UPHELD:
            self.closed_at = at
        else:
            self.outcome = ""
            self.answered_at = None
            self.refused_at = None


class ReferenceCounter(models.Model):
    """The last number handed out per reference prefix and year."""

    prefix = models.CharField(max_length=8)
    year = models.PositiveSmallIntegerField()
    value = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["prefix", "year"], name="reference_counter_unique")
        ]

    def __str__(self) -> str:
        return f"{self.prefix}-{self.year}: {self.value}"
