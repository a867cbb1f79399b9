"""The review in the admin: the reviewers' dashboard panel, the revision comparison it links
to, and the "Member submissions" report."""

import csv
import io
import re

import pytest
from django.db import connection
from django.template.context import make_context
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from hub.members.admin_review import MemberSubmissionsMenuItem
from hub.members.dashboard import MemberSubmissionsPanel
from hub.members.models import SubmissionChannel, SubmissionStatus
from hub.members.submissions import submit_profile_changes
from snippets.models import Organisation
from tests.factories.members import member_of
from tests.factories.snippets import OrganisationFactory
from tests.factories.users import TranslatorFactory, UserFactory, is_denied
from tests.pages.publishing import CommunicationsReviewerFactory, logged_in

pytestmark = pytest.mark.django_db

PANEL_HEADING = "Member updates awaiting review"
REPORT_URL = "/admin/reports/member-submissions/"


def live_organisation(**fields) -> Organisation:
    organisation = OrganisationFactory(**fields)
    organisation.save_revision().publish()
    return Organisation.objects.get(pk=organisation.pk)


def edit_url(organisation) -> str:
    return reverse("wagtailsnippets_snippets_organisation:edit", args=[organisation.pk])


def action_url(organisation, action: str) -> str:
    state = Organisation.objects.get(pk=organisation.pk).current_workflow_state
    return reverse(
        "wagtailsnippets_snippets_organisation:workflow_action",
        args=[organisation.pk, action, state.current_task_state_id],
    )


@pytest.fixture
def reviewer():
    return CommunicationsReviewerFactory(first_name="Rita", last_name="Redaktion")


@pytest.fixture
def zinc():
    return live_organisation(name="Harzer Zinkoxide", slug="harzer-zinkoxide")


@pytest.fixture
def plastics():
    return live_organisation(name="Kunststoffwerk Seesen", slug="kunststoffwerk-seesen")


@pytest.fixture
def zinc_member(zinc):
    return member_of(zinc, first_name="Marta", last_name="Meier")


@pytest.fixture
def plastics_member(plastics):
    return member_of(plastics, first_name="Paul", last_name="Peters")


@pytest.fixture
def pending(zinc, zinc_member, plastics, plastics_member):
    """Two pending submissions: one from the admin, a later one through the API."""
    by_admin = submit_profile_changes(
        organisation=zinc,
        user=zinc_member,
        values={"city": "Bad Harzburg", "phone": "+49 5322 1234"},
        channel=SubmissionChannel.ADMIN,
    )
    by_api = submit_profile_changes(
        organisation=plastics,
        user=plastics_member,
        values={"website": "https://kunststoffwerk-seesen.example"},
        channel=SubmissionChannel.API,
        token_prefix="chm_7Kq2Xb",
    )
    return by_admin, by_api


def panel_html(client) -> str:
    response = client.get(reverse("wagtailadmin_home"))
    match = re.search(
        r'<section[^>]*id="member-submissions-section".*?</section>', response.text, re.S
    )
    return match.group(0) if match else ""


def rows(html: str) -> list[str]:
    match = re.search(r'data-member-submissions="awaiting".*?<tbody>(.*?)</tbody>', html, re.S)
    if not match:
        return []
    return [
        " ".join(re.sub(r"<[^>]+>", " ", row).split())
        for row in re.findall(r"<tr>(.*?)</tr>", match.group(1), re.S)
    ]


# Dashboard panel


def test_reviewers_see_pending_submissions_with_compare_and_review_links(
    reviewer, zinc, plastics, pending
):
    by_admin, by_api = pending

    html = panel_html(logged_in(reviewer))

    assert PANEL_HEADING in html
    zinc_row, plastics_row = rows(html)
    assert zinc_row.startswith("Harzer Zinkoxide Marta Meier Admin")
    assert "City, Phone" in zinc_row
    assert plastics_row.startswith("Kunststoffwerk Seesen Paul Peters API (chm_7Kq2Xb)")
    assert "Website" in plastics_row
    for organisation, submission in ((zinc, by_admin), (plastics, by_api)):
        compare = reverse(
            "wagtailsnippets_snippets_organisation:revisions_compare",
            args=[organisation.pk, organisation.live_revision_id, submission.revision_id],
        )
        assert f'href="{compare}"' in html
        assert f'href="{edit_url(organisation)}"' in html
    assert html.count("Compare with live") == 2
    assert html.count(">Review<") == 2


