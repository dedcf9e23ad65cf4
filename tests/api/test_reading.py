"""Laws, bodies, requests and search: what each person may read, filters and their errors."""

import pytest

from foi.models import State
from tests.api.conftest import assert_one_sentence
from tests.factories import PublicBodyFactory


def test_laws_with_their_rules(api, world):
    assert [law["code"] for law in api.get("/api/v1/laws/").json()] == ["az"]
    law = api.get("/api/v1/laws/az/").json()
    assert law["clock"]["response"] == {"value": 7, "unit": "working_days", "article": "24.1"}
    assert law["clock"]["urgent_relevance"]["value"] == 24
    assert law["clock"]["extension_max_count"] == 1
    assert {e["code"] for e in law["exemptions"]} == {"state-secret", "personal-data", "official"}
    assert [level["code"] for level in law["appeal_levels"]] == [
        "internal_review",
        "ombudsman",
        "court",
    ]
    assert law["appeal_levels"][1]["reviewer_body"] == "ombudsman"
    assert law["summary"]
    assert law["fees"] == {
        "fees_apply": True,
        "classes": ["free", "discounted", "paid"],
        "currency": "AZN",
        "estimate_pauses_clock": True,
        "payment": {"value": 20, "unit": "working_days", "article": ""},
        "article": "19.1.7",
    }
    assert any("estimate" in sentence for sentence in law["summary"])


def test_body_search_folds_case_and_azerbaijani_letters(api, world):
    PublicBodyFactory(slug="itv", name_az="İctimai Televiziya", name_en="Public Television")
    PublicBodyFactory(slug="baku", name_az="Bakı Şəhər İcra Hakimiyyəti", kind="local_executive")

    def found(query):
        return [b["slug"] for b in api.get(f"/api/v1/bodies/?{query}").json()["results"]]

    assert found("q=ictimai") == ["itv"]
    assert found("q=ICTIMAI") == ["itv"]
    assert found("q=seher") == ["baku"]
    assert found("kind=local_executive") == ["baku"]
    assert "itv" not in found("q=television&kind=local_executive")


def test_a_bad_kind_is_400(api, world):
    response = api.get("/api/v1/bodies/?kind=castle")
    assert response.status_code == 400
    assert "castle" in assert_one_sentence(response)


def test_a_body(api, world):
    body = api.get("/api/v1/bodies/ministry/").json()
    assert body["name"] == "Ministry of Finance" and body["parent"] == "cabinet"
    assert "request_email" not in body


@pytest.mark.parametrize(
    "query",
    ["state=draft", "state=lost", "outcome=great", "year=20x6", "year=1200", "body=no-such-body"],
)
def test_bad_request_filters_are_400(api, world, query):
    response = api.get(f"/api/v1/requests/?{query}")
    assert response.status_code == 400
    assert_one_sentence(response)


def test_request_filters(api, world):
    answered = world.request(State.ANSWERED, subject="Water quality in Sumqayıt")
    refused = world.request(State.REFUSED, body=world.other_body)

    def refs(query):
        results = api.get(f"/api/v1/requests/?{query}").json()["results"]
        return {r["reference"] for r in results}

    assert refs("") == {answered.reference, refused.reference}
    assert refs("state=answered") == {answered.reference}
    assert refs("outcome=refused") == {refused.reference}
    assert refs("body=other") == {refused.reference}
    assert refs(f"year={answered.submitted_at.year}") == {answered.reference, refused.reference}
    assert refs("year=2001") == set()
    assert refs("q=water+quality") == {answered.reference}


ROLES_SEEING_PRIVATE = ["requester", "officer", "coordinator", "admin"]
ROLES_NOT = ["anonymous", "citizen", "other_officer", "editor"]


@pytest.mark.parametrize("role", ROLES_SEEING_PRIVATE + ROLES_NOT + ["reviewer"])
def test_who_sees_a_private_request(api, world, role):
    private = world.request(State.REFUSED, visibility="private", private_until="2099-01-01")
    if role == "reviewer":
        from tests.factories import AppealFactory

        AppealFactory(
            foi_request=private, level=world.levels["internal_review"], reviewing_body=world.cabinet
        )
    user = None if role == "anonymous" else getattr(world, role)
    api.as_(user)
    listed = {r["reference"] for r in api.get("/api/v1/requests/").json()["results"]}
    detail = api.get(f"/api/v1/requests/{private.reference}/")
    if role in ROLES_NOT:
        assert private.reference not in listed
        assert detail.status_code == 404
        assert_one_sentence(detail)
    else:
        assert detail.status_code == 200
        if role != "reviewer":
            assert private.reference in listed


def test_drafts_are_nobodys_business(api, world):
    world.request(State.DRAFT)
    for role in ("requester", "officer", "citizen"):
        listed = api.as_(getattr(world, role)).get("/api/v1/requests/").json()["results"]
        assert not listed


def test_search(api, world, committed):
    from foi import services

    foi_request = world.request(State.IN_PROGRESS, subject="Water quality reports")
    with committed():
        services.foi_request_answer(
            foi_request=foi_request, actor=world.officer, outcome="full", text="Reports attached."
        )
    data = api.get("/api/v1/search/?q=water").json()
    assert data["count"] == 1
    hit = data["results"][0]
    assert hit["reference"] == foi_request.reference
    assert hit["body"] == {"slug": "ministry", "name": "Ministry of Finance"}
    assert "<mark>" in hit["title"] or "<mark>" in hit["snippet"] or hit["title"]
    assert data["facets"]["outcome"][0]["value"] == "full"
    assert data["ranked_within"] is None  # one match: every match ranked
    assert api.get("/api/v1/search/?q=water&body=ministry").json()["count"] == 1
    assert api.get("/api/v1/search/?q=water&body=other").json()["count"] == 0


@pytest.mark.parametrize(
    "query", ["outcome=great", "year=abc", "kind=castle", "body=no-such-body", "page=0"]
)
def test_bad_search_filters_are_400(api, world, query):
    response = api.get(f"/api/v1/search/?q=x&{query}")
    assert response.status_code == 400
    assert_one_sentence(response)


def test_search_unavailable_is_503(api, world, monkeypatch):
    from search import backends

    class Broken:
        def search(self, *args, **kwargs):
            raise ConnectionError("down")

    monkeypatch.setattr("search.api.get_backend", lambda: Broken())
    response = api.get("/api/v1/search/?q=water")
    assert response.status_code == 503
    assert "not available" in assert_one_sentence(response)
    assert backends
