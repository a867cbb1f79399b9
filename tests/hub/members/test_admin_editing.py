"""A member edits their organisation's profile in the Wagtail admin and submits it for review.

The member's form has only the fields members may change; saving makes a draft revision,
submitting starts "Member profile review" and records a ProfileSubmission. The live profile
and the public API stay as they were until staff approve.
"""

import io
import os

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.images import get_image_model

from hub.members.logos import LOGO_COLLECTION
from hub.members.models import ProfileSubmission, SubmissionChannel, SubmissionStatus
from hub.members.roles import WORKFLOW, MemberRole
from hub.members.submissions import MEMBER_EDITABLE_FIELDS
from snippets.models import Organisation
from tests.factories import HomePageFactory, NetworkPageFactory
from tests.factories.images import ImageFactory
from tests.factories.members import member_of
from tests.factories.snippets import MembershipFactory, OrganisationFactory, SectorFactory
from tests.factories.users import UserFactory
from tests.hub.members.test_admin_access import member_form_data
from tests.pages.publishing import logged_in

pytestmark = pytest.mark.django_db

STAFF_ONLY_FIELDS = ("name", "slug", "kind", "legal_form", "founded_year")


def edit_url(organisation) -> str:
    return reverse("wagtailsnippets_snippets_organisation:edit", args=[organisation.pk])


def public_api(client, organisation) -> dict:
    response = client.get(f"/api/v1/organisations/{organisation.pk}/")
    assert response.status_code == 200
    return response.json()


def image_upload(name="logo.png", image_format="PNG", size=(120, 60)) -> SimpleUploadedFile:
    buffer = io.BytesIO()
    PILImage.new("RGB", size, "teal").save(buffer, image_format)
    return SimpleUploadedFile(name, buffer.getvalue())


@pytest.fixture
def organisation():
    organisation = OrganisationFactory(
        name="Harzer Zinkoxide", slug="harzer-zinkoxide", founded_year=1998
    )
    organisation.save_revision().publish()
    return Organisation.objects.get(pk=organisation.pk)


@pytest.fixture
def member(organisation):
    return member_of(organisation, MemberRole.EDITOR)


def test_the_member_form_has_only_the_fields_members_may_change(organisation, member):
    response = logged_in(member).get(edit_url(organisation))

    form = response.context["form"]
    assert set(form.fields) == (set(MEMBER_EDITABLE_FIELDS) - {"logo"}) | {"logo_upload"}
    assert form.formsets == {}
    html = response.content.decode()
    assert 'name="logo_upload"' in html and 'accept="image/png,image/jpeg,image/webp"' in html
    assert 'enctype="multipart/form-data"' in html
    assert 'name="action-submit"' in html
    assert 'name="action-publish"' not in html
    assert 'name="name"' not in html


def test_staff_keep_the_full_form(organisation):
    response = logged_in(UserFactory(is_superuser=True)).get(edit_url(organisation))

    form = response.context["form"]
    assert set(STAFF_ONLY_FIELDS) | {"logo", "go_live_at", "expire_at"} <= set(form.fields)
    assert "logo_upload" not in form.fields
    assert set(form.formsets) == {"memberships"}
    assert 'name="action-publish"' in response.content.decode()


def test_saving_makes_a_draft_and_leaves_the_live_profile_and_the_api_alone(
    client, organisation, member
):
    sector = SectorFactory(name="Zinkverarbeitung")
    api_before = public_api(client, organisation)
    revisions = organisation.revisions.count()

    response = logged_in(member).post(
        edit_url(organisation),
        member_form_data(
            organisation,
            city="Bad Harzburg",
            summary="Zinkoxid und Zinkstaub aus dem Harz.",
            phone="+49 5321 123456",
            sectors=[sector.pk],
        ),
    )

    assert response.status_code == 302 and response.url == edit_url(organisation)
    organisation.refresh_from_db()
    assert organisation.revisions.count() == revisions + 1
    draft = organisation.get_latest_revision_as_object()
    assert (draft.city, draft.phone) == ("Bad Harzburg", "+49 5321 123456")
    assert list(draft.sectors.all()) == [sector]
    assert organisation.city == "Goslar" and organisation.has_unpublished_changes
    assert organisation.current_workflow_state is None
    assert not ProfileSubmission.objects.exists()
    assert public_api(client, organisation) == api_before


