"""Stable document addresses (hub/documents.py): a replaced file keeps its old links."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.models import Collection, CollectionViewRestriction

from tests.conftest import STAFF_PASSWORD
from tests.factories import DocumentFactory

pytestmark = pytest.mark.django_db

FIRST_CONTENT = b"%PDF-1.4\n% CKnews 1/2026, erste Fassung\n%%EOF\n"
NEW_CONTENT = b"%PDF-1.4\n% CKnews 1/2026, korrigierte Fassung\n%%EOF\n"


def body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def replace_file_in_admin(client, document, *, filename: str, content: bytes):
    """Upload a new file for ``document`` through the admin's edit form, as staff do."""
    response = client.post(
        reverse("wagtaildocs:edit", args=[document.pk]),
        {
            "title": document.title,
            "collection": document.collection_id,
            "tags": "",
            "file": SimpleUploadedFile(filename, content, content_type="application/pdf"),
        },
    )
    assert response.status_code == 302, response.content[:2000]
    document.refresh_from_db()
    assert document.filename == filename


@pytest.fixture
def document():
    return DocumentFactory(
        title="CKnews 1/2026",
        file__filename="cknews-1-2026.pdf",
        file__data=FIRST_CONTENT,
    )


def restricted_collection(restriction_type: str, **fields) -> Collection:
    """A collection under the root with a view restriction of ``restriction_type``."""
    collection = Collection.get_first_root_node().add_child(name="Intern")
    CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=restriction_type, **fields
    )
    return collection


def test_current_address_is_served_by_wagtail(client, document):
    response = client.get(f"/documents/{document.pk}/cknews-1-2026.pdf")

    assert response.status_code == 200
    assert body(response) == FIRST_CONTENT
    assert response["ETag"]
    assert response["X-Content-Type-Options"] == "nosniff"
    # Wagtail's conditional GET still answers.
    again = client.get(document.url, headers={"if-none-match": response["ETag"]})
    assert again.status_code == 304


def test_replaced_file_old_address_redirects_to_the_new_one(client, staff_client, document):
    old_url = document.url

    replace_file_in_admin(
        staff_client, document, filename="cknews-1-2026-korr.pdf", content=NEW_CONTENT
    )
    client.logout()
    response = client.get(old_url)

    assert response.status_code == 301
    assert response["Location"] == f"/documents/{document.pk}/cknews-1-2026-korr.pdf"
    assert response["Cache-Control"] == "no-cache"
    followed = client.get(response["Location"])
    assert followed.status_code == 200
    assert body(followed) == NEW_CONTENT


def test_redirect_keeps_the_query_string(client, document):
    response = client.get(f"/documents/{document.pk}/alt.pdf?utm_source=cknews")

    assert response.status_code == 301
    assert response["Location"] == f"{document.url}?utm_source=cknews"


def test_address_without_filename_redirects(client, document):
    response = client.get(f"/documents/{document.pk}/")

    assert response.status_code == 301
    assert response["Location"] == document.url
    assert client.get(f"/documents/{document.pk}", follow=True).redirect_chain == [
        (f"/documents/{document.pk}/", 301),
        (document.url, 301),
    ]


@pytest.mark.parametrize("path", ["999999/cknews.pdf", "999999/", "99999999999999999999/x.pdf"])
def test_unknown_document_is_a_404(client, document, path):
    assert client.get(f"/documents/{path}").status_code == 404


def test_password_protected_document_keeps_wagtails_protection(client, document):
    document.collection = restricted_collection(
        CollectionViewRestriction.PASSWORD, password="mitglieder"
    )
    document.save()

    current = client.get(document.url)
    old = client.get(f"/documents/{document.pk}/alte-fassung.pdf")
    bare = client.get(f"/documents/{document.pk}/")

    # Wagtail's password form instead of the file, and no hint of the current filename.
    assert current.status_code == 200
    assert b"password" in current.content.lower()
    assert FIRST_CONTENT not in current.content
    assert old.status_code == 404
    assert bare.status_code == 404

    restriction = CollectionViewRestriction.objects.get()
    form = client.post(
        reverse("wagtaildocs_authenticate_with_password", args=[restriction.pk]),
        {"password": "mitglieder", "return_url": f"/documents/{document.pk}/alte-fassung.pdf"},
    )
    assert form.status_code == 302
    # Having passed the restriction, the old address leads to the file.
    redirected = client.get(form["Location"])
    assert redirected.status_code == 301
    assert body(client.get(redirected["Location"])) == FIRST_CONTENT


def test_login_protected_document_is_for_logged_in_users(client, django_user_model, document):
    document.collection = restricted_collection(CollectionViewRestriction.LOGIN)
    document.save()
    old_url = f"/documents/{document.pk}/alte-fassung.pdf"

    anonymous = client.get(document.url)
    assert anonymous.status_code == 302
    assert "login" in anonymous["Location"]
    assert client.get(old_url).status_code == 404

    django_user_model.objects.create_user(username="mitglied", password=STAFF_PASSWORD)
    client.login(username="mitglied", password=STAFF_PASSWORD)
    assert client.get(old_url)["Location"] == document.url
    assert body(client.get(document.url)) == FIRST_CONTENT


def test_restriction_on_a_parent_collection_covers_its_children(client, document):
    parent = restricted_collection(CollectionViewRestriction.LOGIN)
    document.collection = parent.add_child(name="Protokolle")
    document.save()

    assert client.get(f"/documents/{document.pk}/").status_code == 404
    assert client.get(document.url).status_code == 302
