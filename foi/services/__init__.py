"""Every write to a request goes through one of these (docs/style.md, convention 2)."""

from core.errors import (
    Conflict,
    InvalidInput,
    NotPermitted,
    NotVisible,
    RateLimited,
    ServiceError,
    TransitionNotAllowed,
)

from .accounts import user_delete_account, user_update_profile
from .appeals import foi_request_appeal, foi_request_decide_appeal
from .attachments import attachment_approve, attachment_create, attachment_publish
from .audit import case_event_record, case_events_verify, case_events_verify_all
from .batches import batch_approve, batch_create, batch_decline, batch_follow
from .body_suggestions import (
    body_suggestion_accept,
    body_suggestion_create,
    body_suggestion_decline,
)
from .calendars import calendar_feed_token_ensure, calendar_feed_token_reset
from .case import foi_request_append
from .declared_days import declared_day_delete, declared_day_save
from .fees import (
    foi_request_close_unpaid,
    foi_request_estimate_fee,
    foi_request_record_fee_class,
    foi_request_record_payment,
    foi_request_waive_fee,
    foi_requests_close_unpaid_due,
)
from .filing import foi_request_file
from .follows import follow_create, follow_delete
from .handling import (
    foi_request_accept,
    foi_request_ask_clarification,
    foi_request_assign,
    foi_request_extend,
    foi_request_transfer,
)
from .intake import foi_request_register_for
from .letter_templates import (
    letter_template_create,
    letter_template_delete,
    letter_template_update,
)
from .letters import foi_request_classify, foi_request_correct_record
from .notes import foi_request_add_note
from .outcomes import (
    foi_request_answer,
    foi_request_lapse,
    foi_request_refuse,
    foi_request_reject,
    foi_requests_lapse_due,
)
from .reminders import foi_request_remind
from .senders import foi_request_confirm_sender
from .submission import (
    foi_request_clarify,
    foi_request_create_draft,
    foi_request_update_draft,
    foi_request_withdraw,
)
from .suggestions import classification_confirm, classification_suggest

__all__ = [
    "Conflict",
    "InvalidInput",
    "NotPermitted",
    "NotVisible",
    "RateLimited",
    "ServiceError",
    "TransitionNotAllowed",
    "attachment_approve",
    "attachment_create",
    "attachment_publish",
    "batch_approve",
    "batch_create",
    "batch_decline",
    "batch_follow",
    "body_suggestion_accept",
    "body_suggestion_create",
    "body_suggestion_decline",
    "calendar_feed_token_ensure",
    "calendar_feed_token_reset",
    "case_event_record",
    "case_events_verify",
    "case_events_verify_all",
    "classification_confirm",
    "classification_suggest",
    "declared_day_delete",
    "declared_day_save",
    "foi_request_accept",
    "foi_request_add_note",
    "foi_request_answer",
    "foi_request_appeal",
    "foi_request_append",
    "foi_request_ask_clarification",
    "foi_request_assign",
    "foi_request_clarify",
    "foi_request_classify",
    "foi_request_close_unpaid",
    "foi_request_confirm_sender",
    "foi_request_correct_record",
    "foi_request_create_draft",
    "foi_request_decide_appeal",
    "foi_request_estimate_fee",
    "foi_request_extend",
    "foi_request_file",
    "foi_request_lapse",
    "foi_request_record_fee_class",
    "foi_request_record_payment",
    "foi_request_refuse",
    "foi_request_register_for",
    "foi_request_reject",
    "foi_request_remind",
    "foi_request_transfer",
    "foi_request_update_draft",
    "foi_request_waive_fee",
    "foi_request_withdraw",
    "foi_requests_close_unpaid_due",
    "foi_requests_lapse_due",
    "follow_create",
    "follow_delete",
    "letter_template_create",
    "letter_template_delete",
    "letter_template_update",
    "user_delete_account",
    "user_update_profile",
]
