# Importing the modules registers their hooks.
from hub.members import (  # noqa: F401
    admin_access,
    admin_management,
    admin_review,
)
from hub.newsletter import wagtail_hooks as newsletter_hooks  # noqa: F401
from hub.translation import (  # noqa: F401
    admin_hooks,
    po_admin,
)
