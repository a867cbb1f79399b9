"""Bodies and answers of the member API (api/members/views.py).

A member profile (``MemberProfile``) is the part of an organisation that members may change
(hub.members.submissions.MEMBER_EDITABLE_FIELDS), in one version: the live one or the draft
under review. Submissions are validated by :class:`ProfileChangesSerializer` field by field
here and as a whole by the model (``Organisation.clean()``) when they are saved.
"""

from decimal import ROUND_HALF_UP, Decimal

from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.files.uploadedfile import UploadedFile
from django.urls import reverse
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from api.serializers.rich_text import render_rich_text
from api.serializers.snippets import NamedChoiceField
from api.serializers.urls import absolute_url
from hub.members.logos import validate_logo
from hub.members.models import SubmissionChannel, SubmissionStatus
from hub.members.submissions import MEMBER_EDITABLE_FIELDS, field_value
from hub.members.validation import clean_profile_html, contains_html
from hub.translation.roles import source_locale_id
from snippets.choices import EmployeeBand, Region, TopicKind
from snippets.models import Topic
from snippets.validators import validate_country_code, validate_latitude, validate_longitude

# Organisation fields that only staff change: named in the error, so a client learns why.
STAFF_ONLY_FIELDS = ("name", "slug", "kind", "legal_form", "founded_year", "memberships")
DESCRIPTION_MAX_LENGTH = 20_000
MAX_SECTORS = 20
COORDINATE_PLACES = Decimal("0.000001")


def submission_status_url(submission, *, request) -> str:
    """The absolute URL of a submission's status."""
    path = reverse(
        "api:v1:member-submission-detail",
        kwargs={"id": submission.organisation_id, "submission_id": submission.public_id},
    )
    return absolute_url(path, request=request)


# Answers -------------------------------------------------------------------------------


class MemberLogoSerializer(serializers.Serializer):
    """A profile's logo as uploaded (the original file, not a rendition).

    ::

        {"id": 41, "url": "https://hub.example/media/original_images/harzer-chemiewerk-logo-1a2b3c4d.png",
         "width": 512, "height": 256}
    """

    id = serializers.IntegerField()
    url = serializers.URLField(help_text="The uploaded file.")
    width = serializers.IntegerField()
    height = serializers.IntegerField()


def member_logo(image, *, request) -> dict | None:
    if image is None:
        return None
    return {
        "id": image.pk,
        "url": absolute_url(image.file.url, request=request),
        "width": image.width,
        "height": image.height,
    }


def coordinate(value) -> float | None:
    return float(value) if value is not None else None


class MemberProfileSerializer(serializers.Serializer):
    """One version of the member-editable part of a profile.

    ::

        {"summary": "Produziert Spezialchemikalien am Standort Goslar.",
         "description": "<p>Seit 1990 in Goslar.</p>",
         "sectors": ["kunststoffverarbeitung"],
         "website": "https://harzer-chemiewerk.example", "email": "info@harzer-chemiewerk.example",
         "phone": "+49 5321 000000", "street": "Im Schleeke 108", "postal_code": "38642",
         "city": "Goslar", "region": "niedersachsen", "country": "DE",
         "latitude": 51.905, "longitude": 10.429, "logo": null, "employee_band": "50-249"}

    Empty texts are empty strings; region, employee band, coordinates and logo are null when
    unset. Takes an Organisation (the live row or the draft revision's object).
    """

    summary = serializers.CharField(help_text="Plain text; may be empty.")
    description = serializers.CharField(help_text="HTML (p, br, b, i, ul, ol, li, h3, h4, a).")
    sectors = serializers.ListField(
        child=serializers.CharField(), help_text="Slugs of sector topics, sorted."
    )
    website = serializers.CharField(help_text="URL; may be empty.")
    email = serializers.CharField(help_text="May be empty.")
    phone = serializers.CharField(help_text="May be empty.")
    street = serializers.CharField(help_text="Street and number; may be empty.")
    postal_code = serializers.CharField(help_text="May be empty.")
    city = serializers.CharField(help_text="May be empty.")
    region = serializers.ChoiceField(choices=Region.choices, allow_null=True)
    country = serializers.CharField(help_text="ISO 3166 alpha-2 code, e.g. DE.")
    latitude = serializers.FloatField(allow_null=True, help_text="WGS 84, decimal degrees.")
    longitude = serializers.FloatField(allow_null=True, help_text="WGS 84, decimal degrees.")
    logo = MemberLogoSerializer(allow_null=True)
    employee_band = serializers.ChoiceField(choices=EmployeeBand.choices, allow_null=True)

    def to_representation(self, organisation):
        return {
            "summary": organisation.summary,
            "description": render_rich_text(organisation.description, context=self.context),
            "sectors": field_value(organisation, "sectors"),
            "website": organisation.website,
            "email": organisation.email,
            "phone": organisation.phone,
            "street": organisation.street,
            "postal_code": organisation.postal_code,
            "city": organisation.city,
            "region": organisation.region or None,
            "country": organisation.country,
            "latitude": coordinate(organisation.latitude),
            "longitude": coordinate(organisation.longitude),
            "logo": member_logo(organisation.logo, request=self.context.get("request")),
            "employee_band": organisation.employee_band or None,
        }


