"""Publish webhooks: tell the frontends what to revalidate when content changes.

- ``models``: endpoints per site (secret derived, never stored) and the delivery log.
- ``events``: publishing signals → events, queued when the transaction commits.
- ``affected`` / ``payloads``: which pages show the object, and the JSON per site.
- ``dispatch``: deliveries for the subscribed endpoints, optional CDN purge.
- ``delivery`` / ``tasks``: the signed POST in the background worker, with retries.
- ``signing``: secrets and signatures.
- ``wagtail_hooks`` / ``views`` / ``forms`` / ``permissions``: the admin under Settings.

The receiver's side is documented in frontend_contract/WEBHOOKS.md.
"""
