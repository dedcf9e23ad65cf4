"""Words for the workflow's verbs, as people read them on buttons and in the trail."""

from django.utils.translation import gettext_lazy as _

ACTION_LABELS = {
    "submit": _("Submit the request"),
    "accept": _("Accept"),
    "assign": _("Assign to an officer"),
    "ask_clarification": _("Ask for clarification"),
    "clarify": _("Clarify the request"),
    "extend": _("Extend the deadline"),
    "transfer": _("Transfer to another body"),
    "answer": _("Answer"),
    "refuse": _("Refuse"),
    "reject": _("Reject as not a valid request"),
    "withdraw": _("Withdraw the request"),
    "lapse": _("Close for want of a clarification"),
    "appeal": _("Appeal"),
    "decide_appeal": _("Decide the appeal"),
}
