"""The saved searches' pages: saving one from the search page, the list under the account
(``/me/searches/``) where each is e-mailed more or less often, given a new feed address or
deleted, the private Atom feed of each (by token, like the calendar feed), and the one-click
stop of a digest's e-mails (RFC 8058, without signing in)."""

from __future__ import annotations

from html import unescape
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.syndication.views import Feed
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.html import strip_tags
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from alerts import selectors, services
from alerts.forms import SavedSearchChangeForm, SaveSearchForm
from alerts.models import Frequency
from core.errors import InvalidInput, NotVisible, ServiceError
from core.feedgen import SafeAtom1Feed


def _with_feed(request, saved_search) -> dict:
    url = request.build_absolute_uri(reverse("alerts:feed", args=[saved_search.feed_token]))
    return {
        "saved_search": saved_search,
        "feed_url": url,
        "search_url": reverse("search:search") + _query(saved_search),
        "form": SavedSearchChangeForm(initial={"frequency": saved_search.frequency}),
    }


def _query(saved_search) -> str:
    params = saved_search.search_params()
    return "?" + urlencode(params) if params else ""


@login_required
@require_safe
def saved_search_list(request):
    return _list_page(request)


def _list_page(request, *, error: str = "", status: int = 200):
    rows = [_with_feed(request, found) for found in selectors.saved_search_list(user=request.user)]
    context = {
        "rows": rows,
        "error": error,
        "limit": services.max_saved_searches(),
    }
    response = render(request, "alerts/saved_searches.html", context, status=status)
    response["Referrer-Policy"] = "same-origin"  # the page shows the feeds' private addresses
    return response


@login_required
@require_POST
def saved_search_save(request):
    form = SaveSearchForm(request.POST)
    if not form.is_valid():
        message = _("This search could not be saved: check what you typed.")
        return _list_page(request, error=message, status=400)
    data = form.cleaned_data
    try:
        saved = services.saved_search_create(
            user=request.user,
            query=data["q"],
            filters=form.filters(),
            name=data["name"],
            frequency=data["frequency"],
        )
    except ServiceError as error:
        return _list_page(request, error=error.message, status=error.status)
    messages.success(
        request,
        _("Your search “%(name)s” is saved.") % {"name": saved.name}
        + " "
        + (
            _("You will be e-mailed what newly matches it.")
            if saved.frequency != Frequency.OFF
            else _("It will not be e-mailed; its feed shows what matches.")
        ),
    )
    return redirect(reverse("alerts:list") + f"#saved-search-{saved.pk}")


def _owned(request, pk):
    try:
        return selectors.saved_search_get(user=request.user, pk=pk)
    except NotVisible as error:
        raise Http404(str(error)) from error


@login_required
@require_POST
def saved_search_change(request, pk):
    saved = _owned(request, pk)
    form = SavedSearchChangeForm(request.POST)
    if not form.is_valid():
        return _list_page(request, error=_("Choose daily, weekly or no e-mail."), status=400)
    services.saved_search_update(
        saved_search=saved, actor=request.user, frequency=form.cleaned_data["frequency"]
    )
    if saved.frequency == Frequency.DAILY:
        text = _("“%(name)s” will be e-mailed once a day when something new matches.")
    elif saved.frequency == Frequency.WEEKLY:
        text = _("“%(name)s” will be e-mailed once a week when something new matches.")
    else:
        text = _("“%(name)s” will no longer be e-mailed; its feed still works.")
    messages.success(request, text % {"name": saved.name})
    return redirect(reverse("alerts:list") + f"#saved-search-{saved.pk}")


@login_required
@require_POST
def saved_search_delete(request, pk):
    saved = _owned(request, pk)
    name = saved.name
    services.saved_search_delete(saved_search=saved, actor=request.user)
    messages.success(request, _("The saved search “%(name)s” was deleted.") % {"name": name})
    return redirect("alerts:list")


@login_required
@require_POST
def saved_search_feed_reset(request, pk):
    saved = _owned(request, pk)
    services.saved_search_feed_reset(saved_search=saved, actor=request.user)
    messages.success(
        request,
        _("The feed of “%(name)s” has a new address; the old one no longer works.")
        % {"name": saved.name},
    )
    return redirect(reverse("alerts:list") + f"#saved-search-{saved.pk}")


@csrf_exempt  # mail clients post here without a form (RFC 8058); the signed link is the key
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    try:
        saved = services.saved_search_of_unsubscribe_token(token)
    except InvalidInput as error:
        response = render(request, "alerts/unsubscribe.html", {"error": error.message}, status=400)
    else:
        if request.method == "POST":
            saved = services.saved_search_unsubscribe(token=token)
            context = {"done": True, "saved_search": saved}
        else:
            context = {"saved_search": saved, "token": token}
        response = render(request, "alerts/unsubscribe.html", context)
    response["Cache-Control"] = "private, no-store"
    response["Referrer-Policy"] = "no-referrer"
    return response


# -- the private feed ----------------------------------------------------------------------------


class SavedSearchFeed(Feed):
    """The newest results of one saved search. Its address is the secret (feed readers send no
    cookies); what it lists is what ``search.search`` finds, public by construction."""

    feed_type = SafeAtom1Feed

    def get_object(self, request, token):
        try:
            return selectors.saved_search_of_feed_token(token=token)
        except NotVisible as error:
            raise Http404(str(error)) from error

    def title(self, saved_search):
        return _("Sorğu: %(name)s") % {"name": saved_search.name}

    def subtitle(self, saved_search):
        return _("Answered requests and disclosures that match your saved search, newest first.")

    def link(self, saved_search):
        return reverse("search:search") + _query(saved_search)

    def items(self, saved_search):
        try:
            return selectors.newest_hits(saved_search).hits
        except ServiceError:
            return []

    def item_title(self, hit):
        return hit.title

    def item_link(self, hit):
        return hit.url

    def item_guid(self, hit):
        return hit.key

    def item_guid_is_permalink(self, hit):
        return False

    def item_description(self, hit):
        meta = " · ".join(
            part
            for part in (hit.kind_label, hit.reference, hit.body_name, hit.outcome_label)
            if part
        )
        snippets = [unescape(strip_tags(snippet)) for snippet in hit.snippets]
        return "\n\n".join([meta, *snippets])

    def item_pubdate(self, hit):
        return hit.date


_feed = SavedSearchFeed()


@require_safe
def saved_search_feed(request, token):
    try:
        owner = selectors.saved_search_of_feed_token(token=token).user
    except NotVisible as error:
        raise Http404(str(error)) from error
    with translation.override(owner.preferred_language or None):
        response = _feed(request, token=token)
    # The address is a secret: no shared cache keeps it, no search engine lists it.
    response["Cache-Control"] = "private, max-age=300"
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Referrer-Policy"] = "no-referrer"
    return response
