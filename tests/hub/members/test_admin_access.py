"""Who reaches which organisation view in the Wagtail admin: the authorisation matrix.

Member accounts see and change only their own organisations; another organisation, a
translation and an id that does not exist all answer the same 404. Staff and translators
keep the rules they had (hub.translation.permissions).
"""

from dataclasses import dataclass

import pytest
from django.contrib.auth.models import Permission
from django.db import connection
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.admin.menu import MenuItem, admin_menu
from wagtail.permissions import policy_registry
from wagtail.test.utils.form_data import rich_text

from hub.members.models import OrganisationMember, SubmissionChannel, SubmissionStatus
from hub.members.permissions import MemberAwareOrganisationPolicy
from hub.members.roles import MemberRole
from hub.members.submissions import submit_profile_changes
from snippets.models import Organisation
from tests.factories.forms import organisation_form_data
from tests.factories.members import MemberFactory, grant, member_of
from tests.factories.pages import HomePageFactory
from tests.factories.snippets import OrganisationFactory, translated_copy
from tests.factories.users import TranslatorFactory, UserFactory, is_denied
from tests.pages.publishing import EditorFactory, logged_in

pytestmark = pytest.mark.django_db

# Outcomes
LOGIN = "redirected to the login"
DENIED = "denied"
NOT_FOUND = "404"
OK = "200"
DONE = "done (redirect)"
LISTED = "A listed"
NOT_LISTED = "A not listed"


def url(name: str, *args) -> str:
    return reverse(f"wagtailsnippets_snippets_organisation:{name}", args=args)


def outcome(response) -> str:
    if response.status_code == 302 and response.url.startswith(reverse("wagtailadmin_login")):
        return LOGIN
    if is_denied(response):
        return DENIED
    if response.status_code == 404:
        return NOT_FOUND
    if response.status_code == 302:
        return DONE
    assert response.status_code == 200, response.status_code
    return OK


@dataclass
class Scene:
    a: Organisation
    b: Organisation
    revisions: tuple[int, int]

    def member_form(self, **changes) -> dict:
        return member_form_data(self.a, **changes)

    def staff_form(self, **changes) -> dict:
        return organisation_form_data(name=self.a.name, slug=self.a.slug, **changes)


def member_form_data(organisation, **changes) -> dict:
    """What the member's profile form posts: only the fields members may change."""
    return {
        "sectors": [sector.pk for sector in organisation.sectors.all()],
        "summary": organisation.summary,
        # An empty Draftail editor posts null.
        "description": rich_text(organisation.description) if organisation.description else "null",
        "employee_band": organisation.employee_band,
        "website": organisation.website,
        "email": organisation.email,
        "phone": organisation.phone,
        "street": organisation.street,
        "postal_code": organisation.postal_code,
        "city": organisation.city,
        "region": organisation.region,
        "country": organisation.country,
        "latitude": str(organisation.latitude or ""),
        "longitude": str(organisation.longitude or ""),
        **changes,
    }


@pytest.fixture
def scene() -> Scene:
    a = OrganisationFactory(name="Harzer Zinkoxide", slug="harzer-zinkoxide")
    first = a.save_revision()
    first.publish()
    second = a.save_revision()
    b = OrganisationFactory(name="Kunststoffwerk Seesen", slug="kunststoffwerk-seesen")
    b.save_revision().publish()
    return Scene(a=Organisation.objects.get(pk=a.pk), b=b, revisions=(first.pk, second.pk))


def staff_editor():
    """A user in Wagtail's "Editors" who may view, change and publish organisations."""
    user = EditorFactory()
    user.user_permissions.add(
        *Permission.objects.filter(
            content_type__app_label="snippets",
            codename__in=["view_organisation", "change_organisation", "publish_organisation"],
        )
    )
    return user


