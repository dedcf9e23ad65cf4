"""Loading the demo replays months of history without mailing anyone."""

import pytest
from django.core import mail
from django.core.management import call_command

from foi.models import CaseEvent
from mail.models import OutboundEmail

pytestmark = pytest.mark.django_db


def test_loading_the_demo_sends_no_mail(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as announced:
        call_command("load_demo_data", verbosity=0)
    # Every event was announced after commit, as always; the e-mail receiver stayed quiet.
    assert len(announced) >= CaseEvent.objects.count() > 100
    assert not OutboundEmail.objects.exists()
    assert mail.outbox == []