def test_decided_submissions_leave_the_panel(reviewer, zinc, pending):
    client = logged_in(reviewer)

    client.post(action_url(zinc, "approve"), {"comment": ""})

    [remaining] = rows(panel_html(client))
    assert remaining.startswith("Kunststoffwerk Seesen")


def test_without_pending_submissions_the_panel_says_so(reviewer):
    html = panel_html(logged_in(reviewer))

    assert PANEL_HEADING in html
    assert "No member updates are awaiting review." in html


def test_superusers_see_the_panel(staff_client, pending):
    assert len(rows(panel_html(staff_client))) == 2


def test_members_and_translators_do_not_see_the_panel(zinc_member, pending):
    for user in (zinc_member, TranslatorFactory(), UserFactory(groups=["Editors"])):
        response = logged_in(user).get(reverse("wagtailadmin_home"))
        assert PANEL_HEADING not in response.text
        assert "Compare with live" not in response.text


def render_panel(user) -> tuple[str, int]:
    """The panel's HTML and the queries it took."""
    request = RequestFactory().get("/admin/")
    request.user = user
    panel = MemberSubmissionsPanel()
    panel.render_html(make_context({}, request))
    with CaptureQueriesContext(connection) as queries:
        html = panel.render_html(make_context({}, request))
    return html, len(queries)


def test_the_query_count_does_not_grow_with_the_submissions(reviewer):
    def add_submissions(count: int) -> None:
        for _ in range(count):
            organisation = live_organisation()
            submit_profile_changes(
                organisation=organisation,
                user=member_of(organisation),
                values={"city": "Clausthal-Zellerfeld"},
            )

    add_submissions(2)
    html_for_two, queries_for_two = render_panel(reviewer)
    add_submissions(4)
    html_for_six, queries_for_six = render_panel(reviewer)

    assert html_for_two.count("Compare with live") == 2
    assert html_for_six.count("Compare with live") == 6
    assert queries_for_two == queries_for_six == 1


# Revision comparison


def test_reviewers_compare_the_submission_with_the_live_version(reviewer, zinc, pending):
    by_admin, _ = pending
    compare = reverse(
        "wagtailsnippets_snippets_organisation:revisions_compare",
        args=[zinc.pk, zinc.live_revision_id, by_admin.revision_id],
    )

    response = logged_in(reviewer).get(compare)

    assert response.status_code == 200
    text = response.text
    assert "Goslar" in text and "Bad Harzburg" in text
    assert "+49 5322 1234" in text


def test_members_of_another_organisation_cannot_compare(plastics_member, zinc, pending):
    by_admin, _ = pending
    compare = reverse(
        "wagtailsnippets_snippets_organisation:revisions_compare",
        args=[zinc.pk, zinc.live_revision_id, by_admin.revision_id],
    )

    response = logged_in(plastics_member).get(compare)

    assert response.status_code in (302, 403, 404)
    assert "Bad Harzburg" not in response.text


# Report


@pytest.fixture
def decided(reviewer, zinc, plastics, pending):
    """The zinc submission approved with a comment, the plastics one rejected."""
    client = logged_in(reviewer)
    client.post(action_url(zinc, "approve"), {"comment": "Adresse übernommen."})
    client.post(action_url(plastics, "reject"), {"comment": "Die Website ist nicht erreichbar."})
    return pending


def report_rows(response) -> list[str]:
    assert response.status_code == 200
    body = re.search(r"<tbody>(.*?)</tbody>", response.text, re.S)
    assert body, "the report has a table"
    return [
        " ".join(re.sub(r"<[^>]+>", " ", row).split())
        for row in re.findall(r"<tr[^>]*>(.*?)</tr>", body.group(1), re.S)
    ]


