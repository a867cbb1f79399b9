"""Routes of the structure endpoints: navigation, redirect lookup and sitemap."""

from django.urls import path

from api.views import structure

urlpatterns = [
    path("navigation/", structure.NavigationView.as_view(), name="navigation"),
    path("redirects/", structure.RedirectLookupView.as_view(), name="redirect-lookup"),
    path("sitemap/", structure.SitemapView.as_view(), name="sitemap"),
]
