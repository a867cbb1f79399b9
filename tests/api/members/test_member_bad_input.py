"""Bad submissions: a clear 4xx problem, and nothing saved.

"Nothing saved" is checked the same way everywhere (:func:`nothing_saved`): no revision, no
submission, no image row and no file in MEDIA_ROOT more than before the request.
"""

import io
from contextlib import contextmanager
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test.client import FakePayload, encode_multipart
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.models import Revision, Workflow

from hub.members.models import ProfileSubmission
from hub.members.roles import WORKFLOW
from hub.members.validation import clean_profile_html, contains_html
from snippets.models import Organisation
from tests.factories import SectorFactory
from tests.factories.members import member_of, token_for
from tests.factories.snippets import OrganisationFactory

pytestmark = pytest.mark.django_db

SVG_WITH_SCRIPT = (
    b'<?xml version="1.0" encoding="UTF-8"?>\n'
    b'<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64">'
    b"<script>fetch('/admin/')</script><rect width='64' height='64'/></svg>"
)


@pytest.fixture
def organisation():
    organisation = OrganisationFactory(name="Harzer Chemiewerk")
    organisation.save_revision().publish()
    return Organisation.objects.get(pk=organisation.pk)


@pytest.fixture
def headers(organisation):
    return {"HTTP_AUTHORIZATION": f"Bearer {token_for(member_of(organisation), organisation)}"}


@pytest.fixture
def url(organisation):
    return f"/api/v1/members/organisations/{organisation.pk}/submissions/"


def media_files(media_root) -> list[Path]:
    return sorted(path for path in Path(media_root).rglob("*") if path.is_file())


@contextmanager
def nothing_saved(media_root):
    counts = (
        Revision.objects.count(),
        ProfileSubmission.objects.count(),
        get_image_model().objects.count(),
    )
    files = media_files(media_root)
    yield
    assert (
        Revision.objects.count(),
        ProfileSubmission.objects.count(),
        get_image_model().objects.count(),
    ) == counts
    assert media_files(media_root) == files


def image_bytes(image_format: str = "PNG", size=(64, 64)) -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", size, "teal").save(buffer, image_format)
    return buffer.getvalue()


def assert_problem(response, status: int, title: str) -> dict:
    assert response.status_code == status, response.content
    assert response["Content-Type"] == "application/problem+json"
    assert response["Cache-Control"] == "no-store"
    body = response.json()
    assert body["status"] == status
    assert body["title"] == title
    return body


def test_malformed_json(api_client, url, headers, _media_root):
    with nothing_saved(_media_root):
        response = api_client.post(
            url, '{"city": "Bad Harz', content_type="application/json", **headers
        )

    body = assert_problem(response, 400, "Invalid request")
    assert "JSON parse error" in body["detail"]


@pytest.mark.parametrize("payload", ['["city"]', '"Bad Harzburg"', "42"])
def test_json_that_is_not_an_object(api_client, url, headers, _media_root, payload):
    with nothing_saved(_media_root):
        response = api_client.post(url, payload, content_type="application/json", **headers)

    body = assert_problem(response, 400, "Invalid request")
    assert body["errors"] == {"non_field_errors": ["Send a JSON object with the fields to change."]}


def test_unknown_fields_are_named(api_client, url, headers, _media_root):
    with nothing_saved(_media_root):
        response = api_client.post(
            url, {"city": "Oker", "colour": "blau", "live": True}, format="json", **headers
        )

    body = assert_problem(response, 400, "Invalid request")
    assert body["errors"] == {"colour": ["Unknown field."], "live": ["Unknown field."]}


def test_staff_only_fields_are_refused(api_client, url, headers, _media_root, organisation):
    with nothing_saved(_media_root):
        response = api_client.post(
            url,
            {"name": "Chemiewerk Harz AG", "founded_year": 1990, "slug": "x", "city": "Oker"},
            format="json",
            **headers,
        )

    body = assert_problem(response, 400, "Invalid request")
    assert set(body["errors"]) == {"name", "founded_year", "slug"}
    assert body["errors"]["name"] == ["Not editable by members: staff maintain this field."]
    organisation.refresh_from_db()
    assert organisation.name == "Harzer Chemiewerk"


