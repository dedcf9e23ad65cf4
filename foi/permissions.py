"""Who may do what: the one place that answers it (docs/permissions.md).

Every ``can_<verb>(foi_request, user)`` is also the ``permission=`` of its transition, so
``get_available_user_state_transitions(user)`` and the services agree by construction.
"""

from __future__ import annotations

COORDINATOR = "coordinator"
OFFICER = "officer"


def body_roles(user) -> dict[int, set[str]]:
    """The bodies a person works for and their roles there, cached on the user object."""
    if user is None or not getattr(user, "is_authenticated", False) or not user.is_active:
        return {}
    cached = getattr(user, "_foi_body_roles", None)
    if cached is None:
        from foi.models import Membership

        cached = {}
        for body_id, role in Membership.objects.filter(user=user, is_active=True).values_list(
            "body_id", "role"
        ):
            cached.setdefault(body_id, set()).add(role)
        user._foi_body_roles = cached
    return cached


def is_member(user, body_id, roles: tuple[str, ...] | None = None) -> bool:
    held = body_roles(user).get(body_id, set())
    return bool(held) if roles is None else bool(held.intersection(roles))


def is_person(user) -> bool:
    return bool(user is not None and getattr(user, "is_authenticated", False) and user.is_active)


def is_requester(foi_request, user) -> bool:
    return is_person(user) and foi_request.requester_id == user.pk


def is_coordinator(foi_request, user) -> bool:
    return is_member(user, foi_request.body_id, (COORDINATOR,))


def acts_for_body(foi_request, user, body_id=None) -> bool:
    """Someone recording a move of the body holding the request (or of ``body_id``) on its
    behalf: from its letter, or through its reply link (``foi.actors.OnBehalf``). Who may be
    such an actor is checked where one is made (``foi.services.letters``, the reply link)."""
    from foi.actors import OnBehalf

    body_id = foi_request.body_id if body_id is None else body_id
    return isinstance(user, OnBehalf) and body_id is not None and user.body_id == body_id


def is_moderator(user) -> bool:
    """Staff who classify bodies' e-mailed replies and correct classifications: an admin, or a
    person given the permission (the CMS moderators in the demo)."""
    return is_person(user) and (user.is_superuser or user.has_perm("foi.classify_replies"))


def can_suggest_body(user) -> bool:
    """Anyone signed in may suggest a new body or a correction of one (a moderator decides)."""
    return is_person(user)


def can_decide_body_suggestion(user) -> bool:
    """The moderators (``is_moderator``) accept or decline suggestions of bodies and of
    corrections: the same people who look after the bodies' e-mailed replies."""
    return is_moderator(user)


def can_decide_batch(user) -> bool:
    """A batch to many bodies waits for a moderator (``is_moderator``), who approves or
    declines it (foi.services.batches)."""
    return is_moderator(user)


def can_view_batch_letter(batch, user) -> bool:
    """A batch's own page before it is sent (waiting or declined): its creator and the
    moderators. Once sent, each person sees the batch's requests they may see, and the page
    only when there is at least one (foi.selectors.batches)."""
    return is_person(user) and (batch.creator_id == user.pk or is_moderator(user))


def may_handle(foi_request, user) -> bool:
    """Officers and coordinators of the body: the assignee, or any of them while unassigned;
    or whoever records the body's move on its behalf (``acts_for_body``)."""
    if acts_for_body(foi_request, user):
        return True
    if not is_member(user, foi_request.body_id):
        return False
    return foi_request.assignee_id is None or foi_request.assignee_id == user.pk


def reviewing_appeal(foi_request):
    """The appeal on this request that has not been decided yet, if any."""
    from foi.models import Appeal

    cached = getattr(foi_request, "_open_appeal", None)
    if cached is None:
        cached = (
            Appeal.objects.filter(foi_request=foi_request, decided_at__isnull=True)
            .select_related("level")
            .order_by("-lodged_at")
            .first()
        ) or False
        foi_request._open_appeal = cached
    return cached or None


def is_reviewer(foi_request, user) -> bool:
    """A member of a body that any appeal on this request was lodged with."""
    from foi.models import Appeal

    bodies = body_roles(user)
    if not bodies:
        return False
    return Appeal.objects.filter(foi_request=foi_request, reviewing_body_id__in=bodies).exists()


