"""The moderators' queue of batch requests waiting for approval (a batch to more bodies than
``FOI_BATCH_APPROVAL_THRESHOLD``), and the page where a moderator reads one and approves it
(every body's request is sent then) or declines it with a reason (``foi.services.batches``).
Only moderators (``foi.permissions.can_decide_batch``) see either; everyone else gets a 403."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.errors import NotPermitted, ServiceError
from foi import permissions, selectors, services
from foi.forms.cleaning import CleanTextMixin
from foi.models import Batch, BatchStatus
from foi.services.batches import REASON_MAX
from workspace.views.base import WorkspaceView

PAGE_SIZE = 50


class BatchDecideForm(CleanTextMixin, forms.Form):
    decision = forms.ChoiceField(
        label=gettext_lazy("Decision"),
        choices=[
            ("approve", gettext_lazy("Approve: send it to every body")),
            ("decline", gettext_lazy("Decline")),
        ],
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(
        label=gettext_lazy("Reason"),
        help_text=gettext_lazy("Shown to the person who sent the batch; required to decline."),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=REASON_MAX,
    )


class BatchModeratorView(WorkspaceView):
    members_only = False

    def dispatch(self, request, *args, **kwargs):
        if not permissions.can_decide_batch(request.user):
            return self.refuse(
                NotPermitted(_("Only moderators approve or decline batch requests."))
            )
        return super().dispatch(request, *args, **kwargs)


class BatchQueueView(BatchModeratorView):
    template_name = "workspace/batches.html"
    page_title = gettext_lazy("Batch requests waiting for approval")

    def get(self, request):
        queue = selectors.batch_pending_queue(user=request.user)
        page = Paginator(queue, PAGE_SIZE).get_page(request.GET.get("p"))
        return self.render({"page": page})


class BatchDecideView(BatchModeratorView):
    template_name = "workspace/batch.html"
    page_title = gettext_lazy("Approve or decline a batch request")

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.crumbs = [(reverse("foi_workspace:batches"), _("Batch requests waiting for approval"))]

    def _batch(self, reference):
        batch = Batch.objects.select_related("creator").filter(reference=reference).first()
        if batch is None:
            raise Http404("No such batch.")
        return batch

    def _page(self, batch, form, *, status=200):
        return self.render(
            {
                "batch": batch,
                "bodies": list(batch.bodies.order_by("name_az")),
                "form": form,
                "pending": batch.status == BatchStatus.PENDING,
            },
            status=status,
        )

    def get(self, request, reference):
        return self._page(self._batch(reference), BatchDecideForm())

    def post(self, request, reference):
        batch = self._batch(reference)
        form = BatchDecideForm(request.POST)
        if not form.is_valid():
            return self._page(batch, form, status=400)
        data = form.cleaned_data
        try:
            if data["decision"] == "approve":
                services.batch_approve(batch=batch, actor=request.user)
            else:
                services.batch_decline(batch=batch, actor=request.user, reason=data["reason"])
        except ServiceError as error:
            form.add_error("reason" if "reason" in error.errors else None, error.message)
            return self._page(batch, form, status=error.status)
        messages.success(
            request,
            _("The batch is approved and sent to every body.")
            if data["decision"] == "approve"
            else _("The batch is declined."),
        )
        return redirect("foi_workspace:batches")
