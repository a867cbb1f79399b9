"""The "Email edition" in the admin: test send, send to subscribers, permissions, lists."""

import pytest
from django.contrib.auth.models import Permission
from django.contrib.messages import get_messages
from django.urls import reverse

from hub.newsletter.models import Mailing, MailingDelivery, SubscriberStatus, TestSend
from hub.newsletter.sending import send_test
from tests.factories import locale
from tests.factories.pages import translate_page
from tests.factories.users import UserFactory, is_denied
from tests.hub.newsletter.conftest import add_subscribers

pytestmark = pytest.mark.django_db


def edition_url(issue) -> str:
    return reverse("hub_newsletter_email_edition", args=[issue.pk])


def send_url(issue) -> str:
    return reverse("hub_newsletter_send", args=[issue.pk])


def message_texts(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


@pytest.fixture
def editor(client):
    """An editor without the permission to send newsletters."""
    user = UserFactory(groups=["Editors"])
    client.force_login(user)
    return user


@pytest.fixture
def sender(client):
    """An editor who may send newsletters (not a superuser)."""
    user = UserFactory(groups=["Editors"])
    user.user_permissions.add(
        Permission.objects.get(content_type__app_label="hub", codename="send_newsletter")
    )
    client.force_login(user)
    return user


def test_the_view_shows_counts_and_why_sending_is_not_possible_yet(staff_client, issue):
    series = issue.get_parent().specific
    add_subscribers(series, 3, language="de")
    add_subscribers(series, 2, language="en")
    add_subscribers(series, 1, language="en", status=SubscriberStatus.PENDING, start=10)

    response = staff_client.get(edition_url(issue))

    assert response.status_code == 200
    html = response.content.decode()
    rows = {row["locale"]: row for row in response.context["locale_counts"]}
    assert (rows["Deutsch"]["confirmed"], rows["English"]["confirmed"]) == (3, 2)
    assert rows["English"]["pending"] == 1
    assert response.context["new_recipients"] == 5
    assert "Send a test of the live version first" in html
    assert 'disabled aria-describedby="send-disabled-reason"' in html
    assert 'value="staff@example.org"' in html  # the test goes to the user by default


def test_a_test_send_from_the_form(staff_client, staff_user, issue, smtp_server):
    response = staff_client.post(
        edition_url(issue), {"address": "pruefung@example.org", "locale": "de"}
    )

    assert response.status_code == 302
    [message] = smtp_server.wait_for(1)
    assert message.recipients == ["pruefung@example.org"]
    record = TestSend.objects.get()
    assert (record.sent_by, record.address) == (staff_user, "pruefung@example.org")
    page = staff_client.get(edition_url(issue))
    assert page.context["readiness"].can_send
    assert page.context["test_sends"][0]["matches_live"]


def test_an_invalid_test_address_is_a_form_error(staff_client, issue, smtp_server):
    response = staff_client.post(edition_url(issue), {"address": "kaputt", "locale": "de"})

    assert response.status_code == 200
    assert "address" in response.context["form"].errors
    assert not TestSend.objects.exists()
    assert smtp_server.messages == []


def test_sending_is_refused_without_a_test_send(staff_client, issue):
    add_subscribers(issue.get_parent().specific, 2)

    confirm = staff_client.get(send_url(issue))
    response = staff_client.post(send_url(issue))

    assert confirm.status_code == 302
    assert response.status_code == 302
    assert any("Send a test" in text for text in message_texts(response))
    assert not Mailing.objects.exists()
    assert not MailingDelivery.objects.exists()


def test_send_to_subscribers_after_the_test(
    client, sender, issue, smtp_server, django_capture_on_commit_callbacks
):
    subscribers = add_subscribers(issue.get_parent().specific, 3)
    send_test(issue=issue, address="pruefung@example.org", locale=locale("de"), user=sender)
    smtp_server.clear()

    confirm = client.get(send_url(issue))
    assert confirm.status_code == 200
    assert "3 confirmed subscribers" in confirm.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(send_url(issue))

    assert response.status_code == 302
    smtp_server.wait_for(3)
    assert sorted(m.recipients[0] for m in smtp_server.messages) == sorted(
        s.email for s in subscribers
    )
    mailing = Mailing.objects.get()
    assert mailing.requested_by == sender
    page = client.get(edition_url(issue))
    [(listed, progress)] = page.context["mailings"]
    assert (listed, progress.sent) == (mailing, 3)


def test_retry_from_the_admin(
    staff_client, staff_user, issue, smtp_server, django_capture_on_commit_callbacks
):
    add_subscribers(issue.get_parent().specific, 2)
    send_test(issue=issue, address="pruefung@example.org", locale=locale("de"), user=staff_user)
    smtp_server.clear()
    smtp_server.fail_next(1)
    with django_capture_on_commit_callbacks(execute=True):
        staff_client.post(send_url(issue))
    mailing = Mailing.objects.get()
    assert mailing.deliveries.filter(status="failed").count() == 1

    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(reverse("hub_newsletter_retry", args=[mailing.pk]))

    assert response.status_code == 302
    assert len(smtp_server.wait_for(2)) == 2
    assert not mailing.deliveries.exclude(status="sent").exists()


def test_users_without_the_permission_are_refused(client, editor, issue, smtp_server):
    add_subscribers(issue.get_parent().specific, 2)
    TestSend.objects.create(
        issue=issue,
        revision_id=issue.live_revision_id,
        locale=locale("de"),
        address="a@example.org",
        content_digest="x",
    )
    mailing = Mailing.objects.create(issue=issue)

    responses = [
        client.get(edition_url(issue)),
        client.post(edition_url(issue), {"address": "a@example.org", "locale": "de"}),
        client.get(send_url(issue)),
        client.post(send_url(issue)),
        client.post(reverse("hub_newsletter_retry", args=[mailing.pk])),
    ]

    assert all(is_denied(response) for response in responses)
    assert Mailing.objects.count() == 1
    assert not MailingDelivery.objects.exists()
    assert TestSend.objects.count() == 1
    assert smtp_server.messages == []


def test_the_page_header_offers_the_email_edition_to_senders_only(client, sender, issue):
    edit_url = reverse("wagtailadmin_pages:edit", args=[issue.pk])

    assert edition_url(issue) in client.get(edit_url).content.decode()

    client.force_login(UserFactory(groups=["Editors"]))
    assert edition_url(issue) not in client.get(edit_url).content.decode()


def test_a_translation_leads_to_the_german_issue(staff_client, issue):
    english = translate_page(issue, "en")

    response = staff_client.get(edition_url(english))

    assert response.status_code == 302
    assert response.url == edition_url(issue)


def test_subscribers_are_listed_read_only_with_filters(staff_client, issue):
    series = issue.get_parent().specific
    add_subscribers(series, 2, language="de")
    add_subscribers(series, 1, language="en", status=SubscriberStatus.UNSUBSCRIBED, start=5)
    index = reverse("newsletter_subscribers:index")

    everyone = staff_client.get(index)
    unsubscribed = staff_client.get(index, {"status": "unsubscribed"})
    english = staff_client.get(index, {"locale": locale("en").pk})

    assert everyone.status_code == 200
    assert "leser0.de@example.org" in everyone.content.decode()
    assert [s.email for s in unsubscribed.context["object_list"]] == ["leser5.en@example.org"]
    assert [s.email for s in english.context["object_list"]] == ["leser5.en@example.org"]
    assert is_denied(staff_client.get(reverse("newsletter_subscribers:add")))
    subscriber = series.newsletter_subscribers.first()
    assert is_denied(staff_client.get(reverse("newsletter_subscribers:edit", args=[subscriber.pk])))
    inspect = staff_client.get(reverse("newsletter_subscribers:inspect", args=[subscriber.pk]))
    assert inspect.status_code == 200
    assert subscriber.consent_text in inspect.content.decode()


def test_the_subscriber_list_is_in_the_settings_menu(staff_client):
    response = staff_client.get(reverse("wagtailadmin_home"))

    assert reverse("newsletter_subscribers:index") in response.content.decode()
