"""The snippet admin: every snippet's views, and the moderated editing of organisations."""

from dataclasses import dataclass, field

import pytest
from django.urls import reverse
from wagtail.models import (
    DraftStateMixin,
    GroupApprovalTask,
    LockableMixin,
    RevisionMixin,
    TranslatableMixin,
    Workflow,
    WorkflowContentType,
    WorkflowMixin,
    WorkflowTask,
)
from wagtail.snippets.models import get_workflow_enabled_models

from snippets.models import Funding, Organisation, Person, Quote, SiteOffer, Topic
from tests.factories import (
    FundingFactory,
    OrganisationFactory,
    PersonFactory,
    QuoteFactory,
    SectorFactory,
    SiteOfferFactory,
    TopicFactory,
)
from tests.factories.forms import organisation_form_data

pytestmark = pytest.mark.django_db


@dataclass(frozen=True)
class Member:
    """Stands for an organisation that a test creates, for objects that refer to one."""

    key: str


@dataclass
class ListingCase:
    """Three objects for a listing: one found by ``search`` and ``filters``, one matching
    the search only and one matching the filters only. ``label`` names each in the listing."""

    factory: type
    found: dict
    search_only: dict
    filter_only: dict
    search: str
    filters: dict = field(default_factory=dict)
    label: str = "name"


LISTING_CASES = {
    Organisation: ListingCase(
        OrganisationFactory,
        found={"name": "Zinkwerk Harz", "kind": "company"},
        search_only={"name": "Zinkforschung Clausthal", "kind": "research_institute"},
        filter_only={"name": "Kunststoffwerk Goslar", "kind": "company"},
        search="Zinkwerk",
        filters={"kind": "company"},
    ),
    Person: ListingCase(
        PersonFactory,
        found={"first_name": "Christoph", "last_name": "Mühlhaus", "consenting": True},
        search_only={"first_name": "Christoph", "last_name": "Weber"},
        filter_only={"first_name": "Anna", "last_name": "Schulz", "consenting": True},
        search="Christoph",
        filters={"contact_consent": "true"},
        label="last_name",
    ),
    SiteOffer: ListingCase(
        SiteOfferFactory,
        found={"title": "Gewerbegebiet Langelsheim Nord", "kind": "plot"},
        search_only={"title": "Halle Langelsheim", "kind": "hall"},
        filter_only={"title": "Gewerbegebiet Seesen", "kind": "plot", "city": "Seesen"},
        search="Langelsheim",
        filters={"kind": "plot"},
        label="title",
    ),
    Topic: ListingCase(
        TopicFactory,
        found={"name": "Kunststoffe", "slug": "kunststoffe", "kind": "sector"},
        search_only={"name": "Kunststoffrecycling", "slug": "kunststoffrecycling", "kind": "topic"},
        filter_only={"name": "Metallurgie", "slug": "metallurgie", "kind": "sector"},
        search="Kunststoff",
        filters={"kind": "sector"},
    ),
    Funding: ListingCase(
        FundingFactory,
        found={"title": "Innovationsforum Recycling", "funder": "BMBF"},
        search_only={"title": "Innovationsforum Kunststoff", "funder": "NBank"},
        filter_only={"title": "Netzwerkförderung", "funder": "BMBF"},
        search="Innovationsforum",
        filters={"funder__icontains": "bmbf"},
        label="title",
    ),
    Quote: ListingCase(
        QuoteFactory,
        found={"text": "Gemeinsam stark im Harz.", "organisation": Member("a")},
        search_only={"text": "Gemeinsam sichtbarer als Region.", "organisation": Member("b")},
        filter_only={"text": "Forschung braucht Partner.", "organisation": Member("a")},
        search="Gemeinsam",
        filters={"organisation": Member("a")},
        label="text",
    ),
}
SNIPPET_MODELS = list(LISTING_CASES)


def url(model, name: str, *args) -> str:
    return reverse(model.snippet_viewset.get_url_name(name), args=args)


def test_every_snippet_has_a_listing_case():
    assert set(SNIPPET_MODELS) == {Organisation, Person, Topic, Funding, Quote, SiteOffer}


