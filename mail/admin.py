"""The Django admin of e-mail: the outbound log (failed sends stay visible and can be sent
again), every inbound e-mail, the holding pen with its "file to request" and "discard"
actions, and the bodies' reply links with "withdraw". Administrators only: these hold people's
addresses and unpublished correspondence."""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.errors import ServiceError
from foi.admin import PublicBodyAdmin
from foi.models import FOIRequest, PublicBody, State
from mail.bodies import public_body_update_request_email
from mail.holding import held_email_discard, held_email_file
from mail.models import HeldEmail, InboundEmail, InboundStatus, OutboundEmail, ReplyLink
from mail.outbound import outbound_email_resend
from mail.replylinks import reply_link_revoke


def is_admin(request) -> bool:
    user = request.user
    return bool(user.is_active and user.is_superuser)


class AdministratorsOnly(admin.ModelAdmin):
    """Read-only, and only for administrators; changes go through the e-mail services."""

    def has_module_permission(self, request):
        return is_admin(request)

    def has_view_permission(self, request, obj=None):
        return is_admin(request)

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(OutboundEmail)
class OutboundEmailAdmin(AdministratorsOnly):
    list_display = (
        "created_at",
        "kind",
        "to_email",
        "status",
        "attempts",
        "next_attempt_at",
        "foi_request",
        "error",
    )
    list_filter = ("status", "kind")
    search_fields = ("to_email", "subject", "foi_request__reference")
    list_select_related = ("foi_request",)
    date_hierarchy = "created_at"
    actions = ["send_again"]

    @admin.display(description=gettext_lazy("last error"))
    def error(self, obj):
        return (obj.last_error or obj.delivery_detail)[:120]

    @admin.action(description=gettext_lazy("Send the selected failed e-mails again"))
    def send_again(self, request, queryset):
        sent = 0
        for outbound in queryset:
            try:
                outbound_email_resend(outbound=outbound, actor=request.user)
            except ServiceError as error:
                self.message_user(request, f"{outbound}: {error}", messages.WARNING)
            else:
                sent += 1
        if sent:
            self.message_user(request, _("%(count)s e-mail(s) queued again.") % {"count": sent})


@admin.register(InboundEmail)
class InboundEmailAdmin(AdministratorsOnly):
    list_display = ("received_at", "from_email", "subject", "status", "reason", "foi_request")
    list_filter = ("status", "reason", "esp_name")
    search_fields = ("from_email", "subject", "to_addresses", "email_message_id")
    list_select_related = ("foi_request",)
    date_hierarchy = "received_at"
    exclude = ("raw",)
    readonly_fields = ("original",)

    @admin.display(description=gettext_lazy("original e-mail"))
    def original(self, obj):
        url = reverse("admin:mail_heldemail_original", args=[obj.pk])
        return format_html('<a href="{}">{}</a>', url, _("Download (.eml)"))


