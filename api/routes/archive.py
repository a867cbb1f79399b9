"""Routes of the archive endpoint."""

from django.urls import path

from api.views import archive

urlpatterns = [
    path("archive/", archive.ArchiveListView.as_view(), name="archive"),
]
