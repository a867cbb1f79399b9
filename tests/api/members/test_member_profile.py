"""``GET /api/v1/members/organisations/{id}/``: the profile as its members see it."""

from decimal import Decimal

import pytest

from hub.members.submissions import submit_profile_changes
from snippets.choices import EmployeeBand
from snippets.models import Organisation
from tests.contract.validation import assert_response_matches_schema
from tests.factories import ImageFactory, SectorFactory, SiteFactory, StandardPageFactory
from tests.factories.members import member_of, token_for
from tests.factories.members import published_organisation as published
from tests.factories.snippets import OrganisationFactory

pytestmark = pytest.mark.django_db


def read_profile(api_client, organisation, member=None):
    member = member or member_of(organisation)
    return api_client.get(
        f"/api/v1/members/organisations/{organisation.pk}/",
        HTTP_AUTHORIZATION=f"Bearer {token_for(member, organisation)}",
    )


def test_the_profile_holds_every_member_editable_field(api_client, contract):
    sector = SectorFactory(slug="kunststoffverarbeitung")
    logo = ImageFactory()
    organisation = published(
        name="Harzer Chemiewerk",
        slug="harzer-chemiewerk",
        website="https://harzer-chemiewerk.example",
        email="info@harzer-chemiewerk.example",
        phone="+49 5321 000000",
        description="<p>Seit 1990 in <b>Goslar</b>.</p>",
        employee_band=EmployeeBand.MEDIUM,
        logo=logo,
        sectors=[sector],
    )

    response = read_profile(api_client, organisation)

    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store"
    assert "Authorization" in response["Vary"]
    assert "ETag" not in response
    assert_response_matches_schema(response, spec=contract)
    body = response.json()
    assert {key: body[key] for key in ("id", "name", "slug", "live", "pending_submission")} == {
        "id": organisation.pk,
        "name": "Harzer Chemiewerk",
        "slug": "harzer-chemiewerk",
        "live": True,
        "pending_submission": None,
    }
    assert body["profile"] == body["draft"]
    assert body["draft"] == {
        "summary": "Produziert Spezialchemikalien am Standort Goslar.",
        "description": "<p>Seit 1990 in <b>Goslar</b>.</p>",
        "sectors": ["kunststoffverarbeitung"],
        "website": "https://harzer-chemiewerk.example",
        "email": "info@harzer-chemiewerk.example",
        "phone": "+49 5321 000000",
        "street": "Im Schleeke 108",
        "postal_code": "38642",
        "city": "Goslar",
        "region": "niedersachsen",
        "country": "DE",
        "latitude": 51.905,
        "longitude": 10.429,
        "logo": {
            "id": logo.pk,
            "url": f"http://testserver{logo.file.url}",
            "width": logo.width,
            "height": logo.height,
        },
        "employee_band": "50-249",
    }


def test_unset_values_are_empty_strings_or_null(api_client):
    organisation = published(region="", latitude=None, longitude=None, summary="")

    draft = read_profile(api_client, organisation).json()["draft"]

    assert (draft["summary"], draft["website"], draft["email"]) == ("", "", "")
    assert draft["region"] is None
    assert draft["latitude"] is draft["longitude"] is None
    assert draft["logo"] is None
    assert draft["employee_band"] is None
    assert draft["sectors"] == []


def test_pending_changes_are_in_the_draft_only(api_client):
    organisation = published(name="Harzer Chemiewerk")
    member = member_of(organisation)
    submission = submit_profile_changes(
        organisation=organisation,
        user=member,
        values={
            "city": "Bad Harzburg",
            "latitude": Decimal("51.879"),
            "longitude": Decimal("10.561"),
        },
    )

    body = read_profile(api_client, organisation, member).json()

    assert body["profile"]["city"] == "Goslar"
    assert body["draft"]["city"] == "Bad Harzburg"
    assert (body["draft"]["latitude"], body["draft"]["longitude"]) == (51.879, 10.561)
    assert body["pending_submission"] == {
        "id": str(submission.public_id),
        "status": "pending",
        "submitted_at": body["pending_submission"]["submitted_at"],
        "status_url": "http://testserver/api/v1/members/organisations/"
        f"{organisation.pk}/submissions/{submission.public_id}/",
    }


def test_a_staff_draft_shows_as_the_draft(api_client):
    organisation = published(name="Harzer Chemiewerk")
    organisation.summary = "Neuer Text der Redaktion."
    organisation.save_revision()

    body = read_profile(api_client, organisation).json()

    assert body["pending_submission"] is None
    assert body["draft"]["summary"] == "Neuer Text der Redaktion."
    assert body["profile"]["summary"] == "Produziert Spezialchemikalien am Standort Goslar."


def test_an_unpublished_organisation_has_no_live_profile(api_client):
    draft = OrganisationFactory(name="Neugründung GmbH", live=False)

    body = read_profile(api_client, draft).json()

    assert body["live"] is False
    assert body["profile"] is None
    assert body["draft"]["city"] == "Goslar"


def test_internal_links_in_the_description_become_frontend_paths(api_client):
    site = SiteFactory(hostname="chemienetzwerk-harz.localhost")
    page = StandardPageFactory(parent=site.root_page, title="Clusteratlas", slug="clusteratlas")
    organisation = published(
        description=f'<p>Siehe <a linktype="page" id="{page.pk}">Clusteratlas</a>.</p>'
    )

    description = read_profile(api_client, organisation).json()["draft"]["description"]

    assert 'linktype="page"' not in description
    assert '<a href="/clusteratlas/">Clusteratlas</a>' in description


def test_unknown_query_parameters_are_refused(api_client):
    organisation = published()
    member = member_of(organisation)

    response = api_client.get(
        f"/api/v1/members/organisations/{organisation.pk}/",
        {"fields": "city"},
        HTTP_AUTHORIZATION=f"Bearer {token_for(member, organisation)}",
    )

    assert response.status_code == 400
    assert response.json()["errors"] == {"fields": ["Unknown query parameter."]}


def test_only_get_is_allowed_on_the_profile(api_client):
    organisation = published()
    member = member_of(organisation)
    headers = {"HTTP_AUTHORIZATION": f"Bearer {token_for(member, organisation)}"}
    url = f"/api/v1/members/organisations/{organisation.pk}/"

    responses = [
        api_client.put(url, {"city": "Oker"}, format="json", **headers),
        api_client.patch(url, {"city": "Oker"}, format="json", **headers),
        api_client.delete(url, **headers),
    ]

    assert [response.status_code for response in responses] == [405, 405, 405]
    assert Organisation.objects.get(pk=organisation.pk).city == "Goslar"