def client_for(actor: str, scene: Scene) -> Client:
    if actor == "anonymous":
        return Client()
    if actor == "editor_a":
        return logged_in(member_of(scene.a, MemberRole.EDITOR))
    if actor == "editor_b":
        return logged_in(member_of(scene.b, MemberRole.EDITOR))
    if actor == "viewer_a":
        return logged_in(member_of(scene.a, MemberRole.VIEWER))
    if actor == "revoked_a":
        member = member_of(scene.a, MemberRole.EDITOR)
        OrganisationMember.objects.filter(user=member).update(revoked_at=timezone.now())
        return logged_in(member)
    if actor == "deactivated_a":
        member = member_of(scene.a, MemberRole.EDITOR)
        client = logged_in(member)
        member.is_active = False
        member.save()
        return client
    if actor == "superuser":
        return logged_in(UserFactory(is_superuser=True))
    if actor == "staff_editor":
        return logged_in(staff_editor())
    if actor == "translator":
        return logged_in(TranslatorFactory())
    raise ValueError(actor)


VIEWS = ("index", "edit", "edit_post", "inspect", "history", "compare", "preview")
VIEWS += ("delete", "lock", "unpublish")
ALL_LOGIN = dict.fromkeys(VIEWS, LOGIN)
MEMBER_OF_B = {"index": NOT_LISTED} | dict.fromkeys(VIEWS[1:], NOT_FOUND)

# fmt: off
EXPECTED = {
    "anonymous": ALL_LOGIN,
    "editor_a": {
        "index": LISTED, "edit": OK, "edit_post": DONE, "inspect": OK, "history": OK,
        "compare": OK, "preview": OK, "delete": DENIED, "lock": DENIED, "unpublish": DENIED,
    },
    "editor_b": MEMBER_OF_B,
    "viewer_a": {
        "index": LISTED, "edit": DENIED, "edit_post": DENIED, "inspect": OK, "history": OK,
        "compare": DENIED, "preview": DENIED, "delete": DENIED, "lock": DENIED,
        "unpublish": DENIED,
    },
    # Still a member account, but of no organisation any more.
    "revoked_a": {"index": DENIED} | dict.fromkeys(VIEWS[1:], NOT_FOUND),
    "deactivated_a": ALL_LOGIN,
    "superuser": {
        "index": LISTED, "edit": OK, "edit_post": DONE, "inspect": OK, "history": OK,
        "compare": OK, "preview": OK, "delete": OK, "lock": DONE, "unpublish": OK,
    },
    "staff_editor": {
        "index": LISTED, "edit": OK, "edit_post": DONE, "inspect": OK, "history": OK,
        "compare": OK, "preview": OK, "delete": DENIED, "lock": DENIED, "unpublish": OK,
    },
    # Translators work on English organisations; the German source is read-only to them.
    "translator": {
        "index": LISTED, "edit": DENIED, "edit_post": DENIED, "inspect": OK, "history": OK,
        "compare": OK, "preview": DENIED, "delete": DENIED, "lock": DENIED,
        "unpublish": DENIED,
    },
}
# fmt: on


def request_view(client: Client, view: str, scene: Scene, actor: str):
    a = scene.a.pk
    if view == "index":
        return client.get(url("list"))
    if view == "edit":
        return client.get(url("edit", a))
    if view == "edit_post":
        data = scene.staff_form(city="Bad Harzburg")
        if actor.endswith(("_a", "_b")):
            data = scene.member_form(city="Bad Harzburg")
        return client.post(url("edit", a), data)
    if view == "compare":
        first, second = scene.revisions
        return client.get(url("revisions_compare", a, first, second))
    if view == "lock":
        return client.post(url("lock", a))
    if view == "preview":
        return client.get(url("preview_on_edit", a))
    return client.get(url(view, a))


@pytest.mark.parametrize("view", VIEWS)
@pytest.mark.parametrize("actor", list(EXPECTED))
def test_authorisation_matrix(scene, actor, view):
    client = client_for(actor, scene)
    revisions_before = scene.a.revisions.count()

    response = request_view(client, view, scene, actor)

    expected = EXPECTED[actor][view]
    if expected in (LISTED, NOT_LISTED):
        assert outcome(response) == OK
        listed = {organisation.pk for organisation in response.context["object_list"]}
        assert (scene.a.pk in listed) == (expected == LISTED)
        if actor == "editor_b":
            assert listed == {scene.b.pk}
    else:
        assert outcome(response) == expected
    scene.a.refresh_from_db()
    if view == "edit_post":
        saved = expected == DONE
        assert scene.a.revisions.count() == revisions_before + saved
        assert scene.a.city == "Goslar", "the live profile never changes on saving a draft"
        assert scene.a.get_latest_revision_as_object().city == (
            "Bad Harzburg" if saved else "Goslar"
        )
    if view == "lock":
        assert scene.a.locked == (expected == DONE)


