"""The pages behind the links of newsletter mails: confirm a subscription, unsubscribe.

GET only shows a page with a button; the change happens on POST, so link scanners of mail
programs, which follow links, confirm or unsubscribe nobody. The POST needs no CSRF token:
the signed token in the address is what authorises it, and RFC 8058's one-click
unsubscribe (``List-Unsubscribe=One-Click``, posted by the mail program itself) cannot send
one. The pages speak the subscriber's language; a link that names no valid subscriber gets
a page in both.
"""

from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from hub.newsletter import subscriptions
from hub.newsletter.models import Subscriber, SubscriberStatus
from hub.newsletter.texts import INVALID_LINK, TEST_LINK, mail_language, texts_for
from hub.newsletter.tokens import TEST_SEND_TOKEN, InvalidToken, Purpose, subscriber_for_token


@csrf_exempt
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def confirm(request, token: str):
    try:
        subscriber = subscriber_for_token(token, Purpose.CONFIRM)
    except InvalidToken:
        return _bilingual_notice(request, INVALID_LINK, status=400)
    texts = _texts(subscriber)
    if request.method == "POST" or subscriber.status == SubscriberStatus.CONFIRMED:
        subscriptions.confirm(subscriber)
        return _page(request, subscriber, texts["confirmed_title"], texts["confirmed_text"])
    return _page(
        request,
        subscriber,
        texts["confirm_page_title"],
        texts["confirm_page_intro"],
        button=texts["confirm_button"],
        consent_heading=texts["confirm_page_consent"],
        consent_text=subscriber.consent_text,
    )


@csrf_exempt
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def unsubscribe(request, token: str):
    if token == TEST_SEND_TOKEN:
        return _bilingual_notice(request, TEST_LINK, status=200)
    try:
        subscriber = subscriber_for_token(token, Purpose.UNSUBSCRIBE)
    except InvalidToken:
        return _bilingual_notice(request, INVALID_LINK, status=400)
    texts = _texts(subscriber)
    # A one-click POST (RFC 8058) and the page's button post to this same address.
    if request.method == "POST" or subscriber.status == SubscriberStatus.UNSUBSCRIBED:
        subscriptions.unsubscribe(subscriber)
        return _page(request, subscriber, texts["unsubscribed_title"], texts["unsubscribed_text"])
    return _page(
        request,
        subscriber,
        texts["unsubscribe_page_title"],
        texts["unsubscribe_page_intro"],
        button=texts["unsubscribe_button"],
        one_click=True,
    )


def _texts(subscriber: Subscriber) -> dict[str, str]:
    name = subscriptions.series_name(subscriber.series, locale=subscriber.locale)
    return texts_for(subscriber.locale.language_code, email=subscriber.email, series=name)


def _page(request, subscriber: Subscriber, title: str, text: str, **context):
    response = render(
        request,
        "newsletter/page.html",
        {
            "language": mail_language(subscriber.locale.language_code),
            "title": title,
            "text": text,
            **context,
        },
    )
    return _private(response)


def _bilingual_notice(request, notice: dict[str, str], *, status: int):
    response = render(
        request,
        "newsletter/notice.html",
        {"title": notice["title"], "german": notice["de"], "english": notice["en"]},
        status=status,
    )
    return _private(response)


def _private(response):
    # The address holds a personal token: keep it out of search engines and Referer headers.
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Referrer-Policy"] = "no-referrer"
    return response
