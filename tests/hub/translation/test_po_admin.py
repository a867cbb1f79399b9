"""The translation editor's PO download and upload reach the project's strict views."""

import polib
import pytest
from django.contrib.auth.models import Group, Permission
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import resolve, reverse
from wagtail_localize.models import StringTranslation, Translation
from wagtail_localize.operations import TranslationCreator

from hub.translation import po_admin
from hub.translation.po import export_po
from tests.factories import NewsPageFactory, locale

pytestmark = pytest.mark.django_db

TITLE = "Neues Mitglied: Öko-Chemie GmbH"


@pytest.fixture
def translation():
    """The English translation of a German news page; its English draft exists."""
    page = NewsPageFactory(
        title=TITLE, body=[("paragraph", "<p>Das Netzwerk hat <b>19 Mitglieder</b>.</p>")]
    )
    TranslationCreator(user=None, target_locales=[locale("en")]).create_translations(page)
    return Translation.objects.get(source__object_id=page.translation_key)


@pytest.fixture
def editor_url(translation) -> str:
    return translation.get_target_instance_edit_url()


@pytest.fixture
def outsider_client(client, django_user_model):
    """Logged in to the admin, without permission to edit any page."""
    user = django_user_model.objects.create_user(username="outsider", password="x")
    group = Group.objects.create(name="Admin access only")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    user.groups.add(group)
    client.force_login(user)
    return client


def upload_url(translation) -> str:
    return reverse("wagtail_localize:upload_pofile", args=[translation.pk])


def download_url(translation) -> str:
    return reverse("wagtail_localize:download_pofile", args=[translation.pk])


def english_file(translation) -> bytes:
    po = polib.pofile(export_po(translation).decode("utf-8"))
    for entry in po:
        entry.msgstr = f"[EN] {entry.msgid}"
    return str(po).encode("utf-8")


def upload(client, translation, data: bytes | None, **extra):
    payload = {**extra}
    if data is not None:
        payload["file"] = SimpleUploadedFile("english.po", data, "text/x-gettext-translation")
    return client.post(upload_url(translation), payload)


def messages_of(response) -> list[tuple[str, str]]:
    return [(message.level_tag, message.message) for message in get_messages(response.wsgi_request)]


def test_localizes_pofile_urls_resolve_to_the_project_views(translation):
    assert resolve(upload_url(translation)).url_name == "hub_translation_po_upload"
    assert resolve(download_url(translation)).url_name == "hub_translation_po_download"
    assert upload_url(translation) == f"/admin/localize/translate/{translation.pk}/pofile/upload/"


def test_download_is_the_gettext_clean_export(staff_client, translation):
    response = staff_client.get(download_url(translation))

    assert response.status_code == 200
    assert response["Content-Type"] == "text/x-gettext-translation; charset=utf-8"
    assert response["Content-Disposition"] == (
        'attachment; filename="neues-mitglied-oko-chemie-gmbh-en.po"'
    )
    po = polib.pofile(response.content.decode("utf-8"))
    assert po.metadata["X-WagtailLocalize-TranslationID"] == str(translation.uuid)
    assert po.metadata["Language"] == "en"
    assert TITLE in [entry.msgid for entry in po]


def test_upload_imports_and_returns_to_next(staff_client, translation, editor_url):
    response = upload(staff_client, translation, english_file(translation), next=editor_url)

    assert response.status_code == 302
    assert response["Location"] == editor_url
    total, translated = translation.get_progress()
    assert translated == total > 0
    [(level, text)] = messages_of(response)
    assert level == "success"
    assert text == (
        f"Imported the PO file: {total} translations added or changed; "
        f"{total} of {total} segments are translated."
    )


def test_bad_upload_is_refused_with_the_reason(staff_client, translation, editor_url):
    data = english_file(translation).replace(b"X-WagtailLocalize-TranslationID", b"X-Other-ID")

    response = upload(staff_client, translation, data, next=editor_url)

    assert response["Location"] == editor_url
    [(level, text)] = messages_of(response)
    assert level == "error"
    assert "The file has no X-WagtailLocalize-TranslationID header" in text
    assert not StringTranslation.objects.exists()


def test_missing_file_is_an_error_message(staff_client, translation, editor_url):
    response = upload(staff_client, translation, None, next=editor_url)

    assert response["Location"] == editor_url
    assert messages_of(response) == [("error", "Choose a PO file to upload.")]


def test_oversized_file_is_refused_unread(staff_client, translation, monkeypatch):
    monkeypatch.setattr(po_admin, "MAX_UPLOAD_BYTES", 100)

    response = upload(staff_client, translation, english_file(translation))

    [(level, text)] = messages_of(response)
    assert level == "error"
    assert "larger than" in text
    assert not StringTranslation.objects.exists()


def test_next_outside_the_admin_host_falls_back_to_the_editor(
    staff_client, translation, editor_url
):
    response = upload(
        staff_client, translation, english_file(translation), next="https://evil.example/"
    )

    assert response["Location"] == editor_url


def test_upload_accepts_only_post(staff_client, translation):
    assert staff_client.get(upload_url(translation)).status_code == 405


@pytest.mark.parametrize("url", [upload_url, download_url])
def test_users_who_cannot_edit_the_translation_are_refused(outsider_client, translation, url):
    response = (
        outsider_client.post(url(translation), {"file": SimpleUploadedFile("x.po", b"x")})
        if url is upload_url
        else outsider_client.get(url(translation))
    )

    # Wagtail's admin answers PermissionDenied with a redirect to the dashboard.
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")
    assert [level for level, _text in messages_of(response)] == ["error"]
    assert not StringTranslation.objects.exists()


def test_translation_without_target_is_not_found(staff_client, translation):
    translation.get_target_instance().delete()

    assert staff_client.get(download_url(translation)).status_code == 404
