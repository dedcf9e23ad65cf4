"""A transition's event sends only the notices its declaration names (foi.transitions)."""

import pytest

from foi import transitions
from mail.models import OutboundEmail
from tests.foi.test_transition_permissions import MAY
from tests.foi.transition_calls import call

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("name", "state"), list(MAY))
def test_each_transition_sends_only_its_declared_notices(world, system, committed, name, state):
    foi_request = world.request(state)
    before = set(OutboundEmail.objects.values_list("pk", flat=True))
    committed(lambda: call(world, system, name, foi_request))
    kinds = set(OutboundEmail.objects.exclude(pk__in=before).values_list("kind", flat=True))
    assert kinds <= set(transitions.notices(name))
    assert bool(kinds) == bool(transitions.notices(name))
