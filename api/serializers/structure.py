"""The shapes of the structure endpoints: navigation, redirect lookup and sitemap.

They render what the selectors in api/selectors/navigation.py and api/selectors/redirects.py
return (dataclasses and dicts); none of them queries the database.
"""

from drf_spectacular.drainage import set_override
from rest_framework import serializers

from api.serializers.pages.base import PageAlternateSerializer

REDIRECT_STATUS_CODES = [(301, "permanent"), (302, "temporary")]


class MenuLinkSerializer(serializers.Serializer):
    """A link to a page in a menu or the footer.

    ::

        {"id": 14, "title": "Clusteratlas", "path": "/netzwerk/clusteratlas/"}
    """

    id = serializers.IntegerField(help_text="The page's id.")
    title = serializers.CharField(help_text="The page title, as its heading shows it.")
    path = serializers.CharField(help_text="Frontend path with locale prefix.")


class MenuSectionSerializer(MenuLinkSerializer):
    """A top-level entry of the main menu with its sub-pages (which have none of their own).

    ::

        {"id": 9, "title": "Das Netzwerk", "path": "/netzwerk/",
         "children": [{"id": 14, "title": "Clusteratlas", "path": "/netzwerk/clusteratlas/"}]}
    """

    children = MenuLinkSerializer(many=True, help_text="Sub-pages shown in menus, tree order.")


class NavigationSerializer(serializers.Serializer):
    """Main menu and footer links of a site in one locale.

    ::

        {
          "site": "chemienetzwerk-harz.localhost",
          "locale": "en",
          "main": [
            {"id": 31, "title": "The network", "path": "/en/network/",
             "children": [{"id": 32, "title": "Cluster atlas",
                           "path": "/en/network/cluster-atlas/"}]},
            {"id": 35, "title": "News", "path": "/en/news/", "children": []}
          ],
          "footer": [{"id": 40, "title": "Imprint", "path": "/en/imprint/"}]
        }
    """

    site = serializers.CharField(source="site.hostname", help_text="The site's hostname.")
    locale = serializers.CharField(source="locale.language_code", help_text="Language code.")
    main = MenuSectionSerializer(
        many=True, help_text='Pages with "show in menus" below the site root, two levels deep.'
    )
    footer = MenuLinkSerializer(many=True, help_text='Pages with "show in footer", tree order.')


class RedirectStatusCodeField(serializers.ChoiceField):
    """301 (permanent) or 302 (temporary), as one named enum (``RedirectStatusCode``) for
    every payload that carries a redirect. Set in ``__init__`` because DRF copies declared
    fields by re-instantiating them."""

    def __init__(self, **kwargs):
        kwargs.setdefault("help_text", "301 for a permanent redirect, 302 for a temporary one.")
        super().__init__(choices=REDIRECT_STATUS_CODES, **kwargs)
        codes = [code for code, _label in REDIRECT_STATUS_CODES]
        set_override(self, "field", {"type": "integer", "enum": codes})
        set_override(self, "field_component_name", "RedirectStatusCode")


class RedirectTargetSerializer(serializers.Serializer):
    """Where a frontend sends a visitor who asked for an old path.

    ::

        {"old_path": "/alt/ueber-uns", "status_code": 301,
         "location": "/ueber-uns/", "is_external": false}
    """

    old_path = serializers.CharField(
        help_text="The redirect's path as Wagtail stores it: no trailing slash, sorted query."
    )
    status_code = RedirectStatusCodeField()
    location = serializers.CharField(
        help_text="A path on the same site, or an absolute URL when is_external is true."
    )
    is_external = serializers.BooleanField(
        help_text="True when location is an absolute URL (another site, any web address)."
    )


class SitemapEntrySerializer(serializers.Serializer):
    """A page for the sitemap, with its versions in other locales for hreflang links.

    ::

        {"id": 7, "locale": "de", "path": "/ueber-uns/",
         "url": "https://www.chemienetzwerk-harz.example/ueber-uns/",
         "last_modified": "2024-05-14T16:02:11+02:00",
         "alternates": [{"locale": "de", "path": "/ueber-uns/", "id": 7},
                        {"locale": "en", "path": "/en/about-us/", "id": 12}]}
    """

    id = serializers.IntegerField()
    locale = serializers.CharField(help_text="Language code.")
    path = serializers.CharField(help_text="Frontend path with locale prefix.")
    url = serializers.URLField(
        allow_null=True, help_text="Absolute frontend URL; null when the site has no frontend."
    )
    last_modified = serializers.DateTimeField(
        allow_null=True, help_text="When the page was last published."
    )
    alternates = PageAlternateSerializer(
        many=True, help_text="Every live, public locale version, the page itself included."
    )