def url_names_with_object(a, revision: int, task_state: int, task: int, workflow_state: int):
    """Every per-object URL of the organisation viewset, with arguments for ``a``."""
    return {
        "edit": (a,),
        "delete": (a,),
        "usage": (a,),
        "history": (a,),
        "history_results": (a,),
        "inspect": (a,),
        "preview_on_edit": (a,),
        "revisions_view": (a, revision),
        "revisions_revert": (a, revision),
        "revisions_compare": (a, "earliest", revision),
        "revisions_unschedule": (a, revision),
        "unpublish": (a,),
        "lock": (a,),
        "unlock": (a,),
        "workflow_action": (a, "approve", task_state),
        "collect_workflow_action_data": (a, "approve", task_state),
        "confirm_workflow_cancellation": (a,),
        "workflow_history": (a,),
        "workflow_history_detail": (a, workflow_state),
        "workflow_preview": (a, task),
    }


@pytest.fixture
def submitted(scene) -> Scene:
    """A's profile with a submission under review, so that workflow URLs have their ids."""
    submit_profile_changes(
        organisation=scene.a, user=member_of(scene.a), values={"city": "Bad Harzburg"}
    )
    scene.a.refresh_from_db()
    return scene


def workflow_ids(organisation) -> dict:
    state = organisation.current_workflow_state
    return {
        "revision": organisation.latest_revision_id,
        "task_state": state.current_task_state.pk,
        "task": state.current_task_state.task_id,
        "workflow_state": state.pk,
    }


def test_every_object_view_answers_another_member_with_the_same_404(submitted):
    a = submitted.a
    english = translated_copy(a)
    missing = Organisation.objects.order_by("-pk").first().pk + 1000
    client = client_for("editor_b", submitted)
    ids = workflow_ids(a)

    answers = {}
    for name, args in url_names_with_object(a.pk, **ids).items():
        for label, pk in (("A", a.pk), ("English A", english.pk), ("missing", missing)):
            target = url(name, pk, *args[1:])
            for method in ("get", "post"):
                response = getattr(client, method)(target)
                answers[(name, label, method)] = (response.status_code, response.content)

    not_found = next(iter(answers.values()))
    assert not_found[0] == 404
    assert {key: answer for key, answer in answers.items() if answer != not_found} == {}
    a.refresh_from_db()
    assert a.current_workflow_state is not None and not a.locked


# On the member's own organisation: what an editor and a viewer get from each view.
# fmt: off
OWN_ORGANISATION = {
    # view name: (editor, viewer)
    "edit": (OK, DENIED),
    "delete": (DENIED, DENIED),
    "usage": (DENIED, DENIED),
    "history": (OK, OK),
    "history_results": (OK, OK),
    "inspect": (OK, OK),
    "revisions_view": (OK, DENIED),
    # A revert would bring back staff-only fields the member's form does not show.
    "revisions_revert": (DENIED, DENIED),
    "revisions_compare": (OK, DENIED),
    "revisions_unschedule": (DENIED, DENIED),
    "unpublish": (DENIED, DENIED),
    "lock": (DENIED, DENIED),
    "unlock": (DENIED, DENIED),
    # Members hold no task of the review workflow.
    "workflow_action": (DENIED, DENIED),
    "collect_workflow_action_data": (DENIED, DENIED),
    "workflow_history": (OK, DENIED),
    "workflow_history_detail": (OK, DENIED),
    "workflow_preview": (DENIED, DENIED),
}
# fmt: on


@pytest.mark.parametrize("name", list(OWN_ORGANISATION))
def test_members_on_their_own_organisation(submitted, name):
    a = submitted.a
    args = url_names_with_object(a.pk, **workflow_ids(a))[name]
    target = url(name, *args)
    editor, viewer = (
        logged_in(member_of(a, MemberRole.EDITOR)),
        logged_in(member_of(a, MemberRole.VIEWER)),
    )

    assert (outcome(editor.get(target)), outcome(viewer.get(target))) == OWN_ORGANISATION[name]