@pytest.mark.parametrize(
    ("payload", "content_type"),
    [("{}", "application/json"), ("", "application/json")],
    ids=["empty-object", "no-body"],
)
def test_an_empty_submission(api_client, url, headers, _media_root, payload, content_type):
    with nothing_saved(_media_root):
        response = api_client.post(url, payload, content_type=content_type, **headers)

    body = assert_problem(response, 400, "Invalid request")
    assert body["errors"]["non_field_errors"][0].startswith("Send at least one field")


def test_a_submission_that_changes_nothing(api_client, url, headers, _media_root):
    with nothing_saved(_media_root):
        response = api_client.post(
            url, {"city": "Goslar", "latitude": "51.905", "logo": None}, format="json", **headers
        )

    body = assert_problem(response, 400, "Invalid request")
    assert body["errors"] == {
        "non_field_errors": ["Nothing would change: the draft already has these values."]
    }


@pytest.mark.parametrize(
    ("payload", "fields"),
    [
        ({"latitude": 95, "longitude": 10.4}, {"latitude"}),
        ({"longitude": -181}, {"longitude"}),
        ({"latitude": "north"}, {"latitude"}),
        ({"latitude": True}, {"latitude"}),
        ({"latitude": None}, {"latitude"}),
        ({"latitude": 48.8566, "longitude": 2.3522}, {"latitude", "longitude"}),
        ({"latitude": 10.429, "longitude": 51.905}, {"latitude", "longitude"}),
    ],
    ids=[
        "latitude-out-of-range",
        "longitude-out-of-range",
        "not-a-number",
        "boolean",
        "only-one-of-the-pair",
        "outside-germany",
        "swapped",
    ],
)
def test_invalid_coordinates(api_client, url, headers, _media_root, payload, fields):
    with nothing_saved(_media_root):
        response = api_client.post(url, payload, format="json", **headers)

    body = assert_problem(response, 400, "Invalid request")
    assert set(body["errors"]) == fields


def test_coordinates_outside_germany_are_fine_abroad(api_client, url, headers):
    response = api_client.post(
        url, {"country": "FR", "latitude": 48.8566, "longitude": 2.3522}, format="json", **headers
    )

    assert response.status_code == 202, response.content


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"website": "javascript:alert(1)"}, "website"),
        ({"website": "harzer-chemiewerk"}, "website"),
        ({"email": "info(at)harzer.example"}, "email"),
        ({"sectors": ["gibt-es-nicht"]}, "sectors"),
        ({"sectors": "chemie"}, "sectors"),
        ({"region": "bayern"}, "region"),
        ({"employee_band": "viele"}, "employee_band"),
        ({"country": "Germany"}, "country"),
        ({"country": "de"}, "country"),
        ({"summary": "x" * 301}, "summary"),
        ({"city": "Goslar\x00"}, "city"),
        ({"logo": 12}, "logo"),
    ],
)
def test_invalid_values(api_client, url, headers, _media_root, payload, field):
    SectorFactory(slug="chemie")
    with nothing_saved(_media_root):
        response = api_client.post(url, payload, format="json", **headers)

    body = assert_problem(response, 400, "Invalid request")
    assert list(body["errors"]) == [field]


@pytest.mark.parametrize(
    "field", ["summary", "street", "city", "phone", "postal_code"], ids=lambda name: name
)
@pytest.mark.parametrize(
    "value",
    # At most 10 characters, so that no field's length limit answers first.
    ["<b>Oker", "x<script>", "&lt;b&gt;1"],
    ids=["tag", "script", "entity-encoded"],
)
def test_html_in_plain_text_fields(api_client, url, headers, _media_root, field, value):
    with nothing_saved(_media_root):
        response = api_client.post(url, {field: value}, format="json", **headers)

    body = assert_problem(response, 400, "Invalid request")
    assert body["errors"] == {
        field: ["HTML is not allowed in this field; send plain text without tags."]
    }


