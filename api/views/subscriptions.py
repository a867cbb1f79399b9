"""Subscribing to a newsletter: the API's one write endpoint for anonymous readers.

Unlike the read endpoints (api/views/base.py) it takes a JSON body and is never cached.
There is no CSRF check: the API authenticates nobody, so a forged request can do nothing
a frontend could not do itself, and the double opt-in mail guards the address's owner.
"""

from django.utils import translation
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import exceptions
from rest_framework.parsers import JSONParser
from rest_framework.permissions import AllowAny
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.views import APIView

from api.problems import (
    PROBLEM_CONTENT_TYPE,
    NotFound,
    ProblemSerializer,
    problem_exception_handler,
)
from api.selectors.directory import published_newsletter_series
from api.serializers.subscriptions import (
    ACCEPTED_DETAIL,
    ACCEPTED_STATUS,
    SubscriptionAcceptedSerializer,
    SubscriptionSerializer,
)
from hub.newsletter.ratelimit import MAILS_PER_ADDRESS, REQUESTS_PER_CLIENT, client_key
from hub.newsletter.subscriptions import request_subscription, source_series


class RateLimited(exceptions.Throttled):
    default_detail = "Too many subscription requests. Try again later."

    def __init__(self, wait: int):
        super().__init__(wait=wait, detail=self.default_detail)


def problem(description: str) -> OpenApiResponse:
    return OpenApiResponse(response=ProblemSerializer, description=description)


class SubscriptionCreateView(APIView):
    """Subscribe a reader to a newsletter series (double opt-in).

    ``POST /api/v1/newsletters/21/subscriptions/`` with ``Content-Type: application/json``::

        {"email": "anna.beispiel@example.org", "locale": "en", "consent": true}

    answers ``202 Accepted``::

        {"status": "pending-confirmation",
         "detail": "If the address can receive the newsletter, a message is on its way ..."}

    The reader gets a mail in their language with a link to confirm; the subscription starts
    when they confirm on the page it leads to. The answer is the same whether the address
    is new, waiting for confirmation, subscribed or unsubscribed, so the endpoint tells no
    one who reads the newsletter. The series may be given in any of its languages.

    Limits: 10 requests per hour from one IP address, 3 mails per day to one address;
    beyond them a 429 problem with ``Retry-After`` (seconds).
    """

    authentication_classes = ()
    permission_classes = (AllowAny,)
    parser_classes = (JSONParser,)
    renderer_classes = (JSONRenderer,)
    http_method_names = ["post", "options"]

    def get_exception_handler(self):
        return problem_exception_handler

    def dispatch(self, request, *args, **kwargs):
        with translation.override("en"):
            return super().dispatch(request, *args, **kwargs)

    @extend_schema(
        operation_id="newsletters_subscriptions_create",
        summary="Subscribe to a newsletter",
        request=SubscriptionSerializer,
        responses={
            202: OpenApiResponse(
                response=SubscriptionAcceptedSerializer,
                description="Accepted; the same answer for every valid request.",
            ),
            (400, PROBLEM_CONTENT_TYPE): problem(
                "Malformed JSON, an unknown field, an invalid address or locale, or no consent."
            ),
            (404, PROBLEM_CONTENT_TYPE): problem("No live, public newsletter series here."),
            (415, PROBLEM_CONTENT_TYPE): problem("The body is not application/json."),
            (429, PROBLEM_CONTENT_TYPE): problem("Too many requests; see Retry-After."),
        },
        parameters=[
            OpenApiParameter(
                "Retry-After",
                OpenApiTypes.INT,
                location=OpenApiParameter.HEADER,
                response=[429],
                description="Seconds until the limit resets.",
            )
        ],
    )
    def post(self, request, series_id: int):
        if wait := REQUESTS_PER_CLIENT.hit(client_key(request)):
            raise RateLimited(wait)
        series = published_newsletter_series(series_id=series_id)
        if series is None:
            raise NotFound()
        serializer = SubscriptionSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        email = serializer.validated_data["email"]
        if wait := MAILS_PER_ADDRESS.hit(email.lower()):
            raise RateLimited(wait)
        request_subscription(
            series=source_series(series), email=email, locale=serializer.validated_data["locale"]
        )
        return Response(
            {"status": ACCEPTED_STATUS, "detail": ACCEPTED_DETAIL},
            status=202,
            headers={"Cache-Control": "no-store"},
        )
