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