@pytest.mark.parametrize(
    ("description", "named"),
    [
        ("<p>Hallo</p><script>alert(1)</script>", "<script>"),
        ('<p onclick="steal()">Hallo</p>', "onclick"),
        ('<a href="javascript:alert(1)">Web</a>', "javascript: links"),
        ('<img src="x" onerror="alert(1)">', "<img>"),
        ('<iframe src="https://evil.example"></iframe>', "<iframe>"),
        ("<style>body{display:none}</style>", "<style>"),
        ('<p style="color:red">Rot</p>', "style attribute"),
    ],
)
def test_disallowed_html_in_the_description(
    api_client, url, headers, _media_root, description, named
):
    with nothing_saved(_media_root):
        response = api_client.post(url, {"description": description}, format="json", **headers)

    body = assert_problem(response, 400, "Invalid request")
    assert list(body["errors"]) == ["description"]
    assert named in body["errors"]["description"][0]


def test_a_20_mb_upload_is_refused_without_being_read(api_client, url, headers, _media_root):
    body = encode_multipart(
        "BoUnDaRy",
        {
            "city": "Oker",
            "logo": SimpleUploadedFile("logo.png", image_bytes() + b"\0" * (20 * 1024 * 1024)),
        },
    )
    payload = UnreadablePayload(body)

    with nothing_saved(_media_root):
        response = api_client.generic(
            "POST",
            url,
            body,
            content_type="multipart/form-data; boundary=BoUnDaRy",
            **{"wsgi.input": payload},
            **headers,
        )

    problem = assert_problem(response, 413, "Payload too large")
    assert problem["type"].endswith("/payload-too-large")
    assert payload.bytes_read == 0


class UnreadablePayload(FakePayload):
    """A request body that counts what the server reads of it."""

    def __init__(self, content: bytes):
        super().__init__(content)
        self.bytes_read = 0

    def read(self, size=-1, /):
        data = super().read(size)
        self.bytes_read += len(data)
        return data

    def readline(self, size=-1, /):
        data = super().readline(size)
        self.bytes_read += len(data)
        return data


def post_logo(api_client, url, headers, name: str, content: bytes, **fields):
    return api_client.post(
        url,
        {"logo": SimpleUploadedFile(name, content, content_type="image/png"), **fields},
        format="multipart",
        **headers,
    )


def test_a_png_renamed_svg(api_client, url, headers, _media_root):
    with nothing_saved(_media_root):
        response = post_logo(api_client, url, headers, "logo.svg", image_bytes("PNG"))

    body = assert_problem(response, 400, "Invalid request")
    assert list(body["errors"]) == ["logo"]
    assert "SVG logos are not accepted" in body["errors"]["logo"][0]
    assert ".png" in body["errors"]["logo"][0]


@pytest.mark.parametrize("name", ["logo.svg", "logo.png"])
def test_an_svg_with_a_script(api_client, url, headers, _media_root, name):
    with nothing_saved(_media_root):
        response = post_logo(api_client, url, headers, name, SVG_WITH_SCRIPT)

    body = assert_problem(response, 400, "Invalid request")
    assert body["errors"] == {"logo": ["SVG logos are not accepted; upload PNG, JPEG or WebP."]}


def test_a_valid_logo_with_an_invalid_profile_leaves_no_image_or_file(
    api_client, url, headers, _media_root
):
    # The logo passes its checks and is stored; the model then refuses the coordinates,
    # and both the image row and its file must go again.
    with nothing_saved(_media_root):
        response = post_logo(
            api_client, url, headers, "logo.png", image_bytes(), latitude="48.85", longitude="2.35"
        )

    body = assert_problem(response, 400, "Invalid request")
    assert set(body["errors"]) == {"latitude", "longitude"}


