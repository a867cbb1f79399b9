"""Admin hooks of the translation workflow: URLs, the report's menu item, permissions."""

from django.contrib.auth.models import Permission
from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from hub.translation import views


# Before localize's hook, so that ReviewedUpdateTranslationsView answers at the address of
# localize's sync view (Django uses the first matching pattern); reversing
# "wagtail_localize:update_translations" still gives that address.
@hooks.register("register_admin_urls", order=-1)
def register_translation_urls():
    return [
        path(
            "translations/<int:translation_id>/submit/",
            views.submit_for_review,
            name="hub_translation_submit",
        ),
        path(
            "reports/translation-status/",
            views.TranslationStatusReportView.as_view(),
            name="hub_translation_status",
        ),
        path(
            "reports/translation-status/results/",
            views.TranslationStatusReportView.as_view(results_only=True),
            name="hub_translation_status_results",
        ),
        path(
            "localize/update/<int:translation_source_id>/",
            views.ReviewedUpdateTranslationsView.as_view(),
            name="hub_update_translations",
        ),
    ]


class TranslationStatusMenuItem(MenuItem):
    def is_shown(self, request):
        return views.can_view_translation_status(request.user)


@hooks.register("register_reports_menu_item")
def register_translation_status_menu_item():
    return TranslationStatusMenuItem(
        "Translation status",
        reverse("hub_translation_status"),
        name="translation-status",
        icon_name="site",
        order=8900,
    )


@hooks.register("register_permissions")
def register_source_content_permission():
    return Permission.objects.filter(content_type__app_label="hub", codename="edit_source_content")