@pytest.mark.parametrize("model", SNIPPET_MODELS, ids=lambda model: model.__name__)
def test_listing_searches_and_filters(admin_client, model):
    case = LISTING_CASES[model]
    members = {}

    def resolve(values: dict) -> dict:
        return {
            name: members.setdefault(value.key, OrganisationFactory())
            if isinstance(value, Member)
            else value
            for name, value in values.items()
        }

    found = case.factory(**resolve(case.found))
    case.factory(**resolve(case.search_only))
    case.factory(**resolve(case.filter_only))
    filters = {name: getattr(value, "pk", value) for name, value in resolve(case.filters).items()}

    unfiltered = admin_client.get(url(model, "list"))
    response = admin_client.get(url(model, "list"), {"q": case.search, **filters})

    assert unfiltered.status_code == response.status_code == 200
    assert {obj.pk for obj in unfiltered.context["object_list"]} >= {found.pk}
    assert [obj.pk for obj in response.context["object_list"]] == [found.pk]
    assert getattr(found, case.label) in response.content.decode()


@pytest.mark.parametrize("model", SNIPPET_MODELS, ids=lambda model: model.__name__)
def test_add_and_edit_views_open(admin_client, model):
    obj = LISTING_CASES[model].factory()

    assert admin_client.get(url(model, "add")).status_code == 200
    edit = admin_client.get(url(model, "edit", obj.pk))
    assert edit.status_code == 200
    assert edit.context["object"] == obj


@pytest.mark.parametrize("model", SNIPPET_MODELS, ids=lambda model: model.__name__)
@pytest.mark.parametrize("view", ["list", "add", "edit"])
def test_anonymous_visitors_are_sent_to_the_login(client, model, view):
    args = [LISTING_CASES[model].factory().pk] if view == "edit" else []

    response = client.get(url(model, view, *args))

    assert response.status_code == 302
    assert response.url.startswith(reverse("wagtailadmin_login"))


class TestModeratedOrganisation:
    def form_data(self, *, sectors=(), **changes) -> dict:
        return organisation_form_data(sectors=sectors, **changes)

    def test_organisation_has_the_moderation_mixins(self):
        for mixin in (WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin):
            assert issubclass(Organisation, mixin)
        assert issubclass(Organisation, TranslatableMixin)
        assert Organisation in get_workflow_enabled_models()

    def test_saving_a_new_organisation_makes_a_draft_and_publishing_makes_it_live(
        self, admin_client
    ):
        sector = SectorFactory()

        admin_client.post(url(Organisation, "add"), self.form_data(sectors=[sector]))
        organisation = Organisation.objects.get(slug="harzer-zinkoxide")

        assert organisation.live is False
        assert organisation.has_unpublished_changes
        assert organisation.revisions.count() == 1
        assert organisation.live_revision is None
        assert list(organisation.sectors.all()) == [sector]

        admin_client.post(
            url(Organisation, "edit", organisation.pk),
            self.form_data(sectors=[sector], **{"action-publish": "action-publish"}),
        )
        organisation.refresh_from_db()

        assert organisation.live is True
        assert organisation.live_revision == organisation.latest_revision
        assert organisation.revisions.count() == 2

    def test_a_slug_taken_in_the_locale_is_refused_by_the_form(self, admin_client):
        OrganisationFactory(slug="harzer-zinkoxide")

        response = admin_client.post(url(Organisation, "add"), self.form_data())

        assert response.status_code == 200
        assert set(response.context["form"].errors) == {"slug"}
        assert Organisation.objects.filter(slug="harzer-zinkoxide").count() == 1

    def test_a_submission_waits_in_the_workflow_until_staff_approve(self, admin_client):
        workflow = Workflow.objects.create(name="Mitgliedsprofile")
        task = GroupApprovalTask.objects.create(name="Redaktion prüft")
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
        WorkflowContentType.objects.update_or_create(
            content_type=Organisation.get_content_type(), defaults={"workflow": workflow}
        )

        admin_client.post(
            url(Organisation, "add"), self.form_data(**{"action-submit": "action-submit"})
        )
        organisation = Organisation.objects.get(slug="harzer-zinkoxide")
        state = organisation.current_workflow_state

        assert organisation.live is False
        assert state is not None and state.status == "in_progress"

        admin_client.post(
            url(
                Organisation,
                "workflow_action",
                organisation.pk,
                "approve",
                state.current_task_state.pk,
            ),
            {"comment": "Passt."},
        )
        organisation.refresh_from_db()

        assert organisation.live is True
        assert organisation.current_workflow_state is None

    def test_lock_and_unlock(self, admin_client, admin_user):
        organisation = OrganisationFactory()

        admin_client.post(url(Organisation, "lock", organisation.pk))
        organisation.refresh_from_db()
        assert organisation.locked is True
        assert organisation.locked_by == admin_user

        admin_client.post(url(Organisation, "unlock", organisation.pk))
        organisation.refresh_from_db()
        assert organisation.locked is False