def test_submissions_while_review_is_switched_off(api_client, url, headers, _media_root):
    Workflow.objects.filter(name=WORKFLOW).update(active=False)

    with nothing_saved(_media_root):
        response = post_logo(api_client, url, headers, "logo.png", image_bytes(), city="Oker")

    problem = assert_problem(response, 503, "Review unavailable")
    assert problem["type"].endswith("/review-unavailable")


@pytest.mark.parametrize(
    "content_type",
    ["text/plain", "application/x-www-form-urlencoded", "application/xml", None],
    ids=["text", "form-urlencoded", "xml", "none"],
)
def test_other_media_types(api_client, url, headers, _media_root, content_type):
    extra = {"CONTENT_TYPE": content_type} if content_type else {"CONTENT_TYPE": ""}
    with nothing_saved(_media_root):
        response = api_client.generic("POST", url, "city=Oker", **extra, **headers)

    body = assert_problem(response, 415, "Unsupported media type")
    assert "application/json" in body["detail"]


# The checks behind the field errors -----------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("<b>fett</b>", True),
        ("<script>", True),
        ("&lt;script&gt;", True),
        ("&#60;script&#62;", True),
        ("&amp;lt;b&amp;gt;", True),
        ("<!-- Kommentar -->", True),
        ("</p>", True),
        ("A < B", False),
        ("x<3", False),
        ("Müller & Söhne", False),
        ("5 > 3 &amp; 2 < 4", False),
        ("", False),
    ],
)
def test_contains_html(value, expected):
    assert contains_html(value) is expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("", ""),
        ("Zeile eins\nZeile zwei", "<p>Zeile eins<br/>Zeile zwei</p>"),
        ("Absatz 1\n\n\nAbsatz 2", "<p>Absatz 1</p><p>Absatz 2</p>"),
        ("A < B & C", "<p>A &lt; B &amp; C</p>"),
        (
            "<p>Seit <strong>1990</strong> <em>in Goslar</em></p>",
            "<p>Seit <b>1990</b> <i>in Goslar</i></p>",
        ),
        ("Text <b>fett</b>", "<p>Text <b>fett</b></p>"),
        (
            "<h3>Leistungen</h3><ul><li>Eins<li>Zwei</ul>",
            "<h3>Leistungen</h3><ul><li>Eins</li><li>Zwei</li></ul>",
        ),
        ('<p data-block-key="a1b2c">Hallo</p>', "<p>Hallo</p>"),
        (
            '<a href="https://harz.example/?a=1&amp;b=2">Web</a> '
            '<a href="mailto:info@harz.example">Mail</a>',
            '<p><a href="https://harz.example/?a=1&amp;b=2">Web</a> '
            '<a href="mailto:info@harz.example">Mail</a></p>',
        ),
        ("<p>offen", "<p>offen</p>"),
    ],
)
def test_clean_profile_html_keeps_allowed_html(value, expected):
    assert clean_profile_html(value) == expected


@pytest.mark.parametrize(
    ("value", "named"),
    [
        ("<script>alert(1)</script>", "<script>"),
        ("<p onmouseover='x()'>Hallo</p>", "the onmouseover attribute"),
        ('<a href=" JaVaScRiPt:alert(1)">x</a>', "javascript: links"),
        ('<a href="java\tscript:alert(1)">x</a>', "javascript: links"),
        ('<a href="/intern/">x</a>', "relative link"),
        ('<a href="data:text/html,x">x</a>', "data: links"),
        ("<img src=x>", "<img>"),
        ("<h2>Zu groß</h2>", "<h2>"),
        ("<!-- x --><p>y</p>", "HTML comments"),
        ("<svg><script>x</script></svg>", "<svg>"),
    ],
)
def test_clean_profile_html_names_what_is_not_allowed(value, named):
    with pytest.raises(ValidationError) as refused:
        clean_profile_html(value)

    assert named in refused.value.messages[0]
