"""Translations of moderated snippets go through "Translation review".

Pages get the workflow from their translated site root (see
:mod:`hub.translation.site_roots`). Snippets have no tree: Wagtail assigns their workflow
per model, which would send English organisations to the same reviewers as German ones.
"""

from django.conf import settings

from hub.translation.roles import is_source_locale, translation_workflow


class TargetLocaleWorkflowMixin:
    """For a WorkflowMixin snippet: instances in a target locale use "Translation review".

    List it before ``WorkflowMixin`` in the model's bases. Source-locale instances keep the
    model's workflow, as do all instances when the translation workflow is missing or
    inactive.
    """

    def get_workflow(self):
        if (
            getattr(settings, "WAGTAIL_WORKFLOW_ENABLED", True)
            and self.locale_id is not None
            and not is_source_locale(self)
        ):
            workflow = translation_workflow()
            if workflow is not None:
                return workflow
        return super().get_workflow()