def test_the_report_lists_every_submission_and_decision(reviewer, decided, zinc_member):
    submit_profile_changes(
        organisation=decided[0].organisation, user=zinc_member, values={"city": "Oker"}
    )

    found = report_rows(logged_in(reviewer).get(REPORT_URL))

    assert len(found) == 3
    newest, *older = found
    assert newest.startswith("Harzer Zinkoxide Marta Meier")
    assert "Pending review" in newest
    rejected = next(row for row in older if row.startswith("Kunststoffwerk Seesen"))
    assert "API chm_7Kq2Xb Website Rejected Rita Redaktion" in rejected
    assert "Die Website ist nicht erreichbar." in rejected
    approved = next(row for row in older if row.startswith("Harzer Zinkoxide"))
    assert "Admin" in approved and "City, Phone Approved Rita Redaktion" in approved
    assert "Adresse übernommen." in approved


def test_the_report_filters_by_status_and_organisation(reviewer, decided, zinc, plastics):
    client = logged_in(reviewer)

    rejected = report_rows(client.get(REPORT_URL, {"status": SubmissionStatus.REJECTED}))
    assert len(rejected) == 1 and rejected[0].startswith("Kunststoffwerk Seesen")

    of_zinc = report_rows(client.get(REPORT_URL, {"organisation": zinc.pk}))
    assert len(of_zinc) == 1 and of_zinc[0].startswith("Harzer Zinkoxide")

    nothing = client.get(REPORT_URL, {"organisation": plastics.pk, "status": "approved"})
    assert nothing.status_code == 200
    assert nothing.context["items_count"] == 0
    assert "Die Website ist nicht erreichbar." not in nothing.text


def test_the_report_shows_conflicts_with_staff_edits(reviewer, staff_user, zinc, zinc_member):
    submission = submit_profile_changes(
        organisation=zinc, user=zinc_member, values={"city": "Bad Harzburg"}
    )
    live = Organisation.objects.get(pk=zinc.pk)
    live.city = "Oker"
    live.save_revision(user=staff_user).publish(user=staff_user)
    submission.refresh_from_db()
    assert submission.conflicts

    [row] = report_rows(logged_in(reviewer).get(REPORT_URL))

    assert "City: staff Oker, submitted Bad Harzburg" in row


def test_the_report_exports_csv(reviewer, decided):
    response = logged_in(reviewer).get(REPORT_URL, {"export": "csv"})

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    content = b"".join(response.streaming_content).decode()
    table = list(csv.DictReader(io.StringIO(content)))
    assert {row["Organisation"]: row["Status"] for row in table} == {
        "Harzer Zinkoxide": "Approved",
        "Kunststoffwerk Seesen": "Rejected",
    }
    plastics_row = next(row for row in table if row["Organisation"] == "Kunststoffwerk Seesen")
    assert plastics_row["API token"] == "chm_7Kq2Xb"
    assert plastics_row["Comment"] == "Die Website ist nicht erreichbar."
    assert plastics_row["Decided by"] == "Rita Redaktion"


def test_the_report_exports_xlsx(reviewer, decided):
    from openpyxl import load_workbook

    response = logged_in(reviewer).get(REPORT_URL, {"export": "xlsx"})

    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    header, *table = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert header[:3] == ["Organisation", "Submitted by", "Submitted"]
    assert sorted(row[header.index("Status")] for row in table) == ["Approved", "Rejected"]


def test_staff_who_manage_members_see_the_report(decided):
    moderator = UserFactory(groups=["Moderators"])

    assert len(report_rows(logged_in(moderator).get(REPORT_URL))) == 2


def test_members_translators_and_editors_are_denied_the_report(zinc_member, decided):
    for user in (zinc_member, TranslatorFactory(), UserFactory(groups=["Editors"])):
        response = logged_in(user).get(REPORT_URL)
        assert is_denied(response), user
        assert "Harzer Zinkoxide" not in response.content.decode()


def test_the_reports_menu_offers_the_report_to_whom_may_see_it(reviewer, zinc_member):
    item = MemberSubmissionsMenuItem("Member submissions", REPORT_URL)
    request = RequestFactory().get("/admin/")

    def shown(user) -> bool:
        request.user = user
        return item.is_shown(request)

    assert shown(reviewer)
    assert shown(UserFactory(groups=["Moderators"]))
    assert not shown(zinc_member)
    assert not shown(TranslatorFactory())
