"""Query parameters of the API: declared per endpoint, validated strictly.

Each endpoint declares its parameters as a serializer. A parameter the endpoint does not
know, one given twice, or a value that does not validate is answered with a 400 problem
naming the parameter; nothing is silently ignored, so a misspelt filter never returns an
unfiltered list.
"""

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from wagtail.models import Locale, Site

from api.problems import InvalidParameters

# The pagination parameters every list endpoint accepts besides its own.
PAGINATION_PARAMETERS = ("page", "page_size")


class QueryParameters(serializers.Serializer):
    """Base of every endpoint's query parameter serializer (an empty one accepts none)."""


def parse_query_parameters(request, parameters_class, *, allowed_extra=()) -> dict:
    """Validated values of ``request``'s query string, or InvalidParameters (400).

    ``allowed_extra`` names parameters handled elsewhere (pagination); they are checked
    for repetition but validated by their owner.
    """
    query = request.query_params
    known = set(parameters_class().fields) | set(allowed_extra)
    errors: dict[str, list[str]] = {}
    for name in query:
        if name not in known:
            errors[name] = [str(_("Unknown query parameter."))]
        elif len(query.getlist(name)) > 1:
            errors[name] = [str(_("Give this parameter once."))]
        elif "\x00" in query[name]:
            # PostgreSQL refuses NUL in text; the value cannot match anything anyway.
            errors[name] = [str(_("Null characters are not allowed."))]
    if errors:
        raise InvalidParameters(errors)

    data = {name: query.get(name) for name in query if name not in allowed_extra}
    serializer = parameters_class(data=data, context={"request": request})
    if not serializer.is_valid():
        raise InvalidParameters(serializer.errors)
    return serializer.validated_data


@extend_schema_field(OpenApiTypes.STR)
class SiteField(serializers.Field):
    """A site given by its hostname (``chemienetzwerk-harz.localhost``), optionally with
    ``:port`` when one hostname serves several sites. Validates to the Site."""

    default_error_messages = {"unknown": _("No site with the hostname {value}.")}

    def to_internal_value(self, data):
        value = str(data).strip().lower()
        hostname, _sep, port = value.partition(":")
        sites = Site.objects.select_related("root_page").filter(hostname=hostname)
        if port:
            if not port.isdigit():
                self.fail("unknown", value=value)
            sites = sites.filter(port=int(port))
        site = sites.order_by("-is_default_site", "port").first()
        if site is None:
            self.fail("unknown", value=value)
        return site

    def to_representation(self, value):
        return value.hostname


class LocaleField(serializers.ChoiceField):
    """A content locale by language code (``de``, ``en``); validates to the Locale."""

    def __init__(self, **kwargs):
        languages = settings.WAGTAIL_CONTENT_LANGUAGES
        super().__init__(choices=[code for code, _name in languages], **kwargs)

    def to_internal_value(self, data):
        code = super().to_internal_value(data)
        locale = Locale.objects.filter(language_code=code).first()
        if locale is None:
            self.fail("invalid_choice", input=data)
        return locale