@pytest.mark.parametrize(
    "name",
    [
        "delete",
        "unpublish",
        "lock",
        "revisions_revert",
        "revisions_unschedule",
        "workflow_action",
        "collect_workflow_action_data",
    ],
)
def test_an_editor_posting_to_a_view_that_is_not_theirs_changes_nothing(submitted, name):
    a = submitted.a
    args = url_names_with_object(a.pk, **workflow_ids(a))[name]
    revisions = a.revisions.count()

    response = logged_in(member_of(a, MemberRole.EDITOR)).post(url(name, *args))

    assert outcome(response) == DENIED
    a.refresh_from_db()
    assert (a.live, a.locked, a.revisions.count()) == (True, False, revisions)
    assert a.current_workflow_state.status == "in_progress"


def test_a_member_of_several_organisations_sees_each_with_its_role(scene):
    member = member_of(scene.a, MemberRole.VIEWER)
    grant(member, scene.b, MemberRole.EDITOR)
    client = logged_in(member)

    listing = client.get(url("list"))

    assert {o.pk for o in listing.context["object_list"]} == {scene.a.pk, scene.b.pk}
    assert outcome(client.get(url("edit", scene.b.pk))) == OK
    assert outcome(client.get(url("edit", scene.a.pk))) == DENIED


def test_the_listing_shows_a_member_only_their_organisation_also_in_search_and_export(scene):
    client = logged_in(member_of(scene.a))

    search = client.get(url("list"), {"q": "Kunststoffwerk"})
    export = client.get(url("list"), {"export": "csv"})

    assert list(search.context["object_list"]) == []
    exported = b"".join(export.streaming_content).decode()
    assert "Kunststoffwerk" not in exported
    assert "Harzer Zinkoxide" in exported


def test_the_organisation_chooser_offers_members_their_own_organisations_only(scene):
    client = logged_in(member_of(scene.a))
    choose = reverse("wagtailsnippetchoosers_snippets_organisation:choose")
    chosen = reverse("wagtailsnippetchoosers_snippets_organisation:chosen", args=[scene.b.pk])

    response = client.get(choose)

    assert "Harzer Zinkoxide" in response.content.decode()
    assert "Kunststoffwerk" not in response.content.decode()
    assert client.get(chosen).status_code == 404
    own = reverse("wagtailsnippetchoosers_snippets_organisation:chosen", args=[scene.a.pk])
    assert client.get(own).status_code == 200


def test_bulk_delete_tells_a_member_nothing_about_other_organisations(scene):
    client = logged_in(member_of(scene.a))
    bulk_delete = reverse("wagtail_bulk_action", args=["snippets", "organisation", "delete"])

    for query in (f"?id={scene.b.pk}", "?id=all", f"?id={scene.a.pk}"):
        response = client.get(bulk_delete + query)
        assert response.status_code == 404
        assert "Kunststoffwerk" not in response.content.decode()
    response = client.post(bulk_delete + f"?id={scene.a.pk}")
    assert response.status_code == 404
    assert Organisation.objects.filter(pk=scene.a.pk).exists()


# The policy itself


def test_the_policy_answers_members_from_their_rows_only(scene):
    editor, viewer = member_of(scene.a), member_of(scene.a, MemberRole.VIEWER)
    english = translated_copy(scene.a)
    policy = policy_registry.get_by_type(Organisation)

    assert isinstance(policy, MemberAwareOrganisationPolicy)
    for action in ("view", "change"):
        assert policy.user_has_permission(editor, action)
        assert policy.user_has_permission_for_instance(editor, action, scene.a)
        assert not policy.user_has_permission_for_instance(editor, action, scene.b)
        assert not policy.user_has_permission_for_instance(editor, action, english)
    assert policy.user_has_permission(viewer, "view")
    assert not policy.user_has_permission(viewer, "change")
    assert not policy.user_has_permission_for_instance(viewer, "change", scene.a)
    for action in ("add", "delete", "publish", "lock", "unlock"):
        assert not policy.user_has_permission(editor, action)
        assert not policy.user_has_permission_for_instance(editor, action, scene.a)
    assert set(policy.instances_user_has_any_permission_for(editor, ["view"])) == {scene.a}
    assert set(policy.instances_user_has_any_permission_for(viewer, ["change"])) == set()
    assert set(policy.instances_user_has_any_permission_for(viewer, ["view", "change"])) == {
        scene.a
    }
    assert editor in policy.users_with_any_permission_for_instance(["change"], scene.a)
    assert viewer not in policy.users_with_any_permission_for_instance(["change"], scene.a)
    assert viewer in policy.users_with_any_permission_for_instance(["view"], scene.a)
    assert editor not in policy.users_with_any_permission_for_instance(["view"], scene.b)


