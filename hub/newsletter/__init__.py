"""The newsletter's email edition.

Readers subscribe to a newsletter series through the API and confirm by email (double
opt-in); staff send a published issue to the confirmed subscribers of its series, each in
the subscriber's language, after a test send to one address.

- ``models``: subscribers, mailings, the delivery of an issue to each subscriber, test sends
- ``subscriptions``: asking for, confirming and ending a subscription
- ``ratelimit``: the limits of the subscription endpoint (per client, per address)
- ``tokens``: the signed links of confirmation and unsubscribe mails
- ``texts``: the mails' and pages' wording in German and English, and the consent text
- ``rendering`` (with ``plaintext``): an issue as an HTML and a plain-text mail, per language
- ``mail``: sender, Message-ID and unsubscribe headers shared by every mail
- ``sending``: test sends, "send to subscribers" and its batches over SMTP
- ``tasks``: the background tasks (django-tasks) that send the mails
- ``views`` / ``urls``: the hub-hosted confirm and unsubscribe pages
- ``admin_views`` / ``wagtail_hooks``: the issue's "Email edition" view, the subscriber list
"""
