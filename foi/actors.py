"""Who acts when no person does: the daily sweep that lapses unanswered clarifications."""


class SystemActor:
    is_system = True
    is_authenticated = False
    is_anonymous = False
    is_active = True
    is_superuser = False
    is_staff = False
    pk = None
    id = None

    def __str__(self) -> str:
        return "system"


SYSTEM = SystemActor()


# How a body's move was recorded (docs/workflow.md, "Bodies that answer by e-mail"): by its
# officer in the portal (no label), or on its behalf.
VIA_REQUESTER = "requester"  # the requester, from the body's letter
VIA_MODERATOR = "moderator"  # a moderator or administrator, from the body's letter
VIA_REPLY_LINK = "reply_link"  # the body's officer, through the personal link in a letter
VIAS = (VIA_REQUESTER, VIA_MODERATOR, VIA_REPLY_LINK)
# CaseEvent.actor_label of an event recorded on a body's behalf, by how it was recorded.
LABELS = {
    VIA_REQUESTER: "letter:requester",
    VIA_MODERATOR: "letter:moderator",
    VIA_REPLY_LINK: "reply_link",
}
RECORDED_BY = {label: via for via, label in LABELS.items()}


class OnBehalf:
    """Whoever records a move of a body that does not work in Sorğu: the requester or a
    moderator from the body's letter (``letter``, a Message), or the body's own officer through
    a reply link (``link``). The transition is the one the body's officer takes; its
    permission (``foi.permissions.acts_for_body``) admits this actor for ``body_id`` only.

    Built only by ``foi.services.letters`` (which checks who may) and the reply link's view.
    ``at`` is when the body made the move: the letter's date, so the clock counts from the
    letter and not from the day someone recorded it.
    """

    is_system = False
    is_authenticated = False
    is_anonymous = False
    is_active = True
    is_superuser = False
    is_staff = False
    pk = None
    id = None

    def __init__(
        self, *, body_id: int, via: str, person=None, letter=None, link=None, at=None, before=None
    ):
        if via not in VIAS:
            raise ValueError(f"Unknown way of recording {via!r}; one of {VIAS}.")
        self.body_id = body_id
        self.via = via
        self.person = person
        self.letter = letter
        self.link = link
        self.at = at
        # The request before a letter's record: what a moderator's correction restores.
        self.before = before

    @property
    def label(self) -> str:
        return LABELS[self.via]

    def audit_data(self) -> dict:
        """What the event adds about how it was recorded."""
        data = {"recorded": self.via, "for_body": self.body_id}
        if self.letter is not None:
            data["letter"] = self.letter.pk
            data["letter_at"] = self.letter.created_at.isoformat()
        if self.link is not None:
            data["link"] = self.link.pk
        if self.at is not None:
            data["effective_at"] = self.at.isoformat()
        if self.before is not None:
            data["before"] = self.before
        return data

    def __str__(self) -> str:
        return self.label


def author_of(actor):
    """The person a timeline entry names as its author: none for the system, nor for a body's
    move recorded on its behalf (the entry is the body's; its event says who recorded it)."""
    return actor if getattr(actor, "pk", None) and not isinstance(actor, OnBehalf) else None