def test_submitting_starts_the_review_and_records_the_submission(client, organisation, member):
    api_before = public_api(client, organisation)

    response = logged_in(member).post(
        edit_url(organisation),
        member_form_data(organisation, city="Bad Harzburg") | {"action-submit": "1"},
    )

    assert response.status_code == 302
    organisation.refresh_from_db()
    assert organisation.current_workflow_state.workflow.name == WORKFLOW
    assert organisation.live_revision != organisation.latest_revision
    submission = ProfileSubmission.objects.get()
    assert submission.organisation == organisation
    assert submission.submitted_by == member
    assert submission.channel == SubmissionChannel.ADMIN
    assert submission.status == SubmissionStatus.PENDING
    assert submission.changes == {"city": {"live": "Goslar", "submitted": "Bad Harzburg"}}
    assert submission.revision == organisation.latest_revision
    assert organisation.city == "Goslar"
    assert public_api(client, organisation) == api_before


def test_while_in_review_the_profile_is_locked_for_the_member(organisation, member):
    client = logged_in(member)
    client.post(
        edit_url(organisation),
        member_form_data(organisation, city="Bad Harzburg") | {"action-submit": "1"},
    )
    revisions = organisation.revisions.count()

    response = client.post(edit_url(organisation), member_form_data(organisation, city="Oker"))

    assert response.status_code == 200
    assert response.context["locked_for_user"]
    organisation.refresh_from_db()
    assert organisation.revisions.count() == revisions
    assert organisation.get_latest_revision_as_object().city == "Bad Harzburg"


def test_a_member_cannot_publish_by_posting_the_publish_action(client, organisation, member):
    api_before = public_api(client, organisation)

    logged_in(member).post(
        edit_url(organisation),
        member_form_data(organisation, city="Bad Harzburg") | {"action-publish": "1"},
    )

    organisation.refresh_from_db()
    assert organisation.city == "Goslar"
    assert organisation.live_revision != organisation.latest_revision
    assert public_api(client, organisation) == api_before


def test_posted_staff_only_fields_are_ignored(organisation, member):
    network = NetworkPageFactory(parent=HomePageFactory(), title="Das Netzwerk")
    MembershipFactory(organisation=organisation, group=network)
    organisation.save_revision().publish()
    before = Organisation.objects.get(pk=organisation.pk)

    logged_in(member).post(
        edit_url(organisation),
        member_form_data(
            organisation,
            city="Bad Harzburg",
            name="Übernommen GmbH",
            slug="uebernommen",
            kind="university",
            legal_form="AG",
            founded_year="1850",
            **{
                "memberships-TOTAL_FORMS": "0",
                "memberships-INITIAL_FORMS": "1",
                "memberships-0-id": str(before.memberships.get().pk),
                "memberships-0-DELETE": "1",
            },
        ),
    )

    organisation.refresh_from_db()
    draft = organisation.get_latest_revision_as_object()
    assert draft.city == "Bad Harzburg", "the member's own change was saved"
    for name in STAFF_ONLY_FIELDS:
        assert getattr(draft, name) == getattr(before, name), name
    assert [membership.group_id for membership in draft.memberships.all()] == [network.pk]
    assert organisation.memberships.count() == 1


@pytest.mark.parametrize("field", ["summary", "street", "city", "phone", "postal_code"])
@pytest.mark.parametrize(
    "value",
    # Short enough for every field (postal codes have ten characters at most).
    ["<b>38</b>", "<script>", "&lt;b&gt;"],
)
def test_html_in_a_plain_text_field_is_a_form_error_and_nothing_is_saved(
    organisation, member, field, value
):
    revisions = organisation.revisions.count()

    response = logged_in(member).post(
        edit_url(organisation), member_form_data(organisation, **{field: value})
    )

    assert response.status_code == 200
    assert "HTML tags are not allowed" in str(response.context["form"].errors[field])
    organisation.refresh_from_db()
    assert organisation.revisions.count() == revisions


def test_plain_text_with_angle_brackets_and_ampersands_is_fine(organisation, member):
    logged_in(member).post(
        edit_url(organisation),
        member_form_data(organisation, summary="Zink & Blei, Reinheit > 99,9 %"),
    )

    organisation.refresh_from_db()
    assert organisation.get_latest_revision_as_object().summary == "Zink & Blei, Reinheit > 99,9 %"


def test_invalid_coordinates_are_a_form_error(organisation, member):
    revisions = organisation.revisions.count()

    response = logged_in(member).post(
        edit_url(organisation),
        member_form_data(organisation, latitude="51.9", longitude="") | {"action-submit": "1"},
    )

    assert response.status_code == 200
    assert response.context["form"].errors
    organisation.refresh_from_db()
    assert organisation.revisions.count() == revisions
    assert not ProfileSubmission.objects.exists()


# The logo


