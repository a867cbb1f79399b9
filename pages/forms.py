"""Admin forms of the page types."""

from wagtail.admin.forms import WagtailAdminPageForm

from snippets.forms import LocaleScopedChoicesMixin


class BasePageForm(LocaleScopedChoicesMixin, WagtailAdminPageForm):
    """Offers topics and fundings in the page's language (see LocaleScopedChoicesMixin)."""


class NewsletterIssueForm(BasePageForm):
    """Hands the parent series to the page's clean(), which a new page cannot look up yet."""

    def __init__(self, *args, parent_page=None, **kwargs):
        super().__init__(*args, parent_page=parent_page, **kwargs)
        self.instance.validation_parent = parent_page
