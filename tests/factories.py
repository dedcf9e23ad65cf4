"""Factories feed the tests (fixtures feed the demo)."""

import datetime

import factory
from django.utils import timezone

from foi.models import (
    Appeal,
    AppealLevel,
    Exemption,
    FOIRequest,
    Law,
    Membership,
    PublicBody,
    User,
)

AZ_EXTENSION_REASONS = [
    {"code": "volume", "label": "A large volume of information", "article": ""},
    {"code": "search", "label": "A search in other units or archives", "article": ""},
    {"code": "consultation", "label": "Third parties must be consulted", "article": ""},
]


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    first_name = factory.Faker("first_name")
    last_name = factory.Faker("last_name")
    password = factory.django.Password("correct horse battery staple")


class LawFactory(factory.django.DjangoModelFactory):
    """Azerbaijan's rules (docs/law-az.md) unless a test overrides them."""

    class Meta:
        model = Law
        django_get_or_create = ("code",)

    code = "az"
    name_en = 'Law "On the Right to Obtain Information"'
    name_az = '"İnformasiya əldə etmək haqqında" Qanun'
    short_name = "AZ RTI Law"
    reference_prefix = "AZ"
    holiday_country = "AZ"
    time_zone = "Asia/Baku"
    response_value = 7
    response_unit = "working_days"
    response_article = "24.1"
    clock_start = "next_working_day"
    clock_start_article = "24.5"
    urgent_relevance_value = 24
    urgent_relevance_unit = "hours"
    urgent_relevance_article = "24.2"
    urgent_life_value = 48
    urgent_life_unit = "working_hours"
    urgent_life_article = "24.3"
    extension_value = 7
    extension_unit = "working_days"
    extension_max_count = 1
    extension_notice_value = 5
    extension_notice_unit = "working_days"
    extension_reasons = AZ_EXTENSION_REASONS
    transfer_value = 5
    transfer_unit = "working_days"
    transfer_clock = "restart"
    transfer_article = "23.1"
    clarification_notice_value = 5
    clarification_notice_unit = "working_days"
    clarification_effect = "restart"
    clarification_lapse_value = 20
    clarification_lapse_unit = "working_days"
    very_overdue_after_working_days = 20
    fees_apply = True
    fee_classes = factory.LazyFunction(lambda: ["free", "discounted", "paid"])
    fee_currency = "AZN"
    fee_estimate_pauses_clock = True
    fee_payment_value = 20
    fee_payment_unit = "working_days"
    fee_article = "19.1.7"
    weekend_days = [5, 6]


class ExemptionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Exemption

    law = factory.SubFactory(LawFactory)
    code = factory.Sequence(lambda n: f"ground-{n}")
    article = factory.Sequence(lambda n: f"2.4-1.{n}")
    title_en = factory.Sequence(lambda n: f"Ground {n}")


class PublicBodyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PublicBody

    slug = factory.Sequence(lambda n: f"body-{n}")
    name_az = factory.Sequence(lambda n: f"Qurum {n}")
    name_en = factory.Sequence(lambda n: f"Body {n}")
    kind = "ministry"
    law = factory.SubFactory(LawFactory)
    request_email = factory.LazyAttribute(lambda body: f"foi@{body.slug}.example")


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    body = factory.SubFactory(PublicBodyFactory)
    role = "officer"


class AppealLevelFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AppealLevel

    law = factory.SubFactory(LawFactory)
    order = 1
    code = "internal_review"
    name_en = "Head of the body or its superior body"
    reviewer = "superior"


class FOIRequestFactory(factory.django.DjangoModelFactory):
    """A request put straight into a state, for tests of what happens next."""

    class Meta:
        model = FOIRequest

    law = factory.LazyAttribute(lambda o: o.body.law)
    body = factory.SubFactory(PublicBodyFactory)
    requester = factory.SubFactory(UserFactory)
    subject = "Budget execution report for 2025"
    text = "Please send me the budget execution report for 2025."
    # Far above what the reference counter hands out in a test (it starts at 1 in each), so a
    # request made here never takes the number a filing in the same test is about to get.
    reference = factory.Sequence(lambda n: f"AZ-2026-{500001 + n:06d}")
    submitted_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=20))
    first_received_at = factory.LazyAttribute(lambda o: o.submitted_at)
    received_at = factory.LazyAttribute(lambda o: o.submitted_at)
    due_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=5))
    public_name = factory.LazyAttribute(lambda o: o.requester.get_full_name())


class AppealFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Appeal

    foi_request = factory.SubFactory(FOIRequestFactory)
    level = factory.SubFactory(AppealLevelFactory)
    appealed_state = "refused"
    grounds = "The refusal gives no reasons."
    lodged_by = factory.LazyAttribute(lambda o: o.foi_request.requester)
    lodged_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=30))
    due_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=10))
