"""The request and its lifecycle.

The state changes only through the transitions below, and a transition only through its service
in ``foi.services`` (which locks, checks, saves and audits). Conditions live in
``foi.conditions``; permissions in ``foi.permissions``.

Longer than our ~500-line rule on purpose: each transition carries its words here (verb, label,
role, notices, guidance, input rules; ``foi.transitions``), so the machine and what it says about
itself are read in one place.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_fsm import GET_STATE, FSMField, FSMModelMixin, transition

from foi import conditions, permissions
from foi.models.law import FeeClass
from foi.transitions import (
    COORDINATOR,
    MODERATOR,
    OFFICER,
    REQUESTER,
    REVIEWER,
    SYSTEM,
    LawFacts,
    Rule,
    words,
)


class State(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    IN_PROGRESS = "in_progress", _("In progress")
    AWAITING_CLARIFICATION = "awaiting_clarification", _("Awaiting clarification")
    AWAITING_PAYMENT = "awaiting_payment", _("Awaiting payment")
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
    NOT_ADMITTED = "not_admitted", _("The appeal was not admitted")


# Decisions that leave the body's decision standing: the request closes, and the requester may
# go on to the next level.
DECISIONS_THAT_CLOSE = (AppealDecision.UPHELD, AppealDecision.NOT_ADMITTED)


def _state_after_assign(instance, *args, **kwargs):
    return State.IN_PROGRESS if instance.state == State.SUBMITTED else instance.state


def _state_restored(instance, *args, restore=None, **kwargs):
    return (restore or {}).get("state", instance.state)


def _state_after_decision(instance, *args, decision=None, **kwargs):
    return State.CLOSED if decision in DECISIONS_THAT_CLOSE else State.IN_PROGRESS


# Words more than one transition shares (foi.transitions).
ROUTING = _("The officer you choose answers it; the assignment is internal to the body.")
ASSIGNEE_IS_AN_OFFICER = Rule("assignee", _("Choose one of the officers of %(body)s."))
NOT_A_GROUND = Rule("exemptions", _("%(code)s is not a ground for withholding under %(law)s."))


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
    # One letter sent to many bodies (foi.models.batch): each body's copy is its own request.
    batch = models.ForeignKey(
        "foi.Batch", null=True, blank=True, on_delete=models.PROTECT, related_name="requests"
    )

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

    # Fees (docs/laws.md, "Fees"): the class the officer recorded, and a paid request's estimate.
    fee_class = models.CharField(max_length=16, choices=FeeClass.choices, blank=True)
    fee_amount = models.DecimalField(max_digits=12, decimal_places=2, null=True, blank=True)
    fee_currency = models.CharField(max_length=3, blank=True)
    fee_estimated_at = models.DateTimeField(null=True, blank=True)
    fee_payment_lapses_at = models.DateTimeField(null=True, blank=True)
    fee_paid_at = models.DateTimeField(null=True, blank=True)
    fee_waived_at = models.DateTimeField(null=True, blank=True)

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
        permissions = [
            (
                "classify_replies",
                _("Can classify bodies' e-mailed replies and correct classifications"),
            )
        ]
        indexes = [
            models.Index(fields=["body", "state"], name="foirequest_body_state"),
            models.Index(fields=["state", "due_at"], name="foirequest_state_due"),
            # The request list, newest first (or oldest: read backwards), whole or by year; by
            # state; a body's latest. Each carries the public rule's two columns, so that the
            # count can be read from the index alone (bench/PLANS.md).
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

    @property
    def is_very_overdue(self) -> bool:
        return conditions.is_very_overdue(self)

    # -- transitions -----------------------------------------------------------------------
    # The bodies only record what the transition itself means; services do the rest. Each
    # declares its words in ``custom=words(...)`` (foi.transitions). They are declared in the
    # order the workspace shows their buttons: routing, the answer, the rest.

    @transition(
        field=state,
        source=State.DRAFT,
        target=State.SUBMITTED,
        conditions=[conditions.is_complete, conditions.has_valid_privacy],
        permission=permissions.can_submit,
        custom=words(
            verb=_("submit"),
            label=_("Submit the request"),
            done=_("Submitted"),
            role=REQUESTER,
            notices=("receipt", "new_request", "letter", "letter_bounced"),
            rules={
                "own_receipt_date": Rule(
                    "received_at",
                    _("Only a request registered by an officer has its own receipt date."),
                ),
                "receipt_not_future": Rule(
                    "received_at", _("The date of receipt cannot be in the future.")
                ),
            },
        ),
    )
    def submit(self, *, at):
        self.submitted_at = at

    @transition(
        field=state,
        source=State.SUBMITTED,
        target=State.IN_PROGRESS,
        permission=permissions.can_accept,
        custom=words(
            verb=_("accept"),
            label=_("Accept"),
            done=_("Accepted"),
            role=COORDINATOR,
            notices=("accepted", "assigned"),
            guidance=(ROUTING,),
            rules={"officer": ASSIGNEE_IS_AN_OFFICER},
        ),
    )
    def accept(self, *, at, assignee=None):
        self.accepted_at = at
        if assignee is not None:
            self.assignee = assignee

    @transition(
        field=state,
        source=[
            State.SUBMITTED,
            State.IN_PROGRESS,
            State.AWAITING_CLARIFICATION,
            State.AWAITING_PAYMENT,
        ],
        target=GET_STATE(
            _state_after_assign,
            states=[State.IN_PROGRESS, State.AWAITING_CLARIFICATION, State.AWAITING_PAYMENT],
        ),
        permission=permissions.can_assign,
        custom=words(
            verb=_("assign"),
            label=_("Assign to an officer"),
            done=_("Assigned"),
            role=COORDINATOR,
            notices=("assigned",),
            guidance=(ROUTING,),
            rules={
                "assignee": Rule("assignee", _("Choose the officer to assign.")),
                "officer": ASSIGNEE_IS_AN_OFFICER,
            },
            target_by_source={
                State.SUBMITTED: State.IN_PROGRESS,
                State.IN_PROGRESS: State.IN_PROGRESS,
                State.AWAITING_CLARIFICATION: State.AWAITING_CLARIFICATION,
                State.AWAITING_PAYMENT: State.AWAITING_PAYMENT,
            },
        ),
    )
    def assign(self, *, at, assignee):
        if self.accepted_at is None:
            self.accepted_at = at
        self.assignee = assignee

    @transition(
        field=state,
        source=[State.SUBMITTED, State.IN_PROGRESS],
        target=State.ANSWERED,
        permission=permissions.can_answer,
        custom=words(
            verb=_("answer"),
            label=_("Answer"),
            done=_("Answered"),
            role=OFFICER,
            notices=("answered",),
            guidance=(
                _(
                    "The answer is published on the request's page at once. Attached files stay "
                    "private until you approve each one for publication."
                ),
                _(
                    "For a partial answer, name for each withheld document or passage the ground "
                    "of the law that allows it, with a note."
                ),
            ),
            rules={
                "outcome": Rule(
                    "outcome", _("Choose whether the answer is full, partial or not held.")
                ),
                "text": Rule("text", _("Write the answer.")),
                "partial_grounds": Rule(
                    "exemptions", _("A partial answer must name the grounds for what it withholds.")
                ),
                "only_partial_withholds": Rule(
                    "exemptions",
                    _("Only a partial answer withholds anything; remove the grounds."),
                ),
                "ground": NOT_A_GROUND,
            },
            warn_identity=True,
        ),
    )
    def answer(self, *, at, outcome):
        self.outcome = outcome
        self.answered_at = at

    @transition(
        field=state,
        source=[State.SUBMITTED, State.IN_PROGRESS],
        target=State.AWAITING_CLARIFICATION,
        permission=permissions.can_ask_clarification,
        custom=words(
            verb=_("ask for clarification on"),
            label=_("Ask for clarification"),
            done=_("Clarification asked"),
            role=OFFICER,
            notices=("clarification_asked",),
            guidance=(LawFacts("clarification"),),
            rules={"text": Rule("text", _("Say what is missing or unclear in the request."))},
            warn_identity=True,
        ),
    )
    def ask_clarification(self, *, at):
        self.clarification_requested_at = at

    @transition(
        field=state,
        source=State.AWAITING_CLARIFICATION,
        target=State.IN_PROGRESS,
        permission=permissions.can_clarify,
        custom=words(
            verb=_("clarify"),
            label=_("Clarify the request"),
            done=_("Clarified"),
            role=REQUESTER,
            not_yours=_("Only the requester may clarify this request."),
            notices=("clarification_received", "clarification_to_body", "letter_bounced"),
            rules={"text": Rule("text", _("Write the clarification the body asked for."))},
        ),
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
        custom=words(
            verb=_("extend"),
            label=_("Extend the deadline"),
            done=_("Deadline extended"),
            role=OFFICER,
            notices=("extended",),
            guidance=(LawFacts("extension"),),
            rules={
                "reason": Rule(
                    "reason", _("Choose one of the reasons the law allows for an extension.")
                )
            },
            warn_identity=True,
        ),
    )
    def extend(self, *, at):
        """The new due date and the extension count follow from the clock (the service)."""

    @transition(
        field=state,
        source=[State.SUBMITTED, State.IN_PROGRESS],
        target=State.AWAITING_PAYMENT,
        conditions=[conditions.has_fees],
        permission=permissions.can_estimate_fee,
        custom=words(
            verb=_("send a fee estimate for"),
            label=_("Send a fee estimate"),
            done=_("Fee estimate sent"),
            role=OFFICER,
            notices=("fee_estimated",),
            guidance=(
                _(
                    "Charge only where the law allows it, at cost; inspection and copying by hand "
                    "are free. Say how the amount is made up."
                ),
                LawFacts("fees"),
            ),
            rules={
                "amount": Rule("amount", _("Give the amount as a number greater than zero.")),
                "currency": Rule("currency", _("Fees under %(law)s are charged in %(currency)s.")),
                "explanation": Rule("text", _("Explain how the amount is made up.")),
            },
            warn_identity=True,
        ),
    )
    def estimate_fee(self, *, at, amount):
        """The currency is the law's; the service sets it."""
        self.fee_class = FeeClass.PAID
        self.fee_amount = amount
        self.fee_estimated_at = at
        self.fee_paid_at = None
        self.fee_waived_at = None

    @transition(
        field=state,
        source=State.AWAITING_PAYMENT,
        target=State.IN_PROGRESS,
        permission=permissions.can_settle_fee,
        custom=words(
            verb=_("record the payment for"),
            label=_("Record the payment"),
            done=_("Fee paid"),
            role=OFFICER,
            guidance=(_("Record the payment once the body has received it."),),
        ),
    )
    def record_payment(self, *, at):
        self.fee_paid_at = at
        self.fee_payment_lapses_at = None

    @transition(
        field=state,
        source=State.AWAITING_PAYMENT,
        target=State.IN_PROGRESS,
        permission=permissions.can_settle_fee,
        custom=words(
            verb=_("waive the fee for"),
            label=_("Waive the fee"),
            done=_("Fee waived"),
            role=OFFICER,
            notices=("fee_waived",),
            rules={"reason": Rule("text", _("Say why the fee is waived."))},
            warn_identity=True,
        ),
    )
    def waive_fee(self, *, at):
        self.fee_waived_at = at
        self.fee_payment_lapses_at = None

    @transition(
        field=state,
        source=State.AWAITING_PAYMENT,
        target=State.CLOSED,
        conditions=[conditions.is_fee_unpaid_too_long],
        permission=permissions.can_close_unpaid,
        custom=words(
            verb=_("close"),
            label=_("Close for want of payment"),
            done=_("Closed for want of payment"),
            role=SYSTEM,
            notices=("fee_lapsed",),
        ),
    )
    def close_unpaid(self, *, at):
        self.closed_at = at

    @transition(
        field=state,
        source=[State.SUBMITTED, State.IN_PROGRESS],
        target=State.REFUSED,
        permission=permissions.can_refuse,
        custom=words(
            verb=_("refuse"),
            label=_("Refuse"),
            done=_("Refused"),
            role=OFFICER,
            notices=("refused",),
            guidance=(
                _("A refusal must name at least one ground of the law and explain it."),
                LawFacts("appeal_route"),
            ),
            rules={
                "text": Rule("text", _("Write the reasons for the refusal.")),
                "grounds": Rule(
                    "exemptions", _("A refusal must name at least one ground from the law.")
                ),
                "ground": NOT_A_GROUND,
            },
            warn_identity=True,
        ),
    )
    def refuse(self, *, at):
        self.outcome = Outcome.REFUSED
        self.refused_at = at

    @transition(
        field=state,
        source=[State.SUBMITTED, State.IN_PROGRESS],
        target=State.SUBMITTED,
        permission=permissions.can_transfer,
        custom=words(
            verb=_("transfer"),
            label=_("Transfer to another body"),
            done=_("Transferred"),
            role=COORDINATOR,
            notices=("transferred", "new_request", "letter", "letter_bounced"),
            guidance=(
                LawFacts("transfer"),
                _("The requester is told: the transfer notice is published on the request's page."),
            ),
            rules={
                "body": Rule("body", _("Name the body to transfer to.")),
                "other_body": Rule("body", _("The request is already with this body.")),
                "active_body": Rule("body", _("%(body)s no longer takes requests.")),
                "same_law": Rule(
                    "body", _("A request can only move to a body under the same law.")
                ),
            },
            warn_identity=True,
        ),
    )
    def transfer(self, *, at, body):
        self.body = body
        self.assignee = None
        self.accepted_at = None
        self.transferred_at = at
        self.received_at = at

    @transition(
        field=state,
        source=State.SUBMITTED,
        target=State.REJECTED,
        permission=permissions.can_reject,
        custom=words(
            verb=_("reject"),
            label=_("Reject as not a valid request"),
            done=_("Rejected"),
            role=COORDINATOR,
            notices=("rejected",),
            guidance=(
                _("Reject only what is not a request for information; the requester may appeal."),
            ),
            rules={"reason": Rule("reason", _("Say why this is not a valid request."))},
            warn_identity=True,
        ),
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
            State.AWAITING_PAYMENT,
        ],
        target=State.WITHDRAWN,
        permission=permissions.can_withdraw,
        custom=words(
            verb=_("withdraw"),
            label=_("Withdraw the request"),
            done=_("Withdrawn"),
            role=REQUESTER,
            not_yours=_("Only the requester may withdraw this request."),
        ),
    )
    def withdraw(self, *, at):
        self.withdrawn_at = at

    @transition(
        field=state,
        source=State.AWAITING_CLARIFICATION,
        target=State.CLOSED,
        conditions=[conditions.is_clarification_lapsed],
        permission=permissions.can_lapse,
        custom=words(
            verb=_("close"),
            label=_("Close for want of a clarification"),
            done=_("Closed for want of a clarification"),
            role=SYSTEM,
            notices=("lapsed",),
        ),
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
        custom=words(
            verb=_("appeal"),
            label=_("Appeal"),
            done=_("Appealed"),
            role=REQUESTER,
            not_yours=_("Only the requester may appeal."),
            notices=("appeal_lodged", "appeal_letter", "letter_bounced"),
            rules={
                "grounds": Rule("text", _("Say why you appeal.")),
                "level": Rule(
                    "level", _("An appeal at this level is not open now. Open now: %(levels)s.")
                ),
            },
        ),
    )
    def appeal(self, *, at):
        self.appealed_at = at

    @transition(
        field=state,
        source=State.UNDER_APPEAL,
        target=GET_STATE(_state_after_decision, states=[State.CLOSED, State.IN_PROGRESS]),
        permission=permissions.can_decide_appeal,
        custom=words(
            verb=_("decide an appeal on"),
            label=_("Decide the appeal"),
            done=_("Appeal decided"),
            role=REVIEWER,
            notices=("appeal_decided", "appeal_decided_body"),
            guidance=(
                _(
                    "Upholding closes the request (the requester may go to the next level). "
                    "Overturning reopens it at the body with a new due date counted from your "
                    "decision."
                ),
            ),
            rules={
                "decision": Rule(
                    "decision",
                    _(
                        "Choose whether the appeal is upheld, overturned, partly overturned or "
                        "not admitted."
                    ),
                ),
                "reasons": Rule("text", _("Give the reasons for the decision.")),
            },
            warn_identity=True,
            edge_labels={State.CLOSED: "upheld or not admitted", State.IN_PROGRESS: "overturned"},
        ),
    )
    def decide_appeal(self, *, at, decision):
        if decision in DECISIONS_THAT_CLOSE:
            self.closed_at = at
        else:
            self.outcome = ""
            self.answered_at = None
            self.refused_at = None

    # A moderator's correction of how a body's letter was recorded (foi.services.letters):
    # the request goes back to what it was before that record, in this event, and the letter
    # is recorded again in the next; the first record stays on the audit trail.
    @transition(
        field=state,
        source=[
            State.SUBMITTED,
            State.IN_PROGRESS,
            State.AWAITING_CLARIFICATION,
            State.ANSWERED,
            State.REFUSED,
            State.CLOSED,
        ],
        target=GET_STATE(
            _state_restored,
            states=[
                State.SUBMITTED,
                State.IN_PROGRESS,
                State.AWAITING_CLARIFICATION,
                State.ANSWERED,
                State.REFUSED,
                State.UNDER_APPEAL,
                State.CLOSED,
            ],
        ),
        permission=permissions.can_correct_record,
        custom=words(
            verb=_("correct the record of"),
            label=_("Correct how a body's letter was recorded"),
            done=_("Record of a body's letter corrected"),
            role=MODERATOR,
            rules={
                "recorded": Rule(
                    "message", _("This letter is not recorded yet: record what it is instead.")
                ),
                "latest": Rule(
                    "message",
                    _("Only the request's latest step can be corrected: later steps build on it."),
                ),
            },
        ),
    )
    def correct_record(self, *, at, restore):
        for name, value in restore.items():
            if name != "state":
                setattr(self, name, value)


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
