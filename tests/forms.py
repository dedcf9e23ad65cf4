"""What the tests post to the portal's forms, in one place: the workspace's form for registering
a request on someone's behalf, and the sign-up form."""

from django.urls import reverse

REGISTER = reverse("foi_workspace:register")
SIGNUP_PASSWORD = "a long enough pass phrase"


def register_form(body, **overrides) -> dict:
    """The register form as an officer fills it in: a postal request received on 5 January 2026
    from Kamran, who gave a phone number and no e-mail address, shown by name, public."""
    return {
        "body": getattr(body, "pk", body),
        "channel": "post",
        "received_at": "2026-01-05 10:00",
        "first_name": "Kamran",
        "phone": "+994 00 000 00 05",
        "preferred_language": "az",
        "subject": "Budget",
        "text": "Please send the budget.",
        "urgency": "normal",
        "access_form": "paper",
        "public_name_choice": "name",
        "visibility": "public",
        **overrides,
    }


def signup_form(email, first_name="Nigar", last_name="Həsənova", **overrides) -> dict:
    """allauth's sign-up form with the name a request must carry."""
    return {
        "first_name": first_name,
        "last_name": last_name,
        "email": email,
        "password1": SIGNUP_PASSWORD,
        "password2": SIGNUP_PASSWORD,
        **overrides,
    }