class PendingSubmissionSerializer(serializers.Serializer):
    """The submission under review, in short.

    ::

        {"id": "8d0c5bb8-4c5e-4a57-9d39-2b8f4e0b6c11", "status": "pending",
         "submitted_at": "2026-03-02T09:15:00+01:00",
         "status_url": "https://hub.example/api/v1/members/organisations/3/submissions/8d0c5bb8-.../"}
    """

    id = serializers.UUIDField()
    status = NamedChoiceField(choices=SubmissionStatus.choices, component_name="SubmissionStatus")
    submitted_at = serializers.DateTimeField()
    status_url = serializers.URLField()

    def to_representation(self, submission):
        return {
            "id": str(submission.public_id),
            "status": submission.status,
            "submitted_at": serializers.DateTimeField().to_representation(submission.submitted_at),
            "status_url": submission_status_url(submission, request=self.context.get("request")),
        }


class MemberOrganisationSerializer(serializers.Serializer):
    """An organisation as its members see it: live version, draft and pending submission.

    ::

        {"id": 3, "name": "Harzer Chemiewerk", "slug": "harzer-chemiewerk", "live": true,
         "pending_submission": {...PendingSubmission...} | null,
         "profile": {...MemberProfile...} | null,
         "draft": {...MemberProfile...}}

    ``profile`` is the live version (null while the organisation is not published); ``draft``
    is the latest revision, what the next approval would publish. Without unpublished
    changes the two are equal. Built by the view from ``{"organisation", "live", "draft",
    "pending"}``.
    """

    id = serializers.IntegerField()
    name = serializers.CharField()
    slug = serializers.CharField()
    live = serializers.BooleanField(help_text="Whether the profile is published.")
    pending_submission = PendingSubmissionSerializer(
        allow_null=True, help_text="The submission under review, if any."
    )
    profile = MemberProfileSerializer(allow_null=True, help_text="The live version.")
    draft = MemberProfileSerializer(help_text="The latest revision, what review would publish.")

    def to_representation(self, item):
        organisation, pending = item["organisation"], item["pending"]
        profile = MemberProfileSerializer(context=self.context)
        return {
            "id": organisation.pk,
            "name": organisation.name,
            "slug": organisation.slug,
            "live": organisation.live,
            "pending_submission": PendingSubmissionSerializer(pending, context=self.context).data
            if pending is not None
            else None,
            "profile": profile.to_representation(item["live"]) if item["live"] else None,
            "draft": profile.to_representation(item["draft"]),
        }


@extend_schema_field(
    {
        "nullable": True,
        "oneOf": [
            {"type": "string"},
            {"type": "integer"},
            {"type": "array", "items": {"type": "string"}},
        ],
    }
)
class ChangeValueField(serializers.Field):
    """A field's value in a submission's changes: a string (coordinates as decimal strings),
    the logo's image id, the sector slugs, or null."""

    def to_representation(self, value):
        return value


class FieldChangeSerializer(serializers.Serializer):
    """A changed field: ``{"live": "Goslar", "submitted": "Bad Harzburg"}``."""

    live = ChangeValueField(help_text="The live value when the change was submitted.")
    submitted = ChangeValueField(help_text="The submitted value.")


