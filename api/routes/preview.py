"""Route of the preview endpoint (api/preview/)."""

from django.urls import path

from api.preview.views import PreviewView

urlpatterns = [
    path("preview/", PreviewView.as_view(), name="preview"),
]
