"""Headless preview: the admin's "Preview" shows a draft on the site's own frontend.

Wagtail previews what is in the editor, saved or not (the live preview panel posts the
form before every refresh), so the previewed object is kept as a *snapshot*: its
serialised state, the way Wagtail keeps revisions (``models.PreviewSnapshot``). The admin
then sends the browser to the site's frontend preview route with a signed, expiring token
naming the snapshot (``handoff.py``, ``tokens.py``), and the frontend reads the draft from
``GET /api/v1/preview/?token=...`` (``views.py``) in the same schema as the live API.

Snapshots are deleted once their tokens have expired, whenever a new snapshot is taken
(``snapshots.py``); there is no scheduled clean-up to run.
"""
