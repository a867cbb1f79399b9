# Importing the modules registers their hooks.
from hub.translation import (  # noqa: F401
    admin_hooks,
    po_admin,
)