def test_a_member_uploads_a_logo_for_the_draft(organisation, member):
    old_logo = ImageFactory()
    organisation.logo = old_logo
    organisation.save_revision().publish()

    response = logged_in(member).post(
        edit_url(organisation),
        member_form_data(organisation, logo_upload=image_upload("zinkoxide.png")),
    )

    assert response.status_code == 302
    organisation.refresh_from_db()
    draft = organisation.get_latest_revision_as_object()
    logo = get_image_model().objects.get(pk=draft.logo_id)
    assert logo != old_logo
    assert logo.collection.name == LOGO_COLLECTION
    assert logo.uploaded_by_user == member
    assert (logo.width, logo.height) == (120, 60)
    assert organisation.logo == old_logo, "the live profile keeps its logo"


def test_a_submitted_logo_is_part_of_the_submission(organisation, member):
    logged_in(member).post(
        edit_url(organisation),
        member_form_data(organisation, logo_upload=image_upload("zinkoxide.webp", "WEBP"))
        | {"action-submit": "1"},
    )

    submission = ProfileSubmission.objects.get()
    logo = get_image_model().objects.get(collection__name=LOGO_COLLECTION)
    assert submission.changes == {"logo": {"live": None, "submitted": logo.pk}}


def test_keeping_the_current_logo_stores_nothing_new(organisation, member):
    organisation.logo = ImageFactory()
    organisation.save_revision().publish()
    images = get_image_model().objects.count()

    logged_in(member).post(edit_url(organisation), member_form_data(organisation, city="Oker"))

    organisation.refresh_from_db()
    assert get_image_model().objects.count() == images
    assert organisation.get_latest_revision_as_object().logo == organisation.logo


def test_clearing_the_logo_removes_it_from_the_draft(organisation, member):
    organisation.logo = ImageFactory()
    organisation.save_revision().publish()

    logged_in(member).post(
        edit_url(organisation), member_form_data(organisation, **{"logo_upload-clear": "on"})
    )

    organisation.refresh_from_db()
    assert organisation.get_latest_revision_as_object().logo is None
    assert organisation.logo is not None


def test_an_autosave_with_a_logo_empties_the_file_input(organisation, member):
    client = logged_in(member)

    response = client.post(
        edit_url(organisation),
        member_form_data(organisation, logo_upload=image_upload()),
        headers={"Accept": "application/json"},
    )

    payload = response.json()
    assert payload["success"] is True
    assert payload["field_updates"]["logo_upload"] == ""
    assert get_image_model().objects.filter(collection__name=LOGO_COLLECTION).count() == 1


SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'


@pytest.mark.parametrize(
    "upload,message",
    [
        (SimpleUploadedFile("logo.png", SVG), "SVG logos are not accepted"),
        (SimpleUploadedFile("logo.svg", SVG), "SVG logos are not accepted"),
        (image_upload("logo.svg"), "SVG logos are not accepted"),
        (image_upload("logo.gif", "GIF"), "not a PNG, JPEG or WebP image"),
        (SimpleUploadedFile("logo.png", b"\x89PNG\r\n\x1a\nnot really"), "PNG, JPEG or WebP"),
        (image_upload(size=(8, 8)), "at least"),
    ],
    ids=["svg-named-png", "svg", "png-named-svg", "gif", "broken-png", "too-small"],
)
def test_an_unacceptable_logo_is_a_form_error_and_nothing_is_saved(
    organisation, member, upload, message
):
    revisions = organisation.revisions.count()
    images = get_image_model().objects.count()

    response = logged_in(member).post(
        edit_url(organisation),
        member_form_data(organisation, city="Oker", logo_upload=upload) | {"action-submit": "1"},
    )

    assert response.status_code == 200
    assert message in str(response.context["form"].errors["logo_upload"])
    organisation.refresh_from_db()
    assert organisation.revisions.count() == revisions
    assert get_image_model().objects.count() == images
    assert not ProfileSubmission.objects.exists()


def test_a_logo_over_the_size_limit_is_refused(settings, organisation, member):
    settings.MEMBER_LOGO_MAX_BYTES = 1024
    noise = PILImage.frombytes("RGB", (100, 100), os.urandom(3 * 100 * 100))
    buffer = io.BytesIO()
    noise.save(buffer, "PNG")

    response = logged_in(member).post(
        edit_url(organisation),
        member_form_data(
            organisation, logo_upload=SimpleUploadedFile("logo.png", buffer.getvalue())
        ),
    )

    assert "is accepted" in str(response.context["form"].errors["logo_upload"])
    assert not get_image_model().objects.exists()


# Preview


def test_the_members_preview_uses_the_members_form(organisation, member):
    client = logged_in(member)
    preview = reverse(
        "wagtailsnippets_snippets_organisation:preview_on_edit", args=[organisation.pk]
    )

    response = client.post(preview, member_form_data(organisation, city="Bad Harzburg"))

    assert response.json() == {"is_valid": True, "is_available": True}
