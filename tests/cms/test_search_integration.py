"""The CMS's disclosures and disclosure-log entries join the public search index when published,
and leave it when unpublished; a draft log entry is never found."""

from foi import services as foi_services
from foi.models import State
from search import search


def kinds_found(query):
    return [(hit.kind, hit.title) for hit in search(query, {}).hits]


def test_a_published_disclosure_is_found(tree, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        page = tree.disclosure(title="Büdcə icrası haqqında hesabat", summary="Rüblük icra")
    assert ("disclosure", page.title) in kinds_found("büdcə")
    hit = next(hit for hit in search("büdcə", {}).hits if hit.title == page.title)
    assert hit.body_name == tree.section.body.name
    with django_capture_on_commit_callbacks(execute=True):
        page.unpublish()
    assert ("disclosure", page.title) not in kinds_found("büdcə")


def test_a_log_entry_is_found_only_once_published(tree, world, django_capture_on_commit_callbacks):
    from cms.services import disclosure_log_draft_create

    foi_request = world.request(State.IN_PROGRESS, subject="Metro ridership figures")
    foi_request = foi_services.foi_request_answer(
        foi_request=foi_request,
        actor=world.officer,
        outcome="full",
        text="Ridership per station is attached: Sahil 41,200 a day.",
    )
    with django_capture_on_commit_callbacks(execute=True):
        draft = disclosure_log_draft_create(foi_request=foi_request, actor=world.officer)
    assert not [hit for hit in search("Sahil", {}).hits if hit.kind == "disclosure"]
    with django_capture_on_commit_callbacks(execute=True):
        draft.save_revision(user=tree.moderator).publish(user=tree.moderator)
    hits = [hit for hit in search("Sahil", {}).hits if hit.kind == "disclosure"]
    assert [hit.title for hit in hits] == [draft.title]
