"""Admin hooks of the review of member submissions: the reviewers' dashboard panel and the
"Member submissions" report (its URLs and its item in the Reports menu)."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from hub.members.dashboard import MemberSubmissionsPanel, is_reviewer
from hub.members.reports import MemberSubmissionsReportView, can_view_submissions


@hooks.register("register_admin_urls")
def register_review_urls():
    return [
        path(
            "reports/member-submissions/",
            MemberSubmissionsReportView.as_view(),
            name="hub_member_submissions",
        ),
        path(
            "reports/member-submissions/results/",
            MemberSubmissionsReportView.as_view(results_only=True),
            name="hub_member_submissions_results",
        ),
    ]


class MemberSubmissionsMenuItem(MenuItem):
    def is_shown(self, request):
        return can_view_submissions(request.user)


@hooks.register("register_reports_menu_item")
def register_member_submissions_menu_item():
    return MemberSubmissionsMenuItem(
        "Member submissions",
        reverse("hub_member_submissions"),
        name="member-submissions",
        icon_name="group",
        order=8950,
    )


@hooks.register("construct_homepage_panels")
def add_member_submissions_panel(request, panels):
    if is_reviewer(request.user):
        panels.append(MemberSubmissionsPanel())