def test_a_member_account_with_model_permissions_still_gets_only_its_organisations(scene):
    """Members' access follows their rows, even if someone gave the account permissions."""
    member = member_of(scene.a, MemberRole.VIEWER)
    member.user_permissions.add(
        *Permission.objects.filter(
            content_type__app_label="snippets", codename__endswith="_organisation"
        )
    )
    member = type(member).objects.get(pk=member.pk)
    policy = policy_registry.get_by_type(Organisation)

    assert not policy.user_has_permission_for_instance(member, "change", scene.a)
    assert not policy.user_has_permission_for_instance(member, "view", scene.b)
    assert not policy.user_has_permission(member, "delete")


# Losing access


def test_a_deactivated_member_is_sent_to_the_login_on_the_next_request(scene):
    member = member_of(scene.a)
    client = logged_in(member)
    assert outcome(client.get(url("edit", scene.a.pk))) == OK

    member.is_active = False
    member.save(update_fields=["is_active"])

    assert outcome(client.get(url("edit", scene.a.pk))) == LOGIN
    assert outcome(client.get(reverse("wagtailadmin_home"))) == LOGIN


def test_a_revoked_member_loses_the_organisation_on_the_next_request(scene):
    member = member_of(scene.a)
    client = logged_in(member)
    assert outcome(client.get(url("edit", scene.a.pk))) == OK

    OrganisationMember.objects.filter(user=member).update(revoked_at=timezone.now())

    assert outcome(client.get(url("edit", scene.a.pk))) == NOT_FOUND
    response = client.post(url("edit", scene.a.pk), scene.member_form(city="Bad Harzburg"))
    assert outcome(response) == NOT_FOUND
    assert scene.a.revisions.count() == 2


# The rest of the admin


def menu_names(user) -> dict[str, list[str]]:
    """The main menu's item names for ``user``, with the names inside each submenu."""
    request = RequestFactory().get("/admin/")
    request.user = user
    names = {}
    for item in admin_menu.menu_items_for_request(request):
        inner = getattr(item, "menu", None)
        names[item.name] = (
            sorted(child.name for child in inner.menu_items_for_request(request)) if inner else []
        )
    return names


def test_a_members_menu_has_only_their_organisations(scene):
    member = member_of(scene.a)

    names = menu_names(member)

    assert set(names) <= {"directory", "member-api-tokens"}
    assert names["directory"] == ["organisations"]


def test_the_menu_hook_keeps_the_api_tokens_item_for_members_only(scene):
    from hub.members.admin_access import trim_main_menu_for_members

    def items():
        return [
            MenuItem("Pages", "/admin/pages/", name="explorer"),
            MenuItem("Directory", "#", name="directory"),
            MenuItem("API tokens", "/admin/member-api-tokens/", name="member-api-tokens"),
            MenuItem("Help", "#", name="help"),
        ]

    names = {}
    for label, user in (("member", member_of(scene.a)), ("staff", UserFactory(is_superuser=True))):
        request = RequestFactory().get("/admin/")
        request.user = user
        menu = items()
        trim_main_menu_for_members(request, menu)
        names[label] = [item.name for item in menu]

    assert names["member"] == ["directory", "member-api-tokens"]
    assert names["staff"] == ["explorer", "directory", "member-api-tokens", "help"]


def test_a_viewers_menu_has_their_organisations_too(scene):
    assert menu_names(member_of(scene.a, MemberRole.VIEWER))["directory"] == ["organisations"]


def test_staff_menus_are_unchanged(scene):
    names = menu_names(UserFactory(is_superuser=True))

    assert {"explorer", "directory", "reports", "settings", "help", "images", "documents"} <= (
        set(names)
    )
    assert {"organisations", "people", "site-offers"} <= set(names["directory"])


