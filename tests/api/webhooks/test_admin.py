"""The webhooks under Settings in the admin: endpoints, the secret shown once, rotation,
the test event, the delivery log, and who may see any of it."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group, Permission
from django.test import Client
from django.utils import timezone

from api.webhooks.models import DeliveryStatus, EventType, WebhookDelivery, WebhookEndpoint
from tests.api.webhooks.conftest import assert_signed_by, make_endpoint
from tests.factories.users import UserFactory

pytestmark = pytest.mark.django_db

ADD_URL = "/admin/webhooks/new/"


def form_data(site, **changes) -> dict:
    data = {
        "name": "Next.js production",
        "site": site.pk,
        "url": "https://www.chemienetzwerk-harz.example/api/revalidate",
        "events": [EventType.PAGE_PUBLISHED, EventType.PAGE_UNPUBLISHED],
        "is_active": "on",
    }
    data.update(changes)
    return data


def secret_on_page(response) -> str:
    """The secret in the page that shows it (``<code data-webhook-secret ...>``)."""
    html = response.content.decode()
    start = html.index("data-webhook-secret")
    start = html.index(">", start) + 1
    return html[start : html.index("<", start)]


def test_creating_an_endpoint_shows_its_secret_once(staff_client, site):
    response = staff_client.post(ADD_URL, form_data(site))

    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    endpoint = WebhookEndpoint.objects.get()
    assert endpoint.events == ["page.published", "page.unpublished"]
    secret = secret_on_page(response)
    assert secret.startswith("whsec_")
    assert len(secret) == len("whsec_") + 43
    assert secret == endpoint.signing_secret()
    assert endpoint.secret_prefix == secret[:12]

    # Nothing in the row is the secret or contains it (with or without its prefix).
    row = WebhookEndpoint.objects.filter(pk=endpoint.pk).values().get()
    for value in row.values():
        assert secret not in str(value)
        assert secret.removeprefix("whsec_") not in str(value)

    # Never shown again.
    edit_page = staff_client.get(f"/admin/webhooks/edit/{endpoint.pk}/").content.decode()
    assert secret not in edit_page
    assert endpoint.secret_prefix in edit_page
    assert secret not in staff_client.get("/admin/webhooks/").content.decode()


def test_endpoints_of_different_sites_have_different_secrets(site, other_site):
    first = make_endpoint(site, "https://a.example/hook")
    second = make_endpoint(other_site, "https://b.example/hook")

    assert first.signing_secret() != second.signing_secret()
    assert first.signing_secret() == WebhookEndpoint.objects.get(pk=first.pk).signing_secret()


def test_changing_the_webhook_secret_key_changes_every_secret(settings, site):
    endpoint = make_endpoint(site, "https://a.example/hook")
    before = endpoint.signing_secret()

    settings.WEBHOOK_SECRET_KEY = "another-key-for-webhook-secrets-0123456789-abcdefghij"

    assert endpoint.signing_secret() != before


@pytest.mark.parametrize(
    "url",
    ["ftp://www.chemienetzwerk-harz.example/hook", "javascript:alert(1)", "file:///etc/passwd"],
)
def test_only_http_and_https_urls_are_accepted(staff_client, site, url):
    response = staff_client.post(ADD_URL, form_data(site, url=url))

    assert response.status_code == 200
    assert "url" in response.context["form"].errors
    assert not WebhookEndpoint.objects.exists()


def test_an_endpoint_needs_at_least_one_event(staff_client, site):
    data = form_data(site)
    del data["events"]

    response = staff_client.post(ADD_URL, data)

    assert response.context["form"].errors["events"] == ["Choose at least one event."]
    assert not WebhookEndpoint.objects.exists()


def test_rotating_the_secret_shows_the_new_one_once(staff_client, site):
    endpoint = make_endpoint(site, "https://a.example/hook")
    old_secret = endpoint.signing_secret()
    url = f"/admin/webhooks/rotate-secret/{endpoint.pk}/"

    confirmation = staff_client.get(url)
    assert confirmation.status_code == 200
    endpoint.refresh_from_db()
    assert endpoint.signing_secret() == old_secret

    response = staff_client.post(url)

    endpoint.refresh_from_db()
    new_secret = secret_on_page(response)
    assert new_secret == endpoint.signing_secret() != old_secret
    assert endpoint.secret_prefix == new_secret[:12]
    assert endpoint.secret_rotated_at is not None
    assert "no-store" in response["Cache-Control"]


def test_a_test_event_reaches_the_endpoint(staff_client, site, http_receiver):
    endpoint = make_endpoint(site, http_receiver.url("/hook"), events=[EventType.PAGE_DELETED])

    response = staff_client.post(f"/admin/webhooks/send-test/{endpoint.pk}/")

    delivery = WebhookDelivery.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/admin/webhook_log/inspect/{delivery.pk}/"
    [request] = http_receiver.wait_for(1)
    assert_signed_by(request, endpoint)
    assert request.header("X-Hub-Event") == "ping"
    body = request.json()
    assert body["type"] == "ping"
    assert body["object"] is None
    assert body["affected_paths"] == []
    assert delivery.event_type == "ping"


def test_the_log_filters_by_status_and_shows_a_delivery(staff_client, site):
    endpoint = make_endpoint(site, "https://a.example/hook")
    failed = WebhookDelivery.objects.create(
        endpoint=endpoint,
        event_type=EventType.PAGE_PUBLISHED,
        payload={"type": "page.published", "affected_paths": ["/cknews/"]},
        status=DeliveryStatus.FAILED,
        attempts=8,
        last_status_code=503,
        last_latency_ms=87,
    )
    WebhookDelivery.objects.create(
        endpoint=endpoint,
        event_type=EventType.PAGE_DELETED,
        payload={},
        status=DeliveryStatus.SUCCEEDED,
    )

    listing = staff_client.get("/admin/webhook_log/", {"status": "failed"})

    assert listing.status_code == 200
    assert list(listing.context["object_list"]) == [failed]
    detail = staff_client.get(f"/admin/webhook_log/inspect/{failed.pk}/").content.decode()
    assert "&quot;/cknews/&quot;" in detail or '"/cknews/"' in detail
    assert f'action="/admin/webhook_log/redeliver/{failed.pk}/"' in detail
    # The log is read-only.
    assert staff_client.get(f"/admin/webhook_log/edit/{failed.pk}/").status_code == 404
    assert staff_client.get(f"/admin/webhook_log/delete/{failed.pk}/").status_code == 404
    assert staff_client.get("/admin/webhook_log/new/").status_code == 404


def test_redeliver_needs_a_post(staff_client, site):
    endpoint = make_endpoint(site, "https://a.example/hook")
    delivery = WebhookDelivery.objects.create(
        endpoint=endpoint, event_type=EventType.PAGE_PUBLISHED, payload={}
    )

    response = staff_client.get(f"/admin/webhook_log/redeliver/{delivery.pk}/")

    assert response.status_code == 405
    assert WebhookDelivery.objects.count() == 1


def test_anonymous_visitors_are_sent_to_the_login(client, site):
    for url in ("/admin/webhooks/", "/admin/webhook_log/", ADD_URL):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/admin/login/")


def assert_refused(response) -> None:
    """Wagtail answers a refused admin view with a redirect to the dashboard (and a
    message) for page loads, 403 otherwise."""
    assert (response.status_code, response.get("Location")) in {(403, None), (302, "/admin/")}


def test_editors_without_the_permission_are_refused(client, site):
    endpoint = make_endpoint(site, "https://a.example/hook")
    delivery = WebhookDelivery.objects.create(
        endpoint=endpoint, event_type=EventType.PAGE_PUBLISHED, payload={}
    )
    client.force_login(UserFactory(groups=["Editors"]))

    for url in (
        "/admin/webhooks/",
        ADD_URL,
        f"/admin/webhooks/edit/{endpoint.pk}/",
        f"/admin/webhooks/rotate-secret/{endpoint.pk}/",
        "/admin/webhook_log/",
        f"/admin/webhook_log/inspect/{delivery.pk}/",
    ):
        assert_refused(client.get(url))
    assert_refused(client.post(f"/admin/webhooks/rotate-secret/{endpoint.pk}/"))
    assert_refused(client.post(f"/admin/webhooks/send-test/{endpoint.pk}/"))
    assert_refused(client.post(f"/admin/webhook_log/redeliver/{delivery.pk}/"))
    assert_refused(client.post(ADD_URL, form_data(site)))
    assert WebhookDelivery.objects.count() == 1
    assert WebhookEndpoint.objects.get().secret_rotated_at is None
    assert WebhookEndpoint.objects.count() == 1
    assert "/admin/webhooks/" not in client.get("/admin/").content.decode()


def test_the_manage_webhooks_permission_opens_the_admin(client, site):
    group = Group.objects.create(name="Web team")
    group.permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="manage_webhooks"),
    )
    client.force_login(UserFactory(groups=["Web team"]))

    assert client.get("/admin/webhooks/").status_code == 200
    assert client.get("/admin/webhook_log/").status_code == 200
    response = client.post(ADD_URL, form_data(site))
    assert response.status_code == 200
    assert WebhookEndpoint.objects.count() == 1


def test_finished_deliveries_older_than_the_retention_are_deleted(
    staff_client, settings, site, http_receiver
):
    settings.WEBHOOK_LOG_RETENTION_DAYS = 30
    endpoint = make_endpoint(site, http_receiver.url("/hook"))
    old_finished = WebhookDelivery.objects.create(
        endpoint=endpoint, event_type="ping", payload={}, status=DeliveryStatus.SUCCEEDED
    )
    old_retrying = WebhookDelivery.objects.create(
        endpoint=endpoint, event_type="ping", payload={}, status=DeliveryStatus.RETRYING
    )
    recent = WebhookDelivery.objects.create(
        endpoint=endpoint, event_type="ping", payload={}, status=DeliveryStatus.FAILED
    )
    WebhookDelivery.objects.filter(pk__in=[old_finished.pk, old_retrying.pk]).update(
        created_at=timezone.now() - timedelta(days=31)
    )

    staff_client.post(f"/admin/webhooks/send-test/{endpoint.pk}/")

    remaining = set(WebhookDelivery.objects.values_list("pk", flat=True))
    assert old_finished.pk not in remaining
    assert {old_retrying.pk, recent.pk} <= remaining
    assert len(remaining) == 3  # and the test event's delivery


def test_actions_need_the_csrf_token(staff_user, site):
    endpoint = make_endpoint(site, "https://a.example/hook")
    delivery = WebhookDelivery.objects.create(
        endpoint=endpoint, event_type=EventType.PAGE_PUBLISHED, payload={}
    )
    client = Client(enforce_csrf_checks=True)
    client.force_login(staff_user)

    for url in (
        f"/admin/webhooks/rotate-secret/{endpoint.pk}/",
        f"/admin/webhooks/send-test/{endpoint.pk}/",
        f"/admin/webhook_log/redeliver/{delivery.pk}/",
    ):
        assert client.post(url).status_code == 403, url
    assert WebhookDelivery.objects.count() == 1
    assert WebhookEndpoint.objects.get().secret_rotated_at is None
