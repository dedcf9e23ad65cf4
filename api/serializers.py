"""What the API shows and accepts. Output serializers read only what the selectors already
filtered for the caller; nothing here decides who may see what, except by asking
``foi.permissions`` (contact details, internal facts)."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from core.inputs import clean_text, is_visibly_empty
from foi import deadlines, selectors
from foi.deadlines import law_text
from foi.models import (
    AccessForm,
    AppealDecision,
    BatchStatus,
    BodyKind,
    MembershipRole,
    PublicNameChoice,
    State,
    Urgency,
    Visibility,
)
from foi.privacy.masking import mask_text, requester_identifiers
from foi.services import letters

NULLABLE_STR = serializers.CharField(allow_null=True)

# -- laws ------------------------------------------------------------------------------------


def _period(value, unit, article="") -> dict | None:
    if not value or not unit:
        return None
    return {"value": value, "unit": unit, "article": article}


class PeriodSerializer(serializers.Serializer):
    value = serializers.IntegerField()
    unit = serializers.CharField()
    article = serializers.CharField(allow_blank=True)


class AdviceSerializer(serializers.Serializer):
    """Help to challenge a refusal on a ground, in each language (empty: none written)."""

    not_applies = serializers.DictField(
        child=serializers.CharField(allow_blank=True),
        help_text="When the ground does not apply: {az, en, ru}.",
    )
    appeal_text = serializers.DictField(
        child=serializers.CharField(allow_blank=True),
        help_text="Suggested wording for an appeal: {az, en, ru}.",
    )


class ExemptionSerializer(serializers.Serializer):
    code = serializers.CharField()
    article = serializers.CharField()
    title = serializers.CharField()
    description = serializers.CharField(allow_blank=True)
    advice = serializers.SerializerMethodField()

    @extend_schema_field(AdviceSerializer)
    def get_advice(self, exemption):
        return {
            base: {code: getattr(exemption, f"{base}_{code}") for code in ("az", "en", "ru")}
            for base in ("not_applies", "appeal_text")
        }


class AppealLevelSerializer(serializers.Serializer):
    order = serializers.IntegerField()
    code = serializers.CharField()
    name = serializers.CharField()
    reviewer = serializers.CharField()
    reviewer_body = serializers.SerializerMethodField()
    requires_previous = serializers.BooleanField()
    lodge_within = serializers.SerializerMethodField()
    decide_within = serializers.SerializerMethodField()
    article = serializers.CharField(allow_blank=True)

    @extend_schema_field(NULLABLE_STR)
    def get_reviewer_body(self, level):
        return level.reviewer_body.slug if level.reviewer_body_id else None

    @extend_schema_field(PeriodSerializer(allow_null=True))
    def get_lodge_within(self, level):
        return _period(level.lodge_within_value, level.lodge_within_unit)

    @extend_schema_field(PeriodSerializer(allow_null=True))
    def get_decide_within(self, level):
        return _period(level.decide_within_value, level.decide_within_unit)


class LawSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()
    short_name = serializers.CharField(allow_blank=True)
    citation = serializers.CharField(allow_blank=True)
    url = serializers.CharField(allow_blank=True)
    reference_prefix = serializers.CharField()


class ClockRulesSerializer(serializers.Serializer):
    response = PeriodSerializer()
    clock_start = serializers.CharField()
    clock_start_article = serializers.CharField(allow_blank=True)
    holiday_country = serializers.CharField()
    time_zone = serializers.CharField()
    weekend_days = serializers.ListField(child=serializers.IntegerField())
    urgent_relevance = PeriodSerializer(allow_null=True)
    urgent_life = PeriodSerializer(allow_null=True)
    extension = PeriodSerializer(allow_null=True)
    extension_max_count = serializers.IntegerField()
    extension_reasons = serializers.ListField(child=serializers.DictField())
    transfer = PeriodSerializer(allow_null=True)
    transfer_clock = serializers.CharField()
    clarification_notice = PeriodSerializer(allow_null=True)
    clarification_effect = serializers.CharField()
    clarification_lapse = PeriodSerializer(allow_null=True)


class FeeRulesSerializer(serializers.Serializer):
    fees_apply = serializers.BooleanField()
    classes = serializers.ListField(child=serializers.CharField())
    currency = serializers.CharField(allow_blank=True)
    estimate_pauses_clock = serializers.BooleanField()
    payment = PeriodSerializer(allow_null=True)
    article = serializers.CharField(allow_blank=True)


class LawDetailSerializer(LawSerializer):
    summary = serializers.SerializerMethodField()
    clock = serializers.SerializerMethodField()
    fees = serializers.SerializerMethodField()
    exemptions = ExemptionSerializer(many=True)
    appeal_levels = AppealLevelSerializer(many=True)
    unconfirmed_rules = serializers.ListField(child=serializers.CharField())

    @extend_schema_field(serializers.ListField(child=serializers.CharField()))
    def get_summary(self, law):
        return [str(sentence) for sentence in law_text.law_summary(law)]

    @extend_schema_field(FeeRulesSerializer)
    def get_fees(self, law):
        return {
            "fees_apply": law.fees_apply,
            "classes": list(law.fee_classes or []),
            "currency": law.fee_currency,
            "estimate_pauses_clock": law.fee_estimate_pauses_clock,
            "payment": _period(law.fee_payment_value, law.fee_payment_unit),
            "article": law.fee_article,
        }

    @extend_schema_field(ClockRulesSerializer)
    def get_clock(self, law):
        return {
            "response": _period(law.response_value, law.response_unit, law.response_article),
            "clock_start": law.clock_start,
            "clock_start_article": law.clock_start_article,
            "holiday_country": law.holiday_country,
            "time_zone": law.time_zone,
            "weekend_days": list(law.weekend_days or []),
            "urgent_relevance": _period(
                law.urgent_relevance_value,
                law.urgent_relevance_unit,
                law.urgent_relevance_article,
            ),
            "urgent_life": _period(
                law.urgent_life_value, law.urgent_life_unit, law.urgent_life_article
            ),
            "extension": _period(law.extension_value, law.extension_unit, law.extension_article),
            "extension_max_count": law.extension_max_count,
            "extension_reasons": list(law.extension_reasons or []),
            "transfer": _period(law.transfer_value, law.transfer_unit, law.transfer_article),
            "transfer_clock": law.transfer_clock,
            "clarification_notice": _period(
                law.clarification_notice_value,
                law.clarification_notice_unit,
                law.clarification_article,
            ),
            "clarification_effect": law.clarification_effect,
            "clarification_lapse": _period(
                law.clarification_lapse_value, law.clarification_lapse_unit
            ),
        }


# -- bodies ----------------------------------------------------------------------------------


class BodySummarySerializer(serializers.Serializer):
    slug = serializers.CharField()
    name = serializers.CharField()


class BodySerializer(serializers.Serializer):
    slug = serializers.CharField()
    name = serializers.CharField()
    name_az = serializers.CharField(allow_blank=True)
    name_en = serializers.CharField(allow_blank=True)
    name_ru = serializers.CharField(allow_blank=True)
    acronym = serializers.CharField(allow_blank=True)
    kind = serializers.ChoiceField(choices=BodyKind.choices)
    kind_label = serializers.CharField(source="get_kind_display")
    law = serializers.CharField(source="law.code")
    parent = serializers.SerializerMethodField()
    is_active = serializers.BooleanField()
    url = serializers.SerializerMethodField()

    @extend_schema_field(NULLABLE_STR)
    def get_parent(self, body):
        return body.parent.slug if body.parent_id else None

    @extend_schema_field(OpenApiTypes.STR)
    def get_url(self, body):
        return reverse("foi:body_detail", args=[body.slug])


class BodyDetailSerializer(BodySerializer):
    website = serializers.CharField(allow_blank=True)
    address = serializers.CharField(allow_blank=True)


class OfficerSerializer(serializers.Serializer):
    """A member of the body, for its own staff and systems: never their e-mail."""

    id = serializers.IntegerField(source="user_id", help_text="The assign action's `assignee`.")
    name = serializers.SerializerMethodField()
    role = serializers.ChoiceField(choices=MembershipRole.choices)
    role_label = serializers.CharField(source="get_role_display")

    @extend_schema_field(OpenApiTypes.STR)
    def get_name(self, membership):
        user = membership.user
        return user.get_full_name() or _("Officer %(id)s") % {"id": user.pk}


# -- requests ---------------------------------------------------------------------------------


class RequestSerializer(serializers.Serializer):
    reference = serializers.CharField()
    subject = serializers.SerializerMethodField()
    body = BodySummarySerializer()
    state = serializers.ChoiceField(choices=State.choices)
    state_label = serializers.CharField(source="get_state_display")
    outcome = serializers.CharField(allow_blank=True)
    public_name = serializers.SerializerMethodField()
    submitted_at = serializers.DateTimeField(allow_null=True)
    due_at = serializers.DateTimeField(allow_null=True)
    is_overdue = serializers.BooleanField()
    decision_recorded_by = serializers.SerializerMethodField(
        help_text=(
            "How the body's last answer or refusal was recorded: 'officer' (by its officer in "
            "Sorğu), 'reply_link' (by its officer through the link in a letter), 'requester' "
            "or 'moderator' (from the body's e-mailed letter); null when there is none."
        )
    )
    url = serializers.SerializerMethodField()

    @extend_schema_field(
        {
            "type": "string",
            "nullable": True,
            "enum": [*selectors.replies.RECORDED_BY_CHOICES, None],
        }
    )
    def get_decision_recorded_by(self, foi_request):
        return selectors.decision_recorded_by_of(foi_request)

    @extend_schema_field(OpenApiTypes.STR)
    def get_subject(self, foi_request):
        # Lists are public renderings: the requester's identity masked (the detail shows the
        # parties the original, views.request_representation).
        return mask_text(foi_request.subject, requester_identifiers(foi_request))

    @extend_schema_field(OpenApiTypes.STR)
    def get_public_name(self, foi_request):
        return foi_request.public_name or _("Name withheld")

    @extend_schema_field(OpenApiTypes.STR)
    def get_url(self, foi_request):
        return reverse("foi:request_detail", args=[foi_request.reference])


class OCRProgressSerializer(serializers.Serializer):
    """Where reading the text of a scan stands (docs/redaction.md, "Text layer")."""

    status = serializers.ChoiceField(
        choices=["not_needed", "pending", "running", "done", "failed", "unavailable"]
    )
    pages_done = serializers.IntegerField()
    pages_total = serializers.IntegerField()


class AttachmentSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField(source="original_name")
    content_type = serializers.CharField()
    size = serializers.IntegerField()
    approved = serializers.BooleanField()
    url = serializers.SerializerMethodField()
    ocr = serializers.SerializerMethodField()

    @extend_schema_field(OpenApiTypes.STR)
    def get_url(self, attachment):
        return reverse("foi:attachment_download", args=[self.context["reference"], attachment.pk])

    @extend_schema_field(OCRProgressSerializer)
    def get_ocr(self, attachment):
        return selectors.attachment_ocr_progress(attachment)


class MessageSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    kind = serializers.CharField()
    kind_label = serializers.CharField(source="get_kind_display")
    audience = serializers.CharField()
    from_body = serializers.SerializerMethodField()
    subject = serializers.CharField(allow_blank=True)
    text = serializers.CharField(allow_blank=True)
    created_at = serializers.DateTimeField()
    attachments = serializers.SerializerMethodField()

    @extend_schema_field(BodySummarySerializer(allow_null=True))
    def get_from_body(self, message):
        body = message.from_body
        return {"slug": body.slug, "name": body.name} if body else None

    @extend_schema_field(AttachmentSerializer(many=True))
    def get_attachments(self, message):
        return AttachmentSerializer(message.attachments.all(), many=True, context=self.context).data


class AppealSerializer(serializers.Serializer):
    level = serializers.CharField(source="level.code")
    level_name = serializers.CharField(source="level.name")
    reviewing_body = serializers.SerializerMethodField()
    lodged_at = serializers.DateTimeField()
    due_at = serializers.DateTimeField(allow_null=True)
    decision = serializers.CharField(allow_blank=True)
    decided_at = serializers.DateTimeField(allow_null=True)

    @extend_schema_field(BodySummarySerializer(allow_null=True))
    def get_reviewing_body(self, appeal):
        body = appeal.reviewing_body
        return {"slug": body.slug, "name": body.name} if body else None


class ContactSerializer(serializers.Serializer):
    name = serializers.CharField(allow_blank=True)
    email = serializers.CharField(allow_blank=True)
    phone = serializers.CharField(allow_blank=True)
    postal_address = serializers.CharField(allow_blank=True)
    organisation = serializers.CharField(allow_blank=True)
    account_closed = serializers.BooleanField()


class PersonSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()


class FeeSerializer(serializers.Serializer):
    fee_class = serializers.CharField(
        allow_blank=True, help_text="free, discounted or paid; empty until the officer says."
    )
    amount = serializers.CharField(allow_null=True, help_text="The estimate, a decimal string.")
    currency = serializers.CharField(allow_blank=True)
    estimated_at = serializers.DateTimeField(allow_null=True)
    payment_lapses_at = serializers.DateTimeField(allow_null=True)
    paid_at = serializers.DateTimeField(allow_null=True)
    waived_at = serializers.DateTimeField(allow_null=True)


def fee_of(foi_request) -> dict | None:
    """The request's fee facts (all public, like the estimate notice); None under a law
    without fees."""
    if not foi_request.law.fees_apply:
        return None
    return FeeSerializer(
        {
            "fee_class": foi_request.fee_class,
            "amount": str(foi_request.fee_amount) if foi_request.fee_amount is not None else None,
            "currency": foi_request.fee_currency,
            "estimated_at": foi_request.fee_estimated_at,
            "payment_lapses_at": foi_request.fee_payment_lapses_at,
            "paid_at": foi_request.fee_paid_at,
            "waived_at": foi_request.fee_waived_at,
        }
    ).data


class RequestDetailSerializer(RequestSerializer):
    """Built by ``views.request_representation`` from what the selectors let the caller see."""

    text = serializers.CharField()
    law = serializers.CharField()
    urgency = serializers.ChoiceField(choices=Urgency.choices)
    access_form = serializers.ChoiceField(choices=AccessForm.choices)
    visibility = serializers.ChoiceField(choices=Visibility.choices)
    private_until = serializers.DateField(allow_null=True)
    due_explanation = serializers.CharField(allow_blank=True)
    version = serializers.IntegerField(
        help_text="Send it back with an action to be refused (409) if the request changed."
    )
    requester_contact = ContactSerializer(
        allow_null=True, help_text="Only for the requester, the body and its reviewers."
    )
    assignee = PersonSerializer(allow_null=True, help_text="Only for the body's officers.")
    appeals = AppealSerializer(many=True)
    fee = FeeSerializer(allow_null=True, help_text="Null when the law charges no fees.")
    messages = MessageSerializer(many=True)
    actions = serializers.ListField(
        child=serializers.CharField(),
        help_text="What the caller may do now: POST /api/v1/requests/{reference}/actions/{action}/",
    )


def due_explanation(foi_request) -> str:
    """The clock's explanation in the reader's language, as the case page shows it."""
    if not foi_request.due_explanation:
        return ""
    return deadlines.explain(foi_request.law, foi_request.due_explanation)


# -- input -----------------------------------------------------------------------------------


class TextField(serializers.CharField):
    """Text as the portal's forms keep it (foi.forms.cleaning): no control characters (NUL
    included), one line unless ``multiline``, and a value that shows nothing (zero-width
    spaces, NBSP, …) is blank, so a required field refuses it."""

    def __init__(self, *, multiline: bool = False, **kwargs):
        self.multiline = multiline
        super().__init__(**kwargs)

    def run_validation(self, data=serializers.empty):
        if isinstance(data, str):
            data = clean_text(data, multiline=self.multiline)
            if is_visibly_empty(data):
                data = ""
        return super().run_validation(data)


class RequestCreateSerializer(serializers.Serializer):
    body = serializers.SlugField(max_length=120, help_text="The body's slug.")
    subject = TextField(max_length=250)
    text = TextField(multiline=True, max_length=20000)
    urgency = serializers.ChoiceField(choices=Urgency.choices, default=Urgency.NORMAL)
    urgency_justification = TextField(
        multiline=True, max_length=5000, required=False, allow_blank=True, default=""
    )
    access_form = serializers.ChoiceField(choices=AccessForm.choices, default=AccessForm.ELECTRONIC)
    visibility = serializers.ChoiceField(choices=Visibility.choices, default=Visibility.PUBLIC)
    private_until = serializers.DateField(required=False, allow_null=True, default=None)
    public_name = serializers.ChoiceField(
        choices=PublicNameChoice.choices,
        default=PublicNameChoice.NAME,
        help_text="How the requester is shown in public.",
    )
    pseudonym = TextField(max_length=100, required=False, allow_blank=True, default="")


class RequestCreatedSerializer(RequestDetailSerializer):
    pass


# -- batches ---------------------------------------------------------------------------------


class BatchCreateSerializer(RequestCreateSerializer):
    """A request's own fields, and the bodies to send it to instead of one body."""

    body = None
    bodies = serializers.ListField(
        child=serializers.SlugField(max_length=120),
        min_length=2,
        max_length=500,
        help_text="The bodies' slugs: at least two; each gets its own request.",
    )