class FileForm(forms.Form):
    guess = forms.TypedChoiceField(
        label=gettext_lazy("Likely request"),
        coerce=int,
        required=False,
        empty_value=None,
        widget=forms.RadioSelect,
    )
    reference = forms.CharField(
        label=gettext_lazy("Or another request's reference"), required=False, max_length=32
    )
    note = forms.CharField(
        label=gettext_lazy("Note (kept with the decision)"), required=False, widget=forms.Textarea
    )

    def __init__(self, *args, guesses=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["guess"].choices = [
            (r.pk, f"{r.reference} · {r.subject} ({r.body})") for r in guesses
        ]

    def clean(self):
        data = super().clean()
        reference = (data.get("reference") or "").strip().upper()
        if reference:
            found = FOIRequest.objects.filter(reference=reference).exclude(state=State.DRAFT)
            data["foi_request"] = found.first()
            if data["foi_request"] is None:
                self.add_error("reference", _("No request has this reference."))
        elif data.get("guess"):
            data["foi_request"] = FOIRequest.objects.filter(pk=data["guess"]).first()
        else:
            raise forms.ValidationError(_("Choose a request, or enter its reference."))
        return data


class DiscardForm(forms.Form):
    note = forms.CharField(
        label=gettext_lazy("Why (kept with the decision)"), required=False, widget=forms.Textarea
    )


@admin.register(HeldEmail)
class HeldEmailAdmin(InboundEmailAdmin):
    list_display = ("received_at", "from_email", "subject", "reason", "status", "guesses")
    list_filter = ("status", "reason")
    actions = ["discard_selected"]
    change_form_template = "admin/mail/heldemail/change_form.html"

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("guessed_requests")

    @admin.display(description=gettext_lazy("likely requests"))
    def guesses(self, obj):
        return (
            format_html_join(", ", "{}", ((r.reference,) for r in obj.guessed_requests.all()))
            or "-"
        )

    def changelist_view(self, request, extra_context=None):
        # The pen opens on what still waits for a decision.
        if not request.GET and is_admin(request):
            return redirect(f"{request.path}?status__exact={InboundStatus.HELD}")
        return super().changelist_view(request, extra_context)

    @admin.action(description=gettext_lazy("Discard the selected e-mails"))
    def discard_selected(self, request, queryset):
        done = 0
        for held in queryset:
            try:
                held_email_discard(held=held, actor=request.user)
            except ServiceError as error:
                self.message_user(request, f"{held}: {error}", messages.WARNING)
            else:
                done += 1
        if done:
            self.message_user(request, _("%(count)s e-mail(s) discarded.") % {"count": done})

    def get_urls(self):
        wrap = self.admin_site.admin_view
        return [
            path("<int:object_id>/file/", wrap(self.file_view), name="mail_heldemail_file"),
            path(
                "<int:object_id>/discard/", wrap(self.discard_view), name="mail_heldemail_discard"
            ),
            path(
                "<int:object_id>/original/",
                wrap(self.original_view),
                name="mail_heldemail_original",
            ),
            *super().get_urls(),
        ]

    def _held(self, request, object_id) -> HeldEmail:
        if not is_admin(request):
            raise PermissionDenied
        return get_object_or_404(HeldEmail, pk=object_id)

    def _render(self, request, held, template, context, status=200):
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "original": held,
            "title": str(held),
            **context,
        }
        return TemplateResponse(request, template, context, status=status)

    def file_view(self, request, object_id):
        held = self._held(request, object_id)
        guesses = list(held.guessed_requests.select_related("body"))
        form = FileForm(request.POST if request.method == "POST" else None, guesses=guesses)
        status = 200
        if request.method == "POST":
            status = 400
            if form.is_valid():
                try:
                    held_email_file(
                        held=held,
                        foi_request=form.cleaned_data["foi_request"],
                        actor=request.user,
                        note=form.cleaned_data["note"],
                    )
                except ServiceError as error:
                    form.add_error(None, error.message)
                else:
                    self.message_user(
                        request,
                        _("Filed to %(reference)s.")
                        % {"reference": form.cleaned_data["foi_request"].reference},
                    )
                    return redirect("admin:mail_heldemail_change", held.pk)
        return self._render(
            request, held, "admin/mail/heldemail/file.html", {"form": form}, status=status
        )

    def discard_view(self, request, object_id):
        held = self._held(request, object_id)
        form = DiscardForm(request.POST if request.method == "POST" else None)
        status = 200
        if request.method == "POST":
            status = 400
            if form.is_valid():
                try:
                    held_email_discard(
                        held=held, actor=request.user, note=form.cleaned_data["note"]
                    )
                except ServiceError as error:
                    form.add_error(None, error.message)
                else:
                    self.message_user(request, _("The e-mail was discarded."))
                    return redirect("admin:mail_heldemail_changelist")
        return self._render(
            request, held, "admin/mail/heldemail/discard.html", {"form": form}, status=status
        )

    def original_view(self, request, object_id):
        held = get_object_or_404(InboundEmail, pk=object_id) if is_admin(request) else None
        if held is None:
            raise PermissionDenied
        return FileResponse(
            held.raw.open("rb"),
            as_attachment=True,
            filename=f"email-{held.pk}.eml",
            content_type="message/rfc822",
        )


class PublicBodyMailAdmin(PublicBodyAdmin):
    """The body's admin page, where a new request address goes through the e-mail service."""

    def save_model(self, request, obj, form, change):
        # A new request address (or clearing the repair flag) goes through the e-mail
        # service, which also re-sends the letters that bounced to the old one.
        fixing = change and bool(
            {"request_email", "request_email_needs_repair"} & set(form.changed_data)
        )
        if not fixing or obj.request_email_needs_repair or not obj.request_email:
            super().save_model(request, obj, form, change)
            return
        new_email = obj.request_email
        obj.request_email = form.initial.get("request_email", "")
        obj.request_email_needs_repair = form.initial.get("request_email_needs_repair", False)
        super().save_model(request, obj, form, change)
        resent = public_body_update_request_email(
            body=obj, request_email=new_email, actor=request.user
        )
        if resent:
            self.message_user(
                request,
                _("%(count)s letter(s) sent again to %(email)s.")
                % {"count": resent, "email": new_email},
            )


admin.site.unregister(PublicBody)
admin.site.register(PublicBody, PublicBodyMailAdmin)


@admin.register(ReplyLink)
class ReplyLinkAdmin(AdministratorsOnly):
    """The reply links in letters to bodies (mail/replylinks.py); the token is never shown.
    Administrators withdraw a link that leaked or went to the wrong person."""

    list_display = (
        "created_at",
        "foi_request",
        "appeal",
        "body",
        "address",
        "expires_at",
        "revoked_at",
        "last_used_at",
        "use_count",
    )
    list_filter = ("revoked_at",)
    search_fields = ("foi_request__reference", "address", "body__name_az")
    list_select_related = ("foi_request", "appeal__level", "body")
    date_hierarchy = "created_at"
    actions = ["revoke"]

    @admin.action(description=gettext_lazy("Withdraw the selected reply links"))
    def revoke(self, request, queryset):
        if not is_admin(request):
            raise PermissionDenied
        done = 0
        for link in queryset.select_related("foi_request"):
            try:
                done += reply_link_revoke(link=link, actor=request.user)
            except ServiceError as error:
                self.message_user(request, f"{link}: {error}", messages.WARNING)
        self.message_user(request, _("%(count)s reply link(s) withdrawn.") % {"count": done})
