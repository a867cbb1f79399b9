# Wagtail looks for hooks in <app>/wagtail_hooks.py only; the feature packages keep theirs.
from api.webhooks import wagtail_hooks  # noqa: F401