class BatchSerializer(serializers.Serializer):
    reference = serializers.CharField()
    status = serializers.ChoiceField(
        choices=BatchStatus.choices,
        help_text="pending_approval: waits for a moderator, no request exists yet; "
        "declined: a moderator refused it (decision_reason says why); filed: sent.",
    )
    status_label = serializers.CharField(source="get_status_display")
    subject = serializers.CharField()
    created_at = serializers.DateTimeField()
    filed_at = serializers.DateTimeField(allow_null=True)
    decision_reason = serializers.CharField(allow_blank=True)
    body_count = serializers.IntegerField()
    requests = RequestSerializer(
        many=True, help_text="The batch's requests the caller may see, one per body."
    )
    url = serializers.CharField(help_text="The batch's page on the portal.")


class ExemptionInputSerializer(serializers.Serializer):
    code = TextField(max_length=40)
    note = TextField(multiline=True, max_length=5000, required=False, allow_blank=True, default="")


class ActionSerializer(serializers.Serializer):
    """Every action's fields; each action reads the ones it needs (see the operation's text)."""

    text = TextField(multiline=True, max_length=20000, required=False, allow_blank=True, default="")
    assignee = serializers.IntegerField(
        required=False, allow_null=True, default=None, min_value=1, help_text="A person's id."
    )
    reason = TextField(
        multiline=True, max_length=5000, required=False, allow_blank=True, default=""
    )
    body = serializers.SlugField(max_length=120, required=False, allow_blank=True, default="")
    outcome = serializers.ChoiceField(
        choices=list(letters.OUTCOMES),
        required=False,
        help_text="answer: full, partial or not_held; classify: what the body's letter is.",
    )
    message = serializers.IntegerField(
        required=False,
        allow_null=True,
        default=None,
        min_value=1,
        help_text="classify: the id of the body's e-mailed reply on the request.",
    )
    exemptions = ExemptionInputSerializer(many=True, required=False, default=list)
    amount = TextField(
        max_length=20,
        required=False,
        allow_blank=True,
        default="",
        help_text="estimate_fee: the amount, a decimal such as 12.50.",
    )
    currency = TextField(
        max_length=3,
        required=False,
        allow_blank=True,
        default="",
        help_text="estimate_fee: the law's currency (ISO 4217), or empty.",
    )
    fee_class = TextField(
        max_length=16,
        required=False,
        allow_blank=True,
        default="",
        help_text="record_fee_class: free, discounted or paid.",
    )
    level = TextField(max_length=40, required=False, allow_blank=True, default="")
    decision = serializers.ChoiceField(choices=AppealDecision.choices, required=False)
    version = serializers.IntegerField(required=False, allow_null=True, default=None, min_value=1)
    confirm_identity = serializers.BooleanField(
        required=False,
        default=False,
        help_text="True to send an officer's text that identifies the requester (their name "
        "under a pseudonym, e-mail, phone or address) after a 400 that listed what it found. "
        "The public reads those parts masked.",
    )