def test_the_member_dashboard_shows_their_organisations_and_no_page_panels(scene):
    member = member_of(scene.a)
    grant(member, scene.b, MemberRole.VIEWER)
    submit_profile_changes(organisation=scene.a, user=member, values={"city": "Bad Harzburg"})
    other = OrganisationFactory(name="Metallhütte Oker", slug="metallhuette-oker")
    client = logged_in(member)

    response = client.get(reverse("wagtailadmin_home"))

    assert response.status_code == 200
    panels = [type(panel).__name__ for panel in response.context["panels"]]
    assert panels == ["MemberOrganisationsPanel"]
    html = response.content.decode()
    assert other.name not in html
    assert html.count('data-organisation="') == 2
    assert f'href="{url("edit", scene.a.pk)}"' in html
    assert f'href="{url("inspect", scene.b.pk)}"' in html
    assert f'href="{url("edit", scene.b.pk)}"' not in html
    assert f'data-submission-status="{SubmissionStatus.PENDING}"' in html
    assert "Pending review" in html


def test_the_dashboard_panel_costs_the_same_queries_for_more_organisations(scene):
    from hub.members.admin_access import member_organisation_rows

    def rows_and_queries(member):
        member = type(member).objects.get(pk=member.pk)
        with CaptureQueriesContext(connection) as queries:
            rows = member_organisation_rows(member)
        return rows, len(queries)

    member = member_of(scene.a)
    rows_for_one, queries_for_one = rows_and_queries(member)
    for index in range(3):
        grant(member, OrganisationFactory(slug=f"weitere-{index}"), MemberRole.VIEWER)
    rows_for_four, queries_for_four = rows_and_queries(member)

    assert (len(rows_for_one), len(rows_for_four)) == (1, 4)
    assert queries_for_four == queries_for_one <= 3
    assert {row["role"] for row in rows_for_four} == {MemberRole.EDITOR, MemberRole.VIEWER}


def test_staff_dashboards_keep_wagtails_panels(scene):
    response = logged_in(UserFactory(is_superuser=True)).get(reverse("wagtailadmin_home"))

    panels = {type(panel).__name__ for panel in response.context["panels"]}
    assert "MemberOrganisationsPanel" not in panels
    assert {"WorkflowObjectsToModeratePanel", "RecentEditsPanel"} <= panels


# Admin areas a member might type into the address bar
OTHER_AREAS = [
    ("wagtailadmin_explore_root", ()),
    ("wagtailadmin_pages:search", ()),
    ("wagtailimages:index", ()),
    ("wagtailimages:add_multiple", ()),
    ("wagtaildocs:index", ()),
    ("wagtailusers_users:index", ()),
    ("wagtailusers_groups:index", ()),
    ("wagtailsites:index", ()),
    ("wagtailadmin_workflows:index", ()),
    ("wagtailadmin_reports:locked_pages", ()),
    ("wagtailadmin_reports:workflow", ()),
    ("wagtailadmin_reports:aging_pages", ()),
    ("wagtailsnippets_snippets_person:list", ()),
    ("wagtailsnippets_snippets_siteoffer:list", ()),
    ("wagtailsnippets_snippets_topic:list", ()),
    ("wagtailsnippets_snippets_funding:list", ()),
    ("wagtailsnippets_snippets_organisation:add", ()),
    ("wagtail_localize:submit_snippet_translation", ("snippets", "organisation", "{a}")),
    ("wagtailsettings:edit", ("hub", "hubsettings")),
]


@pytest.mark.parametrize("name,args", OTHER_AREAS, ids=[name for name, _ in OTHER_AREAS])
def test_other_admin_areas_are_denied_to_members(scene, name, args):
    HomePageFactory()
    client = logged_in(member_of(scene.a))
    target = reverse(name, args=[str(arg).format(a=scene.a.pk) for arg in args])

    response = client.get(target)

    assert outcome(response) in (DENIED, NOT_FOUND), (target, response.status_code)


BOUNDARY_MIDDLEWARE = "hub.members.permissions.MemberAdminBoundaryMiddleware"