class SubmissionSerializer(serializers.Serializer):
    """A submission and the decision on it.

    ::

        {"id": "8d0c5bb8-4c5e-4a57-9d39-2b8f4e0b6c11", "status": "rejected",
         "submitted_at": "2026-03-02T09:15:00+01:00", "decided_at": "2026-03-03T14:02:11+01:00",
         "comment": "Bitte die Adresse des Werks angeben, nicht die der Verwaltung.",
         "changes": {"city": {"live": "Goslar", "submitted": "Bad Harzburg"}},
         "channel": "api",
         "status_url": "https://hub.example/api/v1/members/organisations/3/submissions/8d0c5bb8-.../"}

    ``status``: pending (in review), approved (published), rejected, superseded (replaced by a
    newer submission that carries its changes) or withdrawn (its review was cancelled).
    """

    id = serializers.UUIDField()
    status = NamedChoiceField(choices=SubmissionStatus.choices, component_name="SubmissionStatus")
    submitted_at = serializers.DateTimeField()
    decided_at = serializers.DateTimeField(
        allow_null=True, help_text="When staff approved or rejected it."
    )
    comment = serializers.CharField(
        allow_null=True, help_text="The reviewer's comment on the decision, if any."
    )
    changes = serializers.DictField(
        child=FieldChangeSerializer(),
        help_text="Changed fields against the live profile of the time of submission.",
    )
    channel = NamedChoiceField(
        choices=SubmissionChannel.choices,
        component_name="SubmissionChannel",
        help_text="Where it was submitted: the admin or this API.",
    )
    status_url = serializers.URLField()

    def to_representation(self, submission):
        datetime_field = serializers.DateTimeField()
        return {
            "id": str(submission.public_id),
            "status": submission.status,
            "submitted_at": datetime_field.to_representation(submission.submitted_at),
            "decided_at": datetime_field.to_representation(submission.decided_at)
            if submission.decided_at
            else None,
            "comment": submission.comment or None,
            "changes": submission.changes,
            "channel": submission.channel,
            "status_url": submission_status_url(submission, request=self.context.get("request")),
        }


class SubmissionAcceptedSerializer(serializers.Serializer):
    """The answer to an accepted submission (202).

    ::

        {"id": "8d0c5bb8-4c5e-4a57-9d39-2b8f4e0b6c11", "status": "pending",
         "submitted_at": "2026-03-02T09:15:00+01:00",
         "status_url": "https://hub.example/api/v1/members/organisations/3/submissions/8d0c5bb8-.../",
         "changes": ["city", "phone"]}

    ``changes`` names the fields that differ from the live profile, including those of a
    pending submission this one replaced.
    """

    id = serializers.UUIDField()
    status = NamedChoiceField(
        choices=SubmissionStatus.choices,
        component_name="SubmissionStatus",
        help_text="Always pending for a new submission.",
    )
    submitted_at = serializers.DateTimeField()
    status_url = serializers.URLField()
    changes = serializers.ListField(child=serializers.CharField())

    def to_representation(self, submission):
        return {
            "id": str(submission.public_id),
            "status": submission.status,
            "submitted_at": serializers.DateTimeField().to_representation(submission.submitted_at),
            "status_url": submission_status_url(submission, request=self.context.get("request")),
            "changes": sorted(submission.changes),
        }


# The submission body -------------------------------------------------------------------


@extend_schema_field({"type": "number", "format": "double", "nullable": True})
class CoordinateField(serializers.DecimalField):
    """Decimal degrees, rounded to six places (about 10 cm) as the profile stores them."""

    def __init__(self, **kwargs):
        super().__init__(max_digits=9, decimal_places=6, allow_null=True, **kwargs)

    def to_internal_value(self, data):
        if isinstance(data, bool):
            self.fail("invalid")
        return super().to_internal_value(data)

    def validate_precision(self, value):
        return super().validate_precision(value.quantize(COORDINATE_PLACES, ROUND_HALF_UP))


@extend_schema_field(
    {
        "type": "string",
        "format": "binary",
        "nullable": True,
        "description": "A PNG, JPEG or WebP file whose name ends in .png, .jpg/.jpeg or .webp "
        "as its content; at most 2 MB, 32x32 to 4000x4000 pixels. SVG is refused. An empty "
        "value removes the logo.",
    }
)
class LogoField(serializers.Field):
    """A logo file (multipart), or null to remove the logo; validated by hub.members.logos."""

    default_error_messages = {
        "not_a_file": "Send the logo as a file in a multipart/form-data request, or null to "
        "remove it.",
    }

    def __init__(self, **kwargs):
        super().__init__(allow_null=True, **kwargs)

    def to_internal_value(self, data):
        if not isinstance(data, UploadedFile):
            self.fail("not_a_file")
        try:
            validate_logo(data)
        except DjangoValidationError as error:
            raise serializers.ValidationError(error.messages) from error
        return data

    def to_representation(self, value):
        return None


# Only null. Wrapped in allOf so drf-spectacular does not turn the one-value enum into a
# component of its own (which would be empty once null is left out).
@extend_schema_field(
    {
        "allOf": [{"type": "string", "nullable": True, "enum": [None]}],
        "description": "Only null, which removes the logo. A new logo is sent as a file in a "
        "multipart/form-data request.",
    }
)
class JSONLogoField(LogoField):
    """The logo in a JSON body, as the contract describes it: only null (removal)."""


def refuse_markup(value: str) -> None:
    if contains_html(value):
        raise serializers.ValidationError(
            "HTML is not allowed in this field; send plain text without tags."
        )