class ActionResultSerializer(serializers.Serializer):
    state = serializers.ChoiceField(choices=State.choices)
    reference = serializers.CharField()
    request = RequestDetailSerializer(
        allow_null=True,
        help_text="The request as the caller now sees it; null when the action took it out of "
        "their sight (a private request transferred to another body).",
    )


# -- search ----------------------------------------------------------------------------------


class SearchHitSerializer(serializers.Serializer):
    kind = serializers.CharField()
    kind_label = serializers.CharField()
    reference = serializers.CharField(allow_blank=True)
    url = serializers.CharField()
    title = serializers.CharField()
    snippet = serializers.CharField(
        allow_blank=True, help_text="HTML: matched words in <mark>, everything else escaped."
    )
    body = serializers.DictField(allow_null=True)
    outcome = serializers.CharField(allow_blank=True)
    date = serializers.DateTimeField(allow_null=True)


class FacetValueSerializer(serializers.Serializer):
    value = serializers.CharField()
    label = serializers.CharField()
    count = serializers.IntegerField()
    selected = serializers.BooleanField()


class SearchResultSerializer(serializers.Serializer):
    count = serializers.IntegerField()
    page = serializers.IntegerField()
    num_pages = serializers.IntegerField()
    results = SearchHitSerializer(many=True)
    facets = serializers.DictField(child=FacetValueSerializer(many=True))
    degraded = serializers.BooleanField(
        help_text="True when the main search index did not answer and a simpler backup did."
    )
    ranked_within = serializers.IntegerField(
        allow_null=True,
        help_text="When more matched than the database backend ranks "
        "(SEARCH_RANK_CANDIDATES): relevance ordered the newest this many, the rest follow "
        "newest first. Null when every match was ranked or the order is by date.",
    )