# What Wagtail and wagtail-localize show any admin user, whatever their permissions.
PERMISSION_BLIND_VIEWS = [
    ("wagtailsnippetchoosers_snippets_person:choose", (), ""),
    ("wagtailsnippetchoosers_snippets_person:choose_results", (), ""),
    ("wagtail_localize:snippets_api_listing", ("snippets", "organisation"), ""),
    ("wagtail_localize:snippets_api_detail", ("snippets", "organisation", "{b}"), ""),
    ("wagtail_localize:translations_report", (), ""),
    ("wagtail_bulk_action", ("wagtailcore", "page", "delete"), "?id={page}"),
    ("wagtailadmin_choose_page_child", ("{root}",), ""),
    ("wagtailadmin_choose_page_search", (), "?q=Startseite"),
    ("wagtailadmin_api:pages:listing", (), ""),
    ("wagtailadmin_reports:site_history", (), ""),
    ("wagtailadmin_tag_autocomplete", (), "?term=e"),
]


@pytest.fixture
def boundary(settings):
    if BOUNDARY_MIDDLEWARE not in settings.MIDDLEWARE:
        settings.MIDDLEWARE = [*settings.MIDDLEWARE, BOUNDARY_MIDDLEWARE]


@pytest.fixture
def no_boundary(settings):
    settings.MIDDLEWARE = [name for name in settings.MIDDLEWARE if name != BOUNDARY_MIDDLEWARE]


@pytest.fixture
def person_and_page(scene):
    from tests.factories.snippets import PersonFactory

    PersonFactory(first_name="Gesine", last_name="Vertraulich")
    return HomePageFactory(title="Unveroeffentlichte Startseite", live=False)


@pytest.mark.parametrize(
    "name,args,query", PERMISSION_BLIND_VIEWS, ids=[name for name, *_ in PERMISSION_BLIND_VIEWS]
)
def test_the_boundary_keeps_members_out_of_permission_blind_views(
    boundary, scene, person_and_page, name, args, query
):
    page = person_and_page
    values = {"b": scene.b.pk, "root": page.get_parent().pk, "page": page.pk}
    target = reverse(name, args=[arg.format(**values) for arg in args]) + query.format(**values)
    staff_response = logged_in(UserFactory(is_superuser=True)).get(target)

    response = logged_in(member_of(scene.a)).get(target)

    assert response.status_code == 404
    for secret in ("Vertraulich", "Unveroeffentlichte", "Kunststoffwerk"):
        assert secret not in response.content.decode()
    assert staff_response.status_code == 200, "staff keep these views"


def test_without_the_boundary_these_views_name_other_snippets(no_boundary, scene, person_and_page):
    """Why the boundary is needed: Wagtail serves these views to every admin user."""
    member = logged_in(member_of(scene.a))
    chooser = reverse("wagtailsnippetchoosers_snippets_person:choose_results")
    listing = reverse("wagtail_localize:snippets_api_listing", args=["snippets", "organisation"])

    assert "Vertraulich" in member.get(chooser).content.decode()
    assert "Kunststoffwerk" in member.get(listing).content.decode()


def test_the_members_link_chooser_opens_on_the_external_link_form(boundary, scene):
    member = logged_in(member_of(scene.a))
    staff = logged_in(UserFactory(is_superuser=True))
    chooser = reverse("wagtailadmin_choose_page") + "?link_text=Website"

    response = member.get(chooser)

    assert response.status_code == 302
    assert response.url == (
        reverse("wagtailadmin_choose_page_external_link") + "?link_text=Website"
    )
    assert member.get(response.url).status_code == 200
    assert staff.get(chooser).status_code == 200


def test_the_boundary_leaves_the_members_own_views_alone(boundary, scene):
    member = logged_in(member_of(scene.a))

    for target in (
        reverse("wagtailadmin_home"),
        url("list"),
        url("edit", scene.a.pk),
        reverse("wagtailsnippetchoosers_snippets_organisation:choose"),
        reverse("wagtailadmin_account"),
    ):
        assert member.get(target).status_code == 200, target


def test_a_member_submitting_from_the_admin_is_recorded_as_such(scene):
    """(The full editing flow is in test_admin_editing.py.)"""
    member = member_of(scene.a)
    client = logged_in(member)

    client.post(url("edit", scene.a.pk), scene.member_form(city="Oker") | {"action-submit": "1"})

    submission = scene.a.profile_submissions.get()
    assert submission.channel == SubmissionChannel.ADMIN
    assert submission.submitted_by == member


def test_member_accounts_hold_no_model_permissions():
    member = MemberFactory()

    assert {p for p in member.get_all_permissions()} == {"wagtailadmin.access_admin"}