# -- transitions ---------------------------------------------------------------------------


def can_submit(foi_request, user) -> bool:
    """The requester, or the officer who registered the request for them."""
    if is_requester(foi_request, user):
        return True
    # An officer registering an oral or postal request submits it for the requester.
    return (
        is_person(user)
        and foi_request.registered_by_id == user.pk
        and is_member(user, foi_request.body_id)
    )


def can_clarify(foi_request, user) -> bool:
    """The requester."""
    return is_requester(foi_request, user)


def can_withdraw(foi_request, user) -> bool:
    """The requester."""
    return is_requester(foi_request, user)


def can_appeal(foi_request, user) -> bool:
    """The requester."""
    return is_requester(foi_request, user)


def can_accept(foi_request, user) -> bool:
    """The body's coordinators (or its acknowledgement, recorded on its behalf)."""
    return is_coordinator(foi_request, user) or acts_for_body(foi_request, user)


def can_assign(foi_request, user) -> bool:
    """The body's coordinators."""
    return is_coordinator(foi_request, user)


def can_transfer(foi_request, user) -> bool:
    """The body's coordinators (or its forwarding, recorded on its behalf)."""
    return is_coordinator(foi_request, user) or acts_for_body(foi_request, user)


def can_reject(foi_request, user) -> bool:
    """The body's coordinators."""
    return is_coordinator(foi_request, user)


def can_ask_clarification(foi_request, user) -> bool:
    """The body's officers and coordinators: the assignee, or any while unassigned."""
    return may_handle(foi_request, user)


def can_extend(foi_request, user) -> bool:
    """The body's officers and coordinators: the assignee, or any while unassigned."""
    return may_handle(foi_request, user)


def can_answer(foi_request, user) -> bool:
    """The body's officers and coordinators: the assignee, or any while unassigned."""
    return may_handle(foi_request, user)


def can_refuse(foi_request, user) -> bool:
    """The body's officers and coordinators: the assignee, or any while unassigned."""
    return may_handle(foi_request, user)


def can_add_note(foi_request, user) -> bool:
    """Who handles the request, and the body's coordinators whoever the assignee: they assign
    the work and keep track of it (docs/permissions.md)."""
    return is_person(user) and (may_handle(foi_request, user) or is_coordinator(foi_request, user))


def can_approve_attachment(foi_request, user) -> bool:
    return is_person(user) and may_handle(foi_request, user)


def can_redact_attachment(foi_request, user) -> bool:
    """Who redacts files on a request in the workspace: the body's officers who handle the
    request, as they approve its files. The original stays private."""
    return can_approve_attachment(foi_request, user)


def is_letter_file(attachment) -> bool:
    """A file that came with a body's e-mailed reply: its copy on the public entry recorded
    from the letter (``foi.services.letters``), a body off the portal (a body in Sorğu records
    its moves itself, so its entries are never recorded from letters)."""
    message = attachment.message
    return message.recorded_from_id is not None and message.audience == "public"


def can_redact_file(foi_request, user, attachment) -> bool:
    """Who makes a redacted copy of this file (``foi.services.redactions``): the body's
    officers who handle the request (``can_redact_attachment``), any of its files; or, for a
    file from a letter of a body that answers by e-mail (``is_letter_file``), whoever may
    publish it: the requester and the moderators (``can_publish_letter_file``). A requester
    never redacts what an officer uploaded."""
    if attachment.message.foi_request_id != foi_request.pk:
        return False
    if can_redact_attachment(foi_request, user):
        return True
    if not is_letter_file(attachment) or not can_publish_letter_file(foi_request, user):
        return False
    from foi.selectors import body_answers_through_portal

    letter_body = attachment.message.recorded_from.from_body
    return not body_answers_through_portal(letter_body or foi_request.body)


def can_classify_letters(foi_request, user) -> bool:
    """Who says what a body's e-mailed letter is (``foi.services.letters``): the requester and
    the moderators. Whether a given letter may be recorded (a body that answers by e-mail, not
    recorded yet) the service decides."""
    return is_requester(foi_request, user) or is_moderator(user)


def can_publish_letter_file(foi_request, user) -> bool:
    """Who publishes a file that came with a body's e-mailed reply (after the warning screen):
    the requester of a request held by a body that answers by e-mail, and the moderators. The
    officers of a body in Sorğu approve files themselves (``can_approve_attachment``)."""
    if is_moderator(user):
        return True
    if not is_requester(foi_request, user):
        return False
    from foi.selectors import body_answers_through_portal

    return not body_answers_through_portal(foi_request.body)