def plain_text(**kwargs) -> serializers.CharField:
    """An optional text field that refuses markup (the description has its own rule)."""
    kwargs.setdefault("validators", [refuse_markup])
    return serializers.CharField(required=False, allow_blank=True, **kwargs)


class ProfileChangesSerializer(serializers.Serializer):
    """A submission: the member-editable fields to change, any subset of them.

    ``POST .../submissions/`` with ``Content-Type: application/json``::

        {"city": "Bad Harzburg", "street": "Am Kurpark 3", "postal_code": "38667",
         "latitude": 51.879, "longitude": 10.561, "sectors": ["kunststoffverarbeitung"],
         "description": "<p>Seit 1990 <b>in Goslar</b>.</p>", "logo": null}

    Fields left out stay as they are in the draft. Unknown fields and the fields only staff
    change are refused by name. ``validated_data`` holds model values: sectors as Topic
    objects, coordinates as Decimals, the logo as the uploaded file (or None to remove it),
    the description as cleaned HTML.
    """

    summary = plain_text(max_length=300, help_text="Plain text, at most 300 characters.")
    description = plain_text(
        validators=[],
        max_length=DESCRIPTION_MAX_LENGTH,
        trim_whitespace=False,
        help_text="HTML limited to p, br, strong/b, em/i, ul, ol, li, h3, h4 and a href "
        "(http, https, mailto); or plain text, where a blank line starts a new paragraph.",
    )
    sectors = serializers.ListField(
        child=serializers.SlugField(max_length=100),
        required=False,
        allow_empty=True,
        max_length=MAX_SECTORS,
        help_text="Slugs of sector topics; replaces the profile's sectors.",
    )
    website = serializers.URLField(required=False, allow_blank=True, max_length=200)
    email = serializers.EmailField(required=False, allow_blank=True, max_length=254)
    phone = plain_text(max_length=50)
    street = plain_text(max_length=255, help_text="Street and number.")
    postal_code = plain_text(max_length=10)
    city = plain_text(max_length=100)
    region = serializers.ChoiceField(
        choices=Region.choices, required=False, allow_blank=True, allow_null=True
    )
    country = serializers.CharField(
        required=False,
        min_length=2,
        max_length=2,
        validators=[validate_country_code],
        help_text="ISO 3166 alpha-2 code in capitals, e.g. DE.",
    )
    latitude = CoordinateField(required=False, validators=[validate_latitude])
    longitude = CoordinateField(required=False, validators=[validate_longitude])
    logo = LogoField(required=False)
    employee_band = serializers.ChoiceField(
        choices=EmployeeBand.choices, required=False, allow_blank=True, allow_null=True
    )

    def to_internal_value(self, data):
        if not hasattr(data, "keys"):
            raise serializers.ValidationError(
                {"non_field_errors": ["Send a JSON object with the fields to change."]}
            )
        refused = {}
        for name in sorted(set(data.keys()) - set(self.fields)):
            refused[name] = [
                "Not editable by members: staff maintain this field."
                if name in STAFF_ONLY_FIELDS
                else "Unknown field."
            ]
        if refused:
            raise serializers.ValidationError(refused)
        return super().to_internal_value(data)

    def validate(self, attrs):
        if not attrs:
            raise serializers.ValidationError(
                "Send at least one field to change: " + ", ".join(MEMBER_EDITABLE_FIELDS) + "."
            )
        for name in ("region", "employee_band"):
            if name in attrs and attrs[name] is None:
                attrs[name] = ""
        return attrs

    def validate_description(self, value: str) -> str:
        return clean_profile_html(value)

    def validate_sectors(self, slugs: list[str]) -> list[Topic]:
        wanted = list(dict.fromkeys(slugs))
        topics = {
            topic.slug: topic
            for topic in Topic.objects.filter(
                kind=TopicKind.SECTOR, locale_id=source_locale_id(), slug__in=wanted
            )
        }
        unknown = [slug for slug in wanted if slug not in topics]
        if unknown:
            raise serializers.ValidationError(
                f"No sector with the slug {', '.join(unknown)}; "
                "sectors are given by the slugs that /api/v1/organisations/ lists."
            )
        return [topics[slug] for slug in wanted]


class MemberProfileChangesSerializer(ProfileChangesSerializer):
    """A submission as JSON: the logo can only be removed (null)."""

    logo = JSONLogoField(required=False)


class MemberProfileChangesFormSerializer(ProfileChangesSerializer):
    """A submission as multipart/form-data: the logo as a file, ``sectors`` repeated once
    per slug, the other fields as form fields."""
