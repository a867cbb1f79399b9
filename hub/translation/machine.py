"""Machine translation through DeepL, configured from the environment (see hub.settings.env)."""

from wagtail_localize.machine_translators import deepl


class DeepLTranslator(deepl.DeepLTranslator):
    """localize's DeepL translator with a configurable endpoint.

    ``OPTIONS["API_URL"]`` (from ``DEEPL_API_URL``) replaces the endpoint that the library
    picks by key type (free or pro), for a proxy or a local test server.
    """

    def get_api_endpoint(self) -> str:
        return self.options.get("API_URL") or super().get_api_endpoint()