def can_confirm_sender(foi_request, user) -> bool:
    """That an e-mail from an address not known for the body is the body's reply: the
    requester, any officer or coordinator of the body (they know their colleagues' addresses),
    an admin."""
    if not is_person(user):
        return False
    return (
        user.is_superuser or is_requester(foi_request, user) or is_member(user, foi_request.body_id)
    )


def can_correct_record(foi_request, user) -> bool:
    """The moderators and admins (``is_moderator``)."""
    return is_moderator(user)


def can_estimate_fee(foi_request, user) -> bool:
    """The body's officers and coordinators: the assignee, or any while unassigned."""
    return may_handle(foi_request, user)


def can_settle_fee(foi_request, user) -> bool:
    """The body's officers and coordinators: the assignee, or any while unassigned."""
    return may_handle(foi_request, user)


def can_record_fee_class(foi_request, user) -> bool:
    """The body's officers and coordinators: the assignee, or any while unassigned."""
    return may_handle(foi_request, user)


def can_close_unpaid(foi_request, user) -> bool:
    """The system (the daily sweep)."""
    return bool(getattr(user, "is_system", False))


def can_lapse(foi_request, user) -> bool:
    """The system (the daily sweep)."""
    return bool(getattr(user, "is_system", False))


def can_decide_appeal(foi_request, user) -> bool:
    """Members of the body reviewing the pending appeal (an administrator for a court)."""
    appeal = reviewing_appeal(foi_request)
    if appeal is None:
        return False
    if acts_for_body(foi_request, user, body_id=appeal.reviewing_body_id):
        # A reviewing body off the portal: its decision recorded from its letter or link.
        return True
    if not is_person(user):
        return False
    if appeal.reviewing_body_id is None:
        # A court's judgment has no reviewer in the portal; an administrator records it.
        return bool(user.is_superuser)
    return is_member(user, appeal.reviewing_body_id)


# -- seeing --------------------------------------------------------------------------------


def can_view_request(foi_request, user) -> bool:
    """docs/permissions.md, "Seeing". Callers answer 404 when this is False."""
    from foi.models import State

    if is_person(user) and user.is_superuser:
        return True
    if foi_request.state == State.DRAFT:
        return is_requester(foi_request, user)
    if foi_request.is_public:
        return True
    return is_party(foi_request, user)


def is_party(foi_request, user) -> bool:
    """The requester, the body holding the request, or a body reviewing an appeal on it."""
    if not is_person(user):
        return False
    return (
        is_requester(foi_request, user)
        or is_member(user, foi_request.body_id)
        or is_reviewer(foi_request, user)
    )


def can_see_internal(foi_request, user) -> bool:
    if not is_person(user):
        return False
    return user.is_superuser or is_member(user, foi_request.body_id)


def can_download_case_file(foi_request, user) -> bool:
    """The parties of the request and admins; never the public (docs/permissions.md)."""
    if not is_person(user):
        return False
    return user.is_superuser or is_party(foi_request, user)


def can_see_contact_details(foi_request, user) -> bool:
    if not is_person(user):
        return False
    return user.is_superuser or is_party(foi_request, user)


def is_follower(foi_request, user) -> bool:
    """Someone following the request, or the body holding it."""
    from django.db.models import Q

    from foi.models import Follow

    return is_person(user) and (
        Follow.objects.filter(user=user)
        .filter(Q(foi_request=foi_request) | Q(body_id=foi_request.body_id))
        .exists()
    )


def can_suggest_classification(foi_request, user) -> bool:
    """A follower who may see the request suggests what a body's e-mailed reply is, for a
    moderator to confirm. Not the requester: they record it themselves."""
    return (
        can_view_request(foi_request, user)
        and not is_requester(foi_request, user)
        and is_follower(foi_request, user)
    )


# -- letter templates (docs/permissions.md, "Doing") -------------------------------------------


def can_edit_letter_templates(body_id, user) -> bool:
    """The body's coordinators, and admins: officers use the templates but do not write them."""
    if not is_person(user):
        return False
    return user.is_superuser or is_member(user, body_id, (COORDINATOR,))
